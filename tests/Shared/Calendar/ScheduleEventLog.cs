using MultiRate.Core.Latent;
using MultiRate.Core.Modules;
using MultiRate.Core.Schedule;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Observation;

namespace MultiRate.Tests.Shared;

/// <summary>
/// Records what the executor did, in the order it did it, in the calendar's vocabulary (clock indices are
/// the calendar's): a sensor read is Observe; a module call Trigger (with the upstream snapshot's slow
/// tick); a skipped slow tick Skip; a finished update Complete (its outcome kept beside it); a published
/// latent Publish; a head tick Act (with the slow tick of the latent it read). A module's latent is
/// [its slow tick + 1]; a module throws where the case's fault plan says so. Without a fault plan, an
/// update that ends other than completed is unexpected and throws.
/// </summary>
/// <remarks>One source file, compiled into each test project that checks the executor against the calendar (see its csproj).</remarks>
internal sealed class ScheduleEventLog(CalendarSpec spec, CalendarCase? plan = null) : IRunObserver
{
    private long _lastHeadSource = -1;

    public List<ScheduleStep> Steps { get; } = [];

    /// <summary>How each finished update ended, by (calendar clock, slow tick).</summary>
    public Dictionary<(int Clock, long Tick), SlowTickRecord> Finished { get; } = [];

    public List<FaultRecord> Faults { get; } = [];

    public ISensorSource NewSensor() => new Sensor(this);

    public IActionHead NewHead() => new Head(this);

    /// <summary>The module of generated clock <paramref name="generated"/> (named s{generated}); it throws where the fault plan says so.</summary>
    public IContextModule NewContext(int generated) => new Context(this, spec.IndexOf($"s{generated}"), 4, generated);

    /// <summary>The module of clock <paramref name="clock"/>, with no fault injected.</summary>
    public IContextModule NewContext(string clock, int historyLength = 4) => new Context(this, spec.IndexOf(clock), historyLength, -1);

    public void OnAction(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
    {
    }

    public void OnFastTick(in FastTickRecord record) =>
        Steps.Add(new ScheduleStep(ScheduleStepKind.Act, -1, record.Tick, record.TimeNs, _lastHeadSource));

    public void OnSlowTick(in SlowTickRecord record)
    {
        int clock = spec.IndexOf(record.Clock);
        if (record.Outcome == SlowTickOutcome.Skipped)
        {
            Steps.Add(new ScheduleStep(ScheduleStepKind.Skip, clock, record.Tick, record.TimeNs, -1));
            return;
        }

        if (plan is null && record.Outcome != SlowTickOutcome.Completed)
        {
            throw new InvalidOperationException($"unexpected slow outcome {record.Outcome} on {record.Clock} tick {record.Tick}");
        }

        Steps.Add(new ScheduleStep(ScheduleStepKind.Complete, clock, record.Tick, record.FinishedNs, -1));
        Finished.Add((clock, record.Tick), record);
    }

    public void OnLatentPublished(string clock, LatentSnapshot snapshot, long publishedNs) =>
        Steps.Add(new ScheduleStep(ScheduleStepKind.Publish, spec.IndexOf(clock), snapshot.SourceTick, publishedNs, -1));

    public void OnFault(in FaultRecord record) => Faults.Add(record);

    private sealed class Sensor(ScheduleEventLog log) : ISensorSource
    {
        public IReadOnlyList<string> Fields { get; } = ["/s.x"];

        public long? StartNs => 0;

        public long? EndNs => null;

        public bool Read(long timeNs, Span<float> observation)
        {
            CalendarSpec s = log.Spec;
            long baseTick = timeNs / s.BaseTickNs;
            log.Steps.Add(new ScheduleStep(ScheduleStepKind.Observe, -1, (baseTick - s.ActionOffsetTicks) / s.ActionDivisor, timeNs, -1));
            observation[0] = baseTick;
            return true;
        }

        public void Dispose()
        {
        }
    }

    private sealed class Head(ScheduleEventLog log) : IActionHead
    {
        public int ObservationSize => 1;

        public int LatentSize => 1;

        public int ActionSize => 1;

        public void WarmUp(int iterations)
        {
        }

        public ModuleOutcome Act(ReadOnlySpan<float> observation, ReadOnlySpan<float> latent, float latentAgeSeconds, Span<float> action)
        {
            log._lastHeadSource = (long)latent[0] - 1;
            action[0] = 0;
            return ModuleOutcome.Ok;
        }

        public void Dispose()
        {
        }
    }

    private sealed class Context(ScheduleEventLog log, int clock, int historyLength, int generated) : IContextModule
    {
        public int ObservationSize => 1;

        public int LatentSize => 1;

        public int HistoryLength => historyLength;

        public void WarmUp(int iterations)
        {
        }

        public ContextResult Update(in ContextRequest request)
        {
            log.Steps.Add(new ScheduleStep(ScheduleStepKind.Trigger, clock, request.TickIndex, request.TimeNs, request.Upstream?.SourceTick ?? -1));
            if (generated >= 0 && log.Plan?.FaultAt(generated, request.TickIndex) == InjectedFault.Throw)
            {
                throw new InvalidOperationException($"injected fault on s{generated} tick {request.TickIndex}");
            }

            return new ContextResult(ModuleOutcome.Ok, [request.TickIndex + 1], 1);
        }

        public void Dispose()
        {
        }
    }

    private CalendarSpec Spec => spec;

    private CalendarCase? Plan => plan;
}
