namespace MultiRate.Core.Schedule;

/// <summary>One step of the schedule calendar.</summary>
/// <remarks>
/// <list type="table">
///   <listheader><term>Kind</term><description>Clock, Tick, Source</description></listheader>
///   <item><term>Observe, Act</term><description>Clock -1 (the action clock); Tick = action-clock tick;
///     Act: Source = the head source clock's visible slow tick (-1: none yet, or no clock hands to the head).</description></item>
///   <item><term>Trigger, Skip</term><description>Clock = slow clock index; Tick = its tick;
///     Trigger: Source = the upstream clock's visible slow tick the update reads (-1: none).</description></item>
///   <item><term>Complete</term><description>Tick = the slow tick whose update finishes; Source = -1.</description></item>
///   <item><term>Publish</term><description>Tick = the slow tick whose snapshot becomes visible; Source = -1.</description></item>
/// </list>
/// </remarks>
/// <param name="Kind">What happens.</param>
/// <param name="Clock">Slow clock index in <see cref="CalendarSpec.Slow"/> (slowest first), or -1 for the action clock.</param>
/// <param name="Tick">That clock's tick index (see remarks).</param>
/// <param name="TimeNs">Run time of the step, ns from tick 0: the base tick's time, or a completion's time.</param>
/// <param name="Source">The slow tick of the latent the step reads (see remarks), else -1.</param>
public readonly record struct ScheduleStep(ScheduleStepKind Kind, int Clock, long Tick, long TimeNs, long Source);
