using ILGPU;
using ILGPU.Runtime;

namespace MultiRate.Inference.Gpu.Context;

/// <summary>
/// The context module's device kernels: the token projection, a fused linear layer (bias and
/// optional ReLU), multi-head attention with its softmax, and a fused linear layer + residual +
/// layer norm (which also re-injects the input for the next step).
/// </summary>
/// <remarks>
/// Matrices are transposed to [inputs, outputs] (<see cref="ContextParameters"/>). Each output's dot
/// product is summed in <c>FixedDot</c>'s order (eight lanes by k mod 8, then a fixed tree), and the
/// element-wise steps in <c>ContextKernel</c>'s order, so on ILGPU's CPU accelerator the
/// results differ from the CPU path only where the math library does (the softmax's exp) and in
/// the layer norm's statistics (a tree over the group instead of a sequence; both in double).
/// The pooled output and its projection are in <see cref="ContextPoolKernel"/>, the shared dot product and layer norm in <see cref="ContextReductions"/>.
/// </remarks>
internal static class ContextKernels
{
    /// <summary>Largest group the reducing kernels use (their shared memory is sized for it).</summary>
    public const int MaxGroup = 256;

    /// <summary>Widest d_model the norm kernels hold in shared memory (16 KiB of floats).</summary>
    public const int MaxModel = 4096;

    /// <summary>Most tokens the attention kernel holds in shared memory.</summary>
    public const int MaxTokens = 256;

    /// <summary>Layer-norm epsilon (TorchSharp's TransformerEncoderLayer and LayerNorm default).</summary>
    public const double LayerNormEps = 1e-5;

    /// <summary>
    /// One thread per (token t, feature j): x = in_proj(row t) + pos[t] for the history rows, up_proj(upstream)
    /// for the upstream token (no position, as on the CPU); then z = z0 and u = z0 + x (the first step's input),
    /// into [x | z | u].
    /// </summary>
    public static void Tokens(
        Index1D index,
        ArrayView<float> inWT,
        ArrayView<float> inB,
        ArrayView<float> pos,
        ArrayView<float> upWT,
        ArrayView<float> upB,
        ArrayView<float> history,
        ArrayView<float> upstream,
        ArrayView<float> z0,
        ArrayView<float> xzu,
        int observation,
        int upstreamSize,
        int rows,
        int d,
        int n)
    {
        // x, z and u share one buffer, [x | z | u] of n = tokens * d each: a launch takes at most 14 arguments.
        int t = index / d;
        int j = index - (t * d);
        float v = t < rows
            ? (inB[j] + ContextReductions.Dot8(inWT, d, j, history, (long)t * observation, observation)) + pos[index]
            : upB[j] + ContextReductions.Dot8(upWT, d, j, upstream, 0, upstreamSize);
        xzu[index] = v;
        xzu[n + index] = z0[index];
        xzu[(2L * n) + index] = z0[index] + v;
    }

    /// <summary>One thread per (token, output j): output[t][j] = act(b[j] + sum_k wT[k][j] * input[t][k]); act is ReLU when relu is 1.</summary>
    public static void Linear(
        Index1D index,
        ArrayView<float> weightsT,
        ArrayView<float> bias,
        ArrayView<float> input,
        ArrayView<float> output,
        int inputs,
        int outputs,
        int relu)
    {
        int t = index / outputs;
        int j = index - (t * outputs);
        float s = bias[j] + ContextReductions.Dot8(weightsT, outputs, j, input, (long)t * inputs, inputs);

        // NaN stays NaN (as the CPU path's ReLU), so a poisoned input is reported as NonFinite.
        output[index] = relu != 0 && s < 0f ? 0f : s;
    }

    /// <summary>
    /// One group per (token t, head h) over qkv [t][q | k | v]: scores q.k scaled by 1/sqrt(d_head) over
    /// every token, softmax (max subtracted), then att[t][h slice] = sum_s p_s v_s.
    /// </summary>
    public static void Attention(ArrayView<float> qkv, ArrayView<float> att, int tokens, int heads, int d, float scale)
    {
        ArrayView<float> scores = SharedMemory.Allocate<float>(MaxTokens);
        int t = Grid.IdxX / heads;
        int h = Grid.IdxX - (t * heads);
        int dh = d / heads;
        long q = ((long)t * 3 * d) + (h * dh);
        for (int s = Group.IdxX; s < tokens; s += Group.DimX)
        {
            long k = ((long)s * 3 * d) + d + (h * dh);
            float score = 0f;
            for (int i = 0; i < dh; i++)
            {
                score += (qkv[q + i] * scale) * qkv[k + i];
            }

            scores[s] = score;
        }

        Group.Barrier();
        float max = float.NegativeInfinity;
        for (int s = 0; s < tokens; s++)
        {
            max = Math.Max(max, scores[s]);
        }

        Group.Barrier();
        for (int s = Group.IdxX; s < tokens; s += Group.DimX)
        {
            scores[s] = MathF.Exp(scores[s] - max);
        }

        Group.Barrier();
        float sum = 0f;
        for (int s = 0; s < tokens; s++)
        {
            sum += scores[s];
        }

        for (int i = Group.IdxX; i < dh; i += Group.DimX)
        {
            float a = 0f;
            for (int s = 0; s < tokens; s++)
            {
                a += (scores[s] / sum) * qkv[((long)s * 3 * d) + (2 * d) + (h * dh) + i];
            }

            att[((long)t * d) + (h * dh) + i] = a;
        }
    }

    /// <summary>
    /// One group per token t: y = norm(b + W input[t] + residual[t]) with the norm's gamma and beta,
    /// written to output[t]; when reinject is 1 also u[t] = y + x[t] (the next step's input).
    /// </summary>
    public static void ResidualNorm(
        ArrayView<float> weightsT,
        ArrayView<float> bias,
        ArrayView<float> input,
        ArrayView<float> residual,
        ArrayView<float> gamma,
        ArrayView<float> beta,
        ArrayView<float> output,
        ArrayView<float> x,
        ArrayView<float> u,
        int inputs,
        int d,
        int reinject)
    {
        ArrayView<float> values = SharedMemory.Allocate<float>(MaxModel);
        ArrayView<double> partial = SharedMemory.Allocate<double>(MaxGroup);
        long t = Grid.IdxX;
        for (int j = Group.IdxX; j < d; j += Group.DimX)
        {
            values[j] = (bias[j] + ContextReductions.Dot8(weightsT, d, j, input, t * inputs, inputs)) + residual[(t * d) + j];
        }

        ContextReductions.Norm(values, partial, d, gamma, beta, output, t * d);
        if (reinject != 0)
        {
            for (int j = Group.IdxX; j < d; j += Group.DimX)
            {
                u[(t * d) + j] = output[(t * d) + j] + x[(t * d) + j];
            }
        }
    }
}
