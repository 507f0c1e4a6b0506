using ILGPU;
using ILGPU.Runtime;

namespace MultiRate.Inference.Gpu.Context;

/// <summary>The context's last launch: the mean over tokens, the final layer norm and the latent projection, in one group.</summary>
internal static class ContextPoolKernel
{
    /// <summary>
    /// One group: mean[j] = (sum over t of z[t][j], in token order) / tokens; normed = norm(mean);
    /// latent[l] = latB[l] + sum_j latWT[j][l] * normed[j].
    /// </summary>
    public static void Pool(
        ArrayView<float> z,
        ArrayView<float> normW,
        ArrayView<float> normB,
        ArrayView<float> latWT,
        ArrayView<float> latB,
        ArrayView<float> latent,
        int tokens,
        int d,
        int latentSize)
    {
        ArrayView<float> mean = SharedMemory.Allocate<float>(ContextKernels.MaxModel);
        ArrayView<float> normed = SharedMemory.Allocate<float>(ContextKernels.MaxModel);
        ArrayView<double> partial = SharedMemory.Allocate<double>(ContextKernels.MaxGroup);
        for (int j = Group.IdxX; j < d; j += Group.DimX)
        {
            float m = 0f;
            for (int t = 0; t < tokens; t++)
            {
                m += z[((long)t * d) + j];
            }

            mean[j] = m / tokens;
        }

        ContextReductions.Norm(mean, partial, d, normW, normB, normed, 0);

        // The projection reads every normed value, written by every thread.
        Group.Barrier();
        for (int l = Group.IdxX; l < latentSize; l += Group.DimX)
        {
            latent[l] = latB[l] + ContextReductions.Dot8(latWT, latentSize, l, normed, 0, d);
        }
    }
}
