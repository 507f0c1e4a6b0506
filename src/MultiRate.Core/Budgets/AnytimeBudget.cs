namespace MultiRate.Core.Budgets;

/// <summary>
/// Decides whether an anytime computation (recursion steps of the context module) may run one
/// more step without overrunning its budget. In fixed mode (deterministic handoff) it always runs
/// exactly <see cref="MaxSteps"/> steps, so results do not depend on timing.
/// </summary>
/// <remarks>
/// Time is injected: the elapsed-time function returns nanoseconds since the update began
/// (a stopwatch in real time, a fake in tests). Used by one thread at a time.
/// Rule: continue while <c>steps &lt; max</c> and <c>elapsed + estimate(next step) &lt;= budget</c>,
/// where the estimate is the slowest step seen so far (conservative: one slow step is likely again).
/// At least <see cref="MinSteps"/> steps always run so a latent is always produced.
/// </remarks>
public sealed class AnytimeBudget
{
    private readonly Func<long> _elapsedNs;
    private long _lastMark;
    private long _slowestStepNs;

    /// <summary>Creates a budget.</summary>
    /// <param name="budgetNs">Time allowed for all steps.</param>
    /// <param name="maxSteps">K: the most steps to run.</param>
    /// <param name="fixedSteps">True to ignore time and run exactly <paramref name="maxSteps"/>.</param>
    /// <param name="elapsedNs">Nanoseconds since the update began.</param>
    /// <param name="minSteps">Steps always run, whatever the time (default 1).</param>
    public AnytimeBudget(long budgetNs, int maxSteps, bool fixedSteps, Func<long> elapsedNs, int minSteps = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSteps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minSteps, 0);
        ArgumentNullException.ThrowIfNull(elapsedNs);
        BudgetNs = budgetNs;
        MaxSteps = maxSteps;
        MinSteps = Math.Min(minSteps, maxSteps);
        Fixed = fixedSteps;
        _elapsedNs = elapsedNs;
    }

    /// <summary>Time allowed for all steps.</summary>
    public long BudgetNs { get; }

    /// <summary>The most steps to run (K).</summary>
    public int MaxSteps { get; }

    /// <summary>Steps always run.</summary>
    public int MinSteps { get; }

    /// <summary>True when the step count ignores time.</summary>
    public bool Fixed { get; }

    /// <summary>Steps recorded so far.</summary>
    public int Steps { get; private set; }

    /// <summary>The slowest step so far, in nanoseconds.</summary>
    public long SlowestStepNs => _slowestStepNs;

    /// <summary>Creates a budget that always runs exactly <paramref name="steps"/> steps.</summary>
    public static AnytimeBudget FixedSteps(int steps) => new(long.MaxValue, steps, fixedSteps: true, static () => 0);

    /// <summary>Marks the end of one step and records its duration.</summary>
    public void StepDone()
    {
        long now = _elapsedNs();
        long step = now - _lastMark;
        _lastMark = now;
        if (step > _slowestStepNs)
        {
            _slowestStepNs = step;
        }

        Steps++;
    }

    /// <summary>True when one more step should run.</summary>
    public bool CanRunAnotherStep()
    {
        if (Steps >= MaxSteps)
        {
            return false;
        }

        if (Fixed || Steps < MinSteps)
        {
            return true;
        }

        return _elapsedNs() + _slowestStepNs <= BudgetNs;
    }
}
