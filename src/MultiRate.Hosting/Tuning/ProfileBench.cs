using System.Diagnostics;
using MultiRate.Core.Budgets;
using MultiRate.Core.Latent;
using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Runtime.Composition;

namespace MultiRate.Hosting.Tuning;

/// <summary>
/// Backend of <c>multirate bench profile</c>: builds the modules of a profile and config the way a
/// run does, and times each clock's module call by call on this machine.
/// </summary>
/// <remarks>
/// Method: the modules come from the same <see cref="IModuleFactory"/> as a run (TorchSharp, seeded,
/// one libtorch intra-op thread). The head clock times <see cref="IActionHead.Act"/>; each context
/// clock times <see cref="IContextModule.Update"/> with the clock's history rows and, when a slower
/// clock feeds it, an upstream latent, at the config's full recursion K (a fixed-step budget: what a
/// deterministic handoff always runs and the most an anytime update may run, so the budget covers
/// the worst case rather than being measured against itself). Inputs are seeded pseudo-random values
/// that change every call. Each module is warmed up untimed, then timed with <see cref="Stopwatch"/>
/// on the calling thread, one module at a time (a run overlaps them; on a loaded machine expect a
/// longer tail). Not thread-safe; seconds for the defaults.
/// </remarks>
public static class ProfileBench
{
    /// <summary>Measures every clock of <paramref name="profile"/>.</summary>
    /// <param name="profile">The validated rate profile.</param>
    /// <param name="config">The validated model config.</param>
    /// <param name="options">Warm-up and sample counts.</param>
    /// <param name="factory">Builds the modules; null = the TorchSharp modules a run uses.</param>
    /// <returns>Latency samples in microseconds by clock name.</returns>
    public static IReadOnlyDictionary<string, double[]> Measure(RateProfile profile, ModelConfig config, ProfileBenchOptions options, IModuleFactory? factory = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        using PolicyModules modules = (factory ?? new TorchModuleFactory()).Create(profile, config);
        var random = new Random(config.Seed);
        var result = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (ClockDefinition clock in profile.Clocks)
        {
            if (profile.ModuleOf(clock).Kind == ModuleKind.ActionHead)
            {
                result[clock.Name] = TimeHead(modules.Head, options.WarmUp, options.Samples, random);
            }
            else
            {
                IContextModule module = modules.Contexts[clock.Module];
                LatentSnapshot? upstream = Upstream(profile, clock, modules, random);
                result[clock.Name] = TimeContext(clock, module, upstream, config.Context.Recursion, options, random);
            }
        }

        return result;
    }

    private static double[] TimeHead(IActionHead head, int warmUp, int samples, Random random)
    {
        float[] observation = Filled(head.ObservationSize, random);
        float[] latent = Filled(head.LatentSize, random);
        float[] action = new float[head.ActionSize];
        double[] timings = new double[samples];
        for (int i = -warmUp; i < samples; i++)
        {
            // Change one input per call so nothing downstream sees a constant.
            observation[(i & int.MaxValue) % observation.Length] = NextValue(random);
            long t0 = Stopwatch.GetTimestamp();
            ModuleOutcome outcome = head.Act(observation, latent, 0.05f, action);
            double us = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
            ThrowIfFailed(outcome, "head");
            if (i >= 0)
            {
                timings[i] = us;
            }
        }

        return timings;
    }

    private static double[] TimeContext(ClockDefinition clock, IContextModule module, LatentSnapshot? upstream, int recursion, ProfileBenchOptions options, Random random)
    {
        // The same window the executor hands over: the clock's history rows, else the module's own.
        int rows = clock.History > 0 ? clock.History : module.HistoryLength;
        float[] history = Filled(Math.Max(1, rows) * Math.Max(1, module.ObservationSize), random);
        int warmUp = options.EffectiveContextWarmUp;
        double[] timings = new double[options.EffectiveContextSamples];
        for (int i = -warmUp; i < timings.Length; i++)
        {
            history[(i & int.MaxValue) % history.Length] = NextValue(random);
            var request = new ContextRequest(i, 0, history, rows, upstream, AnytimeBudget.FixedSteps(recursion));
            long t0 = Stopwatch.GetTimestamp();
            ContextResult result = module.Update(in request);
            double us = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
            ThrowIfFailed(result.Outcome, $"clock '{clock.Name}' (module '{clock.Module}')");
            if (i >= 0)
            {
                timings[i] = us;
            }
        }

        return timings;
    }

    private static LatentSnapshot? Upstream(RateProfile profile, ClockDefinition clock, PolicyModules modules, Random random)
    {
        HandoffDefinition? feed = profile.Handoffs.FirstOrDefault(h => h.To == clock.Name);
        if (feed is null)
        {
            return null;
        }

        ClockDefinition from = profile.Clock(feed.From);
        int size = modules.Contexts.TryGetValue(from.Module, out IContextModule? source) ? source.LatentSize : 0;
        return size == 0 ? null : new LatentSnapshot(1, 0, 0, 0, 1, Filled(size, random));
    }

    private static void ThrowIfFailed(ModuleOutcome outcome, string what)
    {
        if (outcome != ModuleOutcome.Ok)
        {
            throw new InvalidOperationException($"profile bench: {what} returned {outcome} on a benchmark input; its timings would not be representative");
        }
    }

    private static float[] Filled(int length, Random random)
    {
        float[] values = new float[Math.Max(0, length)];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = NextValue(random);
        }

        return values;
    }

    private static float NextValue(Random random) => (float)((random.NextDouble() * 2) - 1);
}
