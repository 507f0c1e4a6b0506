using MultiRate.Core.Latent;
using MultiRate.Core.Modules;
using MultiRate.Core.Schedule;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Observation;

namespace MultiRate.Training.Tests.Fakes;

/// <summary>
/// Records what the executor actually did, in the order it did it, in the calendar's vocabulary:
/// sensor reads (observe), module calls (trigger, with the upstream snapshot's source tick), the
/// observer's skipped/completed slow ticks and published latents, and each head read (act, with the
/// slow tick whose latent it saw). Every module's latent is [its slow tick + 1].
/// </summary>
internal sealed class ScheduleEventLog(CalendarSpec spec) : IRunObserver
{
    private long _lastHeadSource = -1;

    public List<ScheduleStep> Steps { get; } = [];

    public ISensorSource NewSensor() => new Sensor(this);

    public IActionHead NewHead() => new Head(this);

    public IContextModule NewContext(string clock, int historyLength = 4) => new Context(this, spec.IndexOf(clock), historyLength);

    public void OnAction(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
    {
    }

    public void OnFastTick(in FastTickRecord record) =>
        Steps.Add(new ScheduleStep(ScheduleStepKind.Act, -1, record.Tick, record.TimeNs, _lastHeadSource));

    public void OnSlowTick(in SlowTickRecord record)
    {
        int clock = spec.IndexOf(record.Clock);
        switch (record.Outcome)
        {
            case SlowTickOutcome.Skipped:
                Steps.Add(new ScheduleStep(ScheduleStepKind.Skip, clock, record.Tick, record.TimeNs, -1));
                break;
            case SlowTickOutcome.Completed:
                Steps.Add(new ScheduleStep(ScheduleStepKind.Complete, clock, record.Tick, record.FinishedNs, -1));
                break;
            default:
                throw new InvalidOperationException($"unexpected slow outcome {record.Outcome} on {record.Clock} tick {record.Tick}");
        }
    }

    public void OnLatentPublished(string clock, LatentSnapshot snapshot, long publishedNs) =>
        Steps.Add(new ScheduleStep(ScheduleStepKind.Publish, spec.IndexOf(clock), snapshot.SourceTick, publishedNs, -1));

    private sealed class Sensor(ScheduleEventLog log) : ISensorSource
    {
        public IReadOnlyList<string> Fields { get; } = ["/s.x"];

        public long? StartNs => 0;

        public long? EndNs => null;

        public bool Read(long timeNs, Span<float> observation)
        {
            long baseTick = timeNs / log.Spec.BaseTickNs;
            log.Steps.Add(new ScheduleStep(ScheduleStepKind.Observe, -1, (baseTick - log.Spec.ActionOffsetTicks) / log.Spec.ActionDivisor, timeNs, -1));
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

    private sealed class Context(ScheduleEventLog log, int clock, int historyLength) : IContextModule
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
            return new ContextResult(ModuleOutcome.Ok, [request.TickIndex + 1], 1);
        }

        public void Dispose()
        {
        }
    }

    private CalendarSpec Spec => spec;
}
