using MultiRate.Training.Data;
using TorchSharp;

namespace MultiRate.Training.Fitting;

/// <summary>
/// Turns a list of sample indices into tensors: observations, targets, ages, and per level of the
/// context chain the distinct windows the batch needs, each with its index into the next level's
/// latents; the samples index level 0's latents (the last index = zero latent).
/// </summary>
/// <remarks>
/// A latent at level l is identified by its window end and the latent it read at level l + 1, so
/// samples sharing both share one computation. Distinct latents are numbered in order of first use.
/// </remarks>
internal sealed class BatchBuilder(SampleSet samples, int[] windowRows, int moduleRows)
{
    public (torch.Tensor Obs, torch.Tensor Targets, torch.Tensor Age, LevelBatch[] Levels, torch.Tensor Index) Build(IReadOnlyList<int> batch, Pairing pairing)
    {
        int b = batch.Count;
        int h = samples.HeadSize;
        int a = samples.TargetSize;
        int c = samples.RowSize;
        int levels = windowRows.Length;
        float[] obs = new float[b * h];
        float[] targets = new float[b * a];
        float[] age = new float[b];
        long[] index = new long[b];
        var ids = new Dictionary<(int RowEnd, int Upstream), int>[levels];
        var order = new List<(int RowEnd, int Upstream)>[levels];
        for (int l = 0; l < levels; l++)
        {
            ids[l] = [];
            order[l] = [];
        }

        for (int k = 0; k < b; k++)
        {
            int i = batch[k];
            samples.Head.AsSpan(i * h, h).CopyTo(obs.AsSpan(k * h));
            samples.Targets.AsSpan(i * a, a).CopyTo(targets.AsSpan(k * a));
            age[k] = pairing.AgeSeconds[i];
            int id = -1;
            for (int l = levels - 1; l >= 0; l--)
            {
                int end = pairing.RowEnds[l][i];
                if (end < 0)
                {
                    id = -1;
                    continue;
                }

                var key = (end, id);
                if (!ids[l].TryGetValue(key, out int w))
                {
                    w = order[l].Count;
                    ids[l][key] = w;
                    order[l].Add(key);
                }

                id = w;
            }

            index[k] = id;
        }

        for (int k = 0; k < b; k++)
        {
            if (index[k] < 0)
            {
                index[k] = order[0].Count; // the zero row appended after the computed latents
            }
        }

        var result = new LevelBatch[levels];
        int size = moduleRows * c;
        for (int l = 0; l < levels; l++)
        {
            List<(int RowEnd, int Upstream)> keys = order[l];
            if (keys.Count == 0)
            {
                result[l] = new LevelBatch(null, null);
                continue;
            }

            float[] data = new float[keys.Count * size];
            long[] up = new long[keys.Count];
            int zeroRow = l + 1 < levels ? order[l + 1].Count : 0;
            for (int w = 0; w < keys.Count; w++)
            {
                ContextWindow.Fill(samples.Rows, c, keys[w].RowEnd, windowRows[l], moduleRows, data.AsSpan(w * size, size));
                up[w] = keys[w].Upstream < 0 ? zeroRow : keys[w].Upstream;
            }

            result[l] = new LevelBatch(torch.tensor(data, [keys.Count, moduleRows, c]), torch.tensor(up));
        }

        return (torch.tensor(obs, [b, h]), torch.tensor(targets, [b, a]), torch.tensor(age), result, torch.tensor(index));
    }
}
