using MultiRate.Core.Rates;
using MultiRate.Core.Schedule;
using MultiRate.Training.Schedule;

namespace MultiRate.Training.Model;

/// <summary>How the runtime builds the context module of one level of the chain feeding the head.</summary>
/// <param name="Module">The module's name in the profile.</param>
/// <param name="SeedOffset">Added to the config seed, as the runtime's module factory does (100 per context module before it, by rate).</param>
/// <param name="UpstreamInput">Whether the module takes an upstream latent (a handoff feeds its clock): it then has <c>up_proj</c>.</param>
internal sealed record ContextLevel(string Module, int SeedOffset, bool UpstreamInput)
{
    /// <summary>The single level of a profile with one slow clock: seed + 0, no upstream.</summary>
    public static ContextLevel[] Single { get; } = [new("context", 0, false)];

    /// <summary>The chain feeding the head in <paramref name="profile"/>: the head source clock's module first, then its upstream's, and so on.</summary>
    /// <exception cref="Core.Errors.UserInputException">No clock hands its latent to the action clock.</exception>
    public static ContextLevel[] ChainOf(RateProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        CalendarSpec spec = CalendarSpec.FromProfile(profile);

        // The runtime's module factory seeds each context module with seed + 100 * its position among them, by rate.
        List<string> modules = [.. profile.Clocks.OrderBy(c => c.RateHz).Where(c => profile.ModuleOf(c).Kind == ModuleKind.Context).Select(c => c.Module).Distinct()];
        return [.. ScheduleTimeline.Chain(spec, profile).Select(i =>
        {
            ClockDefinition clock = profile.Clock(spec.Slow[i].Name);
            return new ContextLevel(clock.Module, 100 * modules.IndexOf(clock.Module), profile.Handoffs.Any(h => h.To == clock.Name));
        })];
    }
}
