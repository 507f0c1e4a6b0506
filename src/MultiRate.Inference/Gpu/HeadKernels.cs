using ILGPU;
using ILGPU.Runtime;

namespace MultiRate.Inference.Gpu;

/// <summary>
/// The action head's device kernels: a fused gate + top-k route, a fused layer (matrix-vector
/// product + bias + ReLU, for the selected experts only) and a reduced output layer.
/// </summary>
/// <remarks>
/// Layouts (all float32, resident on the device, written once by <see cref="DeviceHeadWeights"/>):
/// a hidden layer's weights are stored transposed per expert, <c>wT[e][k][j]</c>, so the threads of
/// a warp (consecutive rows j) read consecutive addresses for each input k; the output layer keeps
/// PyTorch's row-major <c>wo[e][a][j]</c>, because a whole group reduces one row a over j. Each
/// row's dot product in <see cref="Layer"/> and <see cref="GateRoute"/> is summed in
/// <c>FixedDot</c>'s order (eight lanes by k mod 8, then a fixed tree), so on the CPU accelerator
/// those layers give the CPU head's bits; the output layer is a tree reduction over the group.
/// The route buffer holds, per slot s &lt; top_k, the chosen expert <c>chosen[s]</c> and its
/// softmax weight <c>weight[s]</c>; a dense head has one slot set once to (0, 1).
/// </remarks>
internal static class HeadKernels
{
    /// <summary>Largest group the output and gate kernels use (their shared memory is sized for it).</summary>
    public const int MaxGroup = 256;

    /// <summary>Most experts the on-device gate holds in shared memory.</summary>
    public const int MaxExperts = 256;

    /// <summary>
    /// One thread per (slot, row): output[slot * rows + j] = relu(b[e][j] + sum_k wT[e][k][j] * input[slot * inStride + k])
    /// with e = chosen[slot]; inStride is 0 when every slot reads the same input (the first layer).
    /// </summary>
    public static void Layer(
        Index1D index,
        ArrayView<float> weightsT,
        ArrayView<float> bias,
        ArrayView<float> input,
        ArrayView<float> output,
        ArrayView<int> chosen,
        int inputs,
        int rows,
        int inputStride)
    {
        int slot = index / rows;
        int j = index - (slot * rows);
        long e = chosen[slot];
        long w = e * inputs * rows;
        int x = slot * inputStride;
        float l0 = 0, l1 = 0, l2 = 0, l3 = 0, l4 = 0, l5 = 0, l6 = 0, l7 = 0;
        int k = 0;
        for (; k <= inputs - 8; k += 8)
        {
            l0 += weightsT[w + ((k + 0L) * rows) + j] * input[x + k];
            l1 += weightsT[w + ((k + 1L) * rows) + j] * input[x + k + 1];
            l2 += weightsT[w + ((k + 2L) * rows) + j] * input[x + k + 2];
            l3 += weightsT[w + ((k + 3L) * rows) + j] * input[x + k + 3];
            l4 += weightsT[w + ((k + 4L) * rows) + j] * input[x + k + 4];
            l5 += weightsT[w + ((k + 5L) * rows) + j] * input[x + k + 5];
            l6 += weightsT[w + ((k + 6L) * rows) + j] * input[x + k + 6];
            l7 += weightsT[w + ((k + 7L) * rows) + j] * input[x + k + 7];
        }

        // The tail continues each lane's sequence, as FixedDot's does.
        int tail = inputs - k;
        if (tail > 0) { l0 += weightsT[w + ((long)k * rows) + j] * input[x + k]; }
        if (tail > 1) { l1 += weightsT[w + ((k + 1L) * rows) + j] * input[x + k + 1]; }
        if (tail > 2) { l2 += weightsT[w + ((k + 2L) * rows) + j] * input[x + k + 2]; }
        if (tail > 3) { l3 += weightsT[w + ((k + 3L) * rows) + j] * input[x + k + 3]; }
        if (tail > 4) { l4 += weightsT[w + ((k + 4L) * rows) + j] * input[x + k + 4]; }
        if (tail > 5) { l5 += weightsT[w + ((k + 5L) * rows) + j] * input[x + k + 5]; }
        if (tail > 6) { l6 += weightsT[w + ((k + 6L) * rows) + j] * input[x + k + 6]; }

        float s = bias[(e * rows) + j] + (((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7)));

        // NaN stays NaN (as the CPU head's ReLU), so a poisoned input is reported as NonFinite.
        output[index] = s < 0f ? 0f : s;
    }

