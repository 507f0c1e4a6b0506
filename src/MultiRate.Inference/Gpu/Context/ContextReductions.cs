using ILGPU;

namespace MultiRate.Inference.Gpu.Context;

/// <summary>The device helpers the context's kernels share: FixedDot's lane-order dot product, and a group's layer norm.</summary>
/// <remarks>Called from kernels only (ILGPU inlines them); the group size is a power of two.</remarks>
internal static class ContextReductions
{
    /// <summary>
    /// Layer norm of values[0..d) held in shared memory (each thread reads the indices it wrote, j = IdxX
    /// mod DimX) into output[offset..]: mean and variance in double, then y = (float)((v - mean) * rstd) * gamma + beta.
    /// </summary>
    public static void Norm(ArrayView<float> values, ArrayView<double> partial, int d, ArrayView<float> gamma, ArrayView<float> beta, ArrayView<float> output, long offset)
    {
        double sum = 0;
        for (int j = Group.IdxX; j < d; j += Group.DimX)
        {
            sum += values[j];
        }

        double mean = GroupSum(partial, sum) / d;
        double sq = 0;
        for (int j = Group.IdxX; j < d; j += Group.DimX)
        {
            double c = values[j] - mean;
            sq += c * c;
        }

        double rstd = 1.0 / Math.Sqrt((GroupSum(partial, sq) / d) + ContextKernels.LayerNormEps);
        for (int j = Group.IdxX; j < d; j += Group.DimX)
        {
            output[offset + j] = ((float)((values[j] - mean) * rstd) * gamma[j]) + beta[j];
        }
    }

    /// <summary>sum over k &lt; n of wT[k * rows + j] * input[offset + k], in FixedDot's lane order.</summary>
    public static float Dot8(ArrayView<float> weightsT, int rows, int j, ArrayView<float> input, long offset, int n)
    {
        float l0 = 0, l1 = 0, l2 = 0, l3 = 0, l4 = 0, l5 = 0, l6 = 0, l7 = 0;
        int k = 0;
        for (; k <= n - 8; k += 8)
        {
            l0 += weightsT[((k + 0L) * rows) + j] * input[offset + k];
            l1 += weightsT[((k + 1L) * rows) + j] * input[offset + k + 1];
            l2 += weightsT[((k + 2L) * rows) + j] * input[offset + k + 2];
            l3 += weightsT[((k + 3L) * rows) + j] * input[offset + k + 3];
            l4 += weightsT[((k + 4L) * rows) + j] * input[offset + k + 4];
            l5 += weightsT[((k + 5L) * rows) + j] * input[offset + k + 5];
            l6 += weightsT[((k + 6L) * rows) + j] * input[offset + k + 6];
            l7 += weightsT[((k + 7L) * rows) + j] * input[offset + k + 7];
        }

        // The tail continues each lane's sequence, as FixedDot's does.
        int tail = n - k;
        if (tail > 0) { l0 += weightsT[((long)k * rows) + j] * input[offset + k]; }
        if (tail > 1) { l1 += weightsT[((k + 1L) * rows) + j] * input[offset + k + 1]; }
        if (tail > 2) { l2 += weightsT[((k + 2L) * rows) + j] * input[offset + k + 2]; }
        if (tail > 3) { l3 += weightsT[((k + 3L) * rows) + j] * input[offset + k + 3]; }
        if (tail > 4) { l4 += weightsT[((k + 4L) * rows) + j] * input[offset + k + 4]; }
        if (tail > 5) { l5 += weightsT[((k + 5L) * rows) + j] * input[offset + k + 5]; }
        if (tail > 6) { l6 += weightsT[((k + 6L) * rows) + j] * input[offset + k + 6]; }
        return ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7));
    }

    /// <summary>The group's sum of each thread's value (a tree in shared memory; the group size is a power of two).</summary>
    private static double GroupSum(ArrayView<double> partial, double value)
    {
        int t = Group.IdxX;
        partial[t] = value;
        Group.Barrier();
        for (int half = Group.DimX / 2; half > 0; half /= 2)
        {
            if (t < half)
            {
                partial[t] += partial[t + half];
            }

            Group.Barrier();
        }

        double total = partial[0];

        // Every thread has read the total before the next call overwrites it.
        Group.Barrier();
        return total;
    }
}
