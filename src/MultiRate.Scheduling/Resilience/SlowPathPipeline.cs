using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Scheduling.Ledger;
using Polly;
using Polly.CircuitBreaker;
using Polly.Fallback;
using Polly.Timeout;

namespace MultiRate.Scheduling.Resilience;

/// <summary>
/// The slow path's Polly pipeline, outermost first: fallback (keep the last latent), circuit breaker
/// (failure ratio over a window, open for a break, then one half-open probe), timeout.
/// </summary>
/// <remarks>
/// <code>
///   trigger t ──► [fallback [breaker [timeout [module + its (virtual) compute time]]]]
///                     │         │ open: BrokenCircuit ─► Rejected
///                     │         └ counts failures: throw, NaN/Inf, failed outcome, timeout
///                     └ any failure ─► result without a latent: the old one stays and keeps ageing
/// </code>
/// Time comes from the <see cref="TimeProvider"/> given: <see cref="SchedulerTimeProvider"/> over the
/// virtual scheduler in replay (timeouts and breaks happen in virtual time, deterministically),
/// <see cref="TimeProvider.System"/> in real time. Runs on the slow runner's thread only, never on the
/// fast thread. Allocates a little per update (slow path only). No Polly event callbacks are used:
/// Polly runs them on a thread of its own and awaits them, which would break virtual time.
/// </remarks>
internal sealed class SlowPathPipeline
{
    private static readonly ResiliencePropertyKey<SlowOutcome> OutcomeKey = new("multirate.slow-outcome");
    private readonly ResiliencePipeline<ContextResult> _pipeline;
    private readonly CircuitBreakerStateProvider _state = new();
    private readonly Action<LedgerEntry> _report;

    /// <summary>Builds the pipeline.</summary>
    /// <param name="clock">The clock as it is now (read at each update, so a hot reload retimes it).</param>
    /// <param name="options">Limits.</param>
    /// <param name="time">The clock the timeout and breaker run on.</param>
    /// <param name="report">Counts a circuit transition in the run's ledger (on this clock).</param>
    public SlowPathPipeline(Func<ClockDefinition> clock, ResilienceOptions options, TimeProvider time, Action<LedgerEntry> report)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ArgumentNullException.ThrowIfNull(report);
        _report = report;
        ClockDefinition initial = clock();
        _pipeline = new ResiliencePipelineBuilder<ContextResult> { TimeProvider = time }
            .AddFallback(new FallbackStrategyOptions<ContextResult>
            {
                ShouldHandle = args => new ValueTask<bool>(IsFailure(args.Outcome)),
                FallbackAction = args =>
                {
                    SlowOutcome kind = Classify(args.Outcome);
                    args.Context.Properties.Set(OutcomeKey, kind);
                    ModuleOutcome module = kind switch
                    {
                        SlowOutcome.NonFinite => ModuleOutcome.NonFinite,
                        SlowOutcome.TimedOut => ModuleOutcome.TimedOut,
                        _ => ModuleOutcome.Faulted,
                    };
                    int steps = args.Outcome.Exception is null ? args.Outcome.Result.RecursionSteps : 0;
                    return Outcome.FromResultAsValueTask(new ContextResult(module, null, steps));
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<ContextResult>
            {
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = options.SamplingOf(initial),
                BreakDuration = options.BreakOf(initial),
                ShouldHandle = args => new ValueTask<bool>(IsFailure(args.Outcome)),
                // No OnOpened/OnClosed callbacks: Polly runs those on its own thread and awaits them,
                // which would move the rest of the update off the virtual scheduler. Transitions are
                // read from the state provider around each update instead (ExecuteAsync).
                StateProvider = _state,
            })
            .AddTimeout(new TimeoutStrategyOptions
            {
                // Read at each update, so a hot-reloaded budget changes the timeout from the next update on.
                TimeoutGenerator = _ => new ValueTask<TimeSpan>(options.TimeoutOf(clock())),
            })
            .Build();
    }

    /// <summary>Runs one update through the pipeline. <paramref name="work"/> must observe the token (its compute time included).</summary>
    public async ValueTask<SlowAttempt> ExecuteAsync(Func<CancellationToken, ValueTask<ContextResult>> work)
    {
        CircuitState before = _state.CircuitState;
        ResilienceContext context = ResilienceContextPool.Shared.Get();
        try
        {
            ContextResult result = await _pipeline.ExecuteAsync(static (ctx, w) => w(ctx.CancellationToken), context, work).ConfigureAwait(false);
            SlowOutcome kind = context.Properties.TryGetValue(OutcomeKey, out SlowOutcome k) ? k : SlowOutcome.Completed;
            CountTransitions(before, _state.CircuitState, kind);
            return new SlowAttempt(result, kind);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Circuit state (closed, open, half-open) for diagnostics and tests.</summary>
    public CircuitState State => _state.CircuitState;

    private void CountTransitions(CircuitState before, CircuitState after, SlowOutcome kind)
    {
        // Open and past its break, the next update is let through as the half-open probe.
        bool probe = before is CircuitState.Open or CircuitState.HalfOpen && kind != SlowOutcome.Rejected;
        if (probe)
        {
            _report(LedgerEntry.CircuitHalfOpened);
        }

        if (after == CircuitState.Open && (before != CircuitState.Open || probe))
        {
            _report(LedgerEntry.CircuitOpened);
        }

        if (after == CircuitState.Closed && before != CircuitState.Closed)
        {
            _report(LedgerEntry.CircuitClosed);
        }
    }

    private static bool IsFailure(Outcome<ContextResult> outcome) =>
        outcome.Exception is not null || outcome.Result.Outcome != ModuleOutcome.Ok || outcome.Result.Latent is null;

    private static SlowOutcome Classify(Outcome<ContextResult> outcome) => outcome.Exception switch
    {
        BrokenCircuitException => SlowOutcome.Rejected,
        TimeoutRejectedException => SlowOutcome.TimedOut,
        not null => SlowOutcome.Faulted,
        null => outcome.Result.Outcome switch
        {
            ModuleOutcome.NonFinite => SlowOutcome.NonFinite,
            ModuleOutcome.TimedOut => SlowOutcome.TimedOut,
            _ => SlowOutcome.Faulted,
        },
    };
}