    /// <summary>
    /// One group: the gate's logits (one expert per thread, strided), then thread 0 picks the top-k
    /// (ties to the lower index) and their softmax renormalised over the chosen k, as the CPU router.
    /// </summary>
    public static void GateRoute(
        ArrayView<float> gateT,
        ArrayView<float> gateBias,
        ArrayView<float> input,
        ArrayView<int> chosen,
        ArrayView<float> weight,
        int inputs,
        int experts,
        int topK)
    {
        ArrayView<float> logits = SharedMemory.Allocate<float>(MaxExperts);
        for (int e = Group.IdxX; e < experts; e += Group.DimX)
        {
            float l0 = 0, l1 = 0, l2 = 0, l3 = 0, l4 = 0, l5 = 0, l6 = 0, l7 = 0;
            int k = 0;
            for (; k <= inputs - 8; k += 8)
            {
                l0 += gateT[((k + 0) * experts) + e] * input[k];
                l1 += gateT[((k + 1) * experts) + e] * input[k + 1];
                l2 += gateT[((k + 2) * experts) + e] * input[k + 2];
                l3 += gateT[((k + 3) * experts) + e] * input[k + 3];
                l4 += gateT[((k + 4) * experts) + e] * input[k + 4];
                l5 += gateT[((k + 5) * experts) + e] * input[k + 5];
                l6 += gateT[((k + 6) * experts) + e] * input[k + 6];
                l7 += gateT[((k + 7) * experts) + e] * input[k + 7];
            }

            int tail = inputs - k;
            if (tail > 0) { l0 += gateT[(k * experts) + e] * input[k]; }
            if (tail > 1) { l1 += gateT[((k + 1) * experts) + e] * input[k + 1]; }
            if (tail > 2) { l2 += gateT[((k + 2) * experts) + e] * input[k + 2]; }
            if (tail > 3) { l3 += gateT[((k + 3) * experts) + e] * input[k + 3]; }
            if (tail > 4) { l4 += gateT[((k + 4) * experts) + e] * input[k + 4]; }
            if (tail > 5) { l5 += gateT[((k + 5) * experts) + e] * input[k + 5]; }
            if (tail > 6) { l6 += gateT[((k + 6) * experts) + e] * input[k + 6]; }
            logits[e] = gateBias[e] + (((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7)));
        }

        Group.Barrier();
        if (Group.IdxX == 0)
        {
            for (int i = 0; i < topK; i++)
            {
                int best = -1;
                for (int e = 0; e < experts; e++)
                {
                    if (!Taken(chosen, i, e) && (best < 0 || logits[e] > logits[best]))
                    {
                        best = e;
                    }
                }

                chosen[i] = best;
            }

            float top = logits[chosen[0]];
            float sum = 0;
            for (int i = 0; i < topK; i++)
            {
                weight[i] = MathF.Exp(logits[chosen[i]] - top);
                sum += weight[i];
            }

            for (int i = 0; i < topK; i++)
            {
                weight[i] /= sum;
            }
        }
    }

    /// <summary>
    /// One group per action a: pre[a] = sum over slots s of weight[s] * (bo[e][a] + sum_j wo[e][a][j] * h[s][j]),
    /// e = chosen[s]; the dot product is split over the group and reduced in shared memory.
    /// </summary>
    public static void Output(
        ArrayView<float> weights,
        ArrayView<float> bias,
        ArrayView<float> hidden,
        ArrayView<int> chosen,
        ArrayView<float> weight,
        ArrayView<float> pre,
        int width,
        int actions,
        int topK)
    {
        ArrayView<float> partial = SharedMemory.Allocate<float>(MaxGroup);
        int a = Grid.IdxX;
        int t = Group.IdxX;
        int size = Group.DimX;
        float total = 0;
        for (int s = 0; s < topK; s++)
        {
            long e = chosen[s];
            long row = ((e * actions) + a) * width;
            long h = (long)s * width;
            float sum = 0;
            for (int j = t; j < width; j += size)
            {
                sum += weights[row + j] * hidden[h + j];
            }

            partial[t] = sum;
            Group.Barrier();
            for (int half = size / 2; half > 0; half /= 2)
            {
                if (t < half)
                {
                    partial[t] += partial[t + half];
                }

                Group.Barrier();
            }

            if (t == 0)
            {
                total += weight[s] * (bias[(e * actions) + a] + partial[0]);
            }

            Group.Barrier();
        }

        if (t == 0)
        {
            pre[a] = total;
        }
    }

    private static bool Taken(ArrayView<int> chosen, int count, int expert)
    {
        for (int i = 0; i < count; i++)
        {
            if (chosen[i] == expert)
            {
                return true;
            }
        }

        return false;
    }
}
