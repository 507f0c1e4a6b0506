using MultiRate.Core.Models;

namespace MultiRate.Configuration.Resources;

/// <summary>
/// What a model config costs before anything is allocated: parameters, working memory and
/// floating-point operations per call, computed in double precision (no integer overflow for any
/// value the schema admits).
/// </summary>
/// <remarks>
/// The figures follow the modules' shapes: the head is a gate plus experts of
/// <c>in -> hidden... -> out</c>; the context module is an input projection, one weight-tied
/// transformer encoder layer run <c>recursion</c> times over <c>history</c> tokens, a norm and an
/// output projection. They are estimates to refuse the impossible, not a profiler.
/// </remarks>
/// <param name="Parameters">Weights in both modules.</param>
/// <param name="WorkingBytes">Parameters plus the largest activations of one call, in float32 bytes.</param>
/// <param name="HeadFlops">Floating-point operations of one head call.</param>
/// <param name="ContextFlops">Floating-point operations of one context update (all recursion steps).</param>
internal sealed record ModelFootprint(double Parameters, double WorkingBytes, double HeadFlops, double ContextFlops)
{
    /// <summary>The action width assumed when no profile is at hand (the shipped profiles use 3-7).</summary>
    private const int AssumedActionWidth = 8;

    /// <summary>Estimates the footprint of <paramref name="c"/> with <paramref name="historyRows"/> context tokens.</summary>
    public static ModelFootprint Of(ModelConfig c, int? historyRows = null, int? actionWidth = null)
    {
        double latent = Math.Max(1, c.Context.LatentDim);
        double headIn = c.Inputs.Head.Count + latent + (c.Head.AgeFeatures ? 2 : 0);
        double headOut = actionWidth ?? Math.Max(AssumedActionWidth, c.Targets.Count);
        double experts = Math.Max(1, c.Head.Experts);
        double perExpert = 0;
        double previous = headIn;
        foreach (int h in c.Head.Hidden)
        {
            perExpert += (previous * h) + h;
            previous = h;
        }

        perExpert += (previous * headOut) + headOut;
        double gate = c.Head.Experts > 1 ? (headIn * experts) + experts : 0;
        double headParams = (perExpert * experts) + gate;
        double headFlops = 2 * ((perExpert * Math.Min(experts, Math.Max(1, c.Head.TopK))) + gate);

        double d = Math.Max(1, c.Context.DModel);
        double ff = Math.Max(1, c.Context.FeedForward);
        double obs = c.Inputs.Context.Count + c.Inputs.Goal.Count;
        double tokens = Math.Max(1, historyRows ?? c.Context.History) + 1;
        double block = (4 * d * d) + (2 * d * ff) + (9 * d) + ff;
        double contextParams = (obs * d) + d + (latent * d) + block + (2 * d) + (d * latent) + latent;
        double attention = 2 * tokens * tokens * d;
        double perStep = (2 * tokens * block) + attention;
        double contextFlops = (2 * tokens * obs * d) + (Math.Max(1, c.Context.Recursion) * perStep) + (2 * d * latent);

        // Activations of one call: the token matrix through attention scores and the feed-forward width.
        double heads = Math.Max(1, c.Context.Heads);
        double activations = (tokens * (d * 6 + ff)) + (heads * tokens * tokens) + (experts * previous);
        double parameters = headParams + contextParams;
        return new ModelFootprint(parameters, 4 * (parameters + activations), headFlops, contextFlops);
    }
}
