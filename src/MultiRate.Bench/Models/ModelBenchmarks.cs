using System.Diagnostics;
using MultiRate.Core.Budgets;
using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Inference;

namespace MultiRate.Bench.Models;

/// <summary>Backend of <c>multirate bench models</c>: head and context latency sweeps and the dense-vs-multirate headline.</summary>
/// <remarks>
/// Method: every model is seeded, warmed up, then timed call by call with <see cref="Stopwatch"/>
/// on the calling thread with one libtorch intra-op thread (as in production). Percentiles are
/// nearest-rank over the timed samples. The dense policy is Gato-style: the same context and head
/// (hence the same parameters) run back to back every tick, so its tick is the context's full K
/// steps plus the head. The multirate system runs the head alone every tick; the context runs on
/// its own thread at a slower rate, so its cost is amortised over many ticks and does not sit on
/// the fast tick. A loop sustains rate f when p99 x safety factor &lt;= 1/f, so the highest rate
/// is 1 / (p99 x safety). Machines are shared and noisy: compare ratios within one run.
/// Not thread-safe; run one at a time. It takes seconds for the defaults.
/// </remarks>
public static class ModelBenchmarks
{
    /// <summary>Runs every sweep and the headline comparison.</summary>
    public static ModelBenchmarkReport Run(ModelBenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var byWidth = options.HeadWidths.Select(w => MeasureHead(options, w, 0, $"head width {w}")).ToList();
        var byExperts = options.ExpertCounts.Select(e => MeasureHead(options, options.ExpertWidth, e, $"head {e} experts x {options.ExpertWidth}, top-1")).ToList();
        var byDModel = options.ContextDModels.Select(d => MeasureContextStep(options, d)).ToList();
        return new ModelBenchmarkReport(byWidth, byExperts, byDModel, Headline(options), Method(options));
    }

    private static ModelConfig Config(ModelBenchmarkOptions o, int width, int experts, int dModel) => new()
    {
        Name = "bench",
        Seed = o.Seed,
        Inputs = new ModelInputs
        {
            Head = Enumerable.Range(0, o.ObservationSize).Select(i => $"/obs.{i}").ToArray(),
            Context = Enumerable.Range(0, o.ObservationSize).Select(i => $"/obs.{i}").ToArray(),
        },
        Head = new HeadConfig { Hidden = [width], Experts = experts, TopK = 1 },
        Context = new ContextConfig
        {
            DModel = dModel,
            Heads = Math.Max(1, dModel / 32),
            FeedForward = dModel * 4,
            Recursion = o.Recursion,
            History = o.History,
            LatentDim = o.LatentDim,
        },
    };

    private static IActionHead CreateHead(ModelBenchmarkOptions o, ModelConfig config)
    {
        double[] min = Enumerable.Repeat(-1.0, o.ActionSize).ToArray();
        double[] max = Enumerable.Repeat(1.0, o.ActionSize).ToArray();
        return PolicyFactory.CreateHead(config, o.ActionSize, min, max);
    }

    private static BenchmarkPoint MeasureHead(ModelBenchmarkOptions o, int width, int experts, string label)
    {
        using IActionHead head = CreateHead(o, Config(o, width, experts, o.HeadlineDModel));
        return new BenchmarkPoint(label, experts > 0 ? experts : width, ModuleParameters.Count(head), TimeHead(o, head));
    }

    private static LatencyStats TimeHead(ModelBenchmarkOptions o, IActionHead head)
    {
        float[] obs = new float[head.ObservationSize];
        float[] latent = new float[head.LatentSize];
        float[] action = new float[head.ActionSize];
        head.WarmUp(o.WarmUp);
        double[] samples = new double[o.HeadSamples];
        for (int i = 0; i < samples.Length; i++)
        {
            obs[i % obs.Length] = (i % 13) * 0.1f; // vary the input so MoE routing varies
            long t0 = Stopwatch.GetTimestamp();
            head.Act(obs, latent, 0.01f, action);
            samples[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }

        return LatencyStats.FromSamples(samples);
    }

    private static BenchmarkPoint MeasureContextStep(ModelBenchmarkOptions o, int dModel)
    {
        using IContextModule context = PolicyFactory.CreateContext(Config(o, 16, 0, dModel));
        LatencyStats update = TimeContext(o, context);
        double k = o.Recursion;
        var perStep = new LatencyStats(update.P50Us / k, update.P99Us / k, update.MaxUs / k, update.Samples);
        return new BenchmarkPoint($"context d_model {dModel}, per step (update / K={o.Recursion})", dModel, ModuleParameters.Count(context), perStep);
    }

    private static LatencyStats TimeContext(ModelBenchmarkOptions o, IContextModule context)
    {
        float[] history = new float[context.HistoryLength * context.ObservationSize];
        context.WarmUp(Math.Max(1, o.WarmUp / 10));
        double[] samples = new double[o.ContextSamples];
        for (int i = 0; i < samples.Length; i++)
        {
            history[i % history.Length] = i * 0.01f;
            long t0 = Stopwatch.GetTimestamp();
            context.Update(new ContextRequest(i, i, history, context.HistoryLength, null, AnytimeBudget.FixedSteps(o.Recursion)));
            samples[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }

        return LatencyStats.FromSamples(samples);
    }

    private static DenseVsMultirate Headline(ModelBenchmarkOptions o)
    {
        ModelConfig config = Config(o, o.HeadlineHeadWidth, 0, o.HeadlineDModel);
        using IActionHead head = CreateHead(o, config);
        using IContextModule context = PolicyFactory.CreateContext(config);
        LatencyStats headTick = TimeHead(o, head);
        LatencyStats contextUpdate = TimeContext(o, context);

        // Dense: the whole model every tick (context's K steps, then the head reading its latent).
        float[] history = new float[context.HistoryLength * context.ObservationSize];
        float[] obs = new float[head.ObservationSize];
        float[] action = new float[head.ActionSize];
        double[] samples = new double[o.ContextSamples];
        for (int i = 0; i < samples.Length; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            ContextResult r = context.Update(new ContextRequest(i, i, history, context.HistoryLength, null, AnytimeBudget.FixedSteps(o.Recursion)));
            head.Act(obs, r.Latent ?? new float[head.LatentSize], 0f, action);
            samples[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }

        LatencyStats dense = LatencyStats.FromSamples(samples);
        return new DenseVsMultirate(
            ModuleParameters.Count(head) + ModuleParameters.Count(context),
            dense,
            headTick,
            contextUpdate,
            o.SafetyFactor,
            RateHz(dense, o.SafetyFactor),
            RateHz(headTick, o.SafetyFactor),
            RateHz(contextUpdate, o.SafetyFactor));
    }

    private static double RateHz(LatencyStats stats, double safety) => stats.P99Us <= 0 ? 0 : 1e6 / (stats.P99Us * safety);


    private static string Method(ModelBenchmarkOptions o) =>
        $"Seeded models, {o.WarmUp} warm-up calls, then {o.HeadSamples} timed head ticks / {o.ContextSamples} timed context updates " +
        $"on one thread with 1 libtorch intra-op thread; nearest-rank p50/p99. Dense = context (K={o.Recursion}) + head every tick " +
        $"(same parameters as the multirate pair); multirate = head every tick, context on its own thread. " +
        $"Highest sustained rate = 1 / (p99 x {o.SafetyFactor}). Context per-step time = update time / K. " +
        "Shared machines are noisy: compare ratios within one run.";
}
