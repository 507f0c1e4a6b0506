using System.Runtime.CompilerServices;
using MultiRate.Inference.Kernels;

namespace MultiRate.Inference.ActionHead;

/// <summary>Top-k expert selection on the CPU, without allocation.</summary>
internal static class TopKRouter
{
    /// <summary>
    /// Fills <paramref name="chosen"/> with the indices of the k largest logits (k = its length,
    /// ties to the lower index) and <paramref name="weights"/> with their softmax renormalised over
    /// the chosen k only (as in Switch / Mixtral routing), with <see cref="FixedMath.Exp"/> so the
    /// weights are the same bits on every CPU.
    /// </summary>
    // Fully optimised from the first call: a loop in tier-0 code is later replaced on the stack
    // (OSR), which allocates on the calling thread, the fast loop's.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Select(ReadOnlySpan<float> logits, Span<int> chosen, Span<float> weights)
    {
        // Repeated selection: k is tiny, and this allocates nothing.
        int k = chosen.Length;
        for (int i = 0; i < k; i++)
        {
            int best = -1;
            for (int e = 0; e < logits.Length; e++)
            {
                if (chosen[..i].Contains(e))
                {
                    continue;
                }

                if (best < 0 || logits[e] > logits[best])
                {
                    best = e;
                }
            }

            chosen[i] = best;
        }

        float top = logits[chosen[0]];
        float sum = 0;
        for (int i = 0; i < k; i++)
        {
            weights[i] = FixedMath.Exp(logits[chosen[i]] - top);
            sum += weights[i];
        }

        for (int i = 0; i < k; i++)
        {
            weights[i] /= sum;
        }
    }
}
