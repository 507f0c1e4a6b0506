using MultiRate.Core.Rates;
using MultiRate.Scheduling.Executor;

namespace MultiRate.Hosting.FaultInjection;

/// <summary>
/// Virtual compute times with the plan's timing faults: the target context clock hangs (an infinite
/// cost) or runs 10x its declared latency; the head takes twice its budget.
/// </summary>
internal sealed class FaultCostModel(IComputeCostModel inner, FaultTimeline timeline, RateProfile profile, string contextClock) : IComputeCostModel
{
    public long CostNs(string clock, long tick, long declaredNs)
    {
        long cost = inner.CostNs(clock, tick, declaredNs);
        ClockDefinition c = profile.Clock(clock);
        long t = (c.OffsetTicks * profile.BaseTickNs) + (tick * c.PeriodNs);
        if (clock == contextClock && timeline.Active(InjectedFault.ContextHangs, t))
        {
            timeline.Count();
            return long.MaxValue;
        }

        if (clock == contextClock && timeline.Active(InjectedFault.ContextSlow10x, t))
        {
            timeline.Count();
            return declaredNs * 10;
        }

        if (clock == profile.ActionClock.Name && timeline.Active(InjectedFault.HeadOverrun, t))
        {
            timeline.Count();
            return c.BudgetNs * 2;
        }

        return cost;
    }
}
