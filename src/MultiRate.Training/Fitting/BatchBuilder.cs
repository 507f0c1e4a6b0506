using MultiRate.Training.Data;
using TorchSharp;

namespace MultiRate.Training.Fitting;

/// <summary>
/// Turns a list of sample indices into tensors: observations, targets, ages, and the distinct
/// context windows the batch needs with each sample's index into them (the last index = zero latent).
/// </summary>
internal sealed class BatchBuilder(SampleSet samples, int windowRows, int moduleRows)
{
    public (torch.Tensor Obs, torch.Tensor Targets, torch.Tensor Age, torch.Tensor? Windows, torch.Tensor WindowIndex) Build(IReadOnlyList<int> batch, Pairing pairing)
    {
        int b = batch.Count;
        int h = samples.HeadSize;
        int a = samples.TargetSize;
        int c = samples.RowSize;
        float[] obs = new float[b * h];
        float[] targets = new float[b * a];
        float[] age = new float[b];
        long[] index = new long[b];
        var windows = new Dictionary<int, int>();
        var order = new List<int>();
        for (int k = 0; k < b; k++)
        {
            int i = batch[k];
            samples.Head.AsSpan(i * h, h).CopyTo(obs.AsSpan(k * h));
            samples.Targets.AsSpan(i * a, a).CopyTo(targets.AsSpan(k * a));
            age[k] = pairing.AgeSeconds[i];
            int end = pairing.RowEnd[i];
            if (end < 0)
            {
                index[k] = -1;
                continue;
            }

            if (!windows.TryGetValue(end, out int w))
            {
                w = order.Count;
                windows[end] = w;
                order.Add(end);
            }

            index[k] = w;
        }

        for (int k = 0; k < b; k++)
        {
            if (index[k] < 0)
            {
                index[k] = order.Count; // the zero row appended after the computed latents
            }
        }

        torch.Tensor? windowTensor = null;
        if (order.Count > 0)
        {
            int size = moduleRows * c;
            float[] data = new float[order.Count * size];
            for (int w = 0; w < order.Count; w++)
            {
                ContextWindow.Fill(samples.Rows, c, order[w], windowRows, moduleRows, data.AsSpan(w * size, size));
            }

            windowTensor = torch.tensor(data, [order.Count, moduleRows, c]);
        }

        return (torch.tensor(obs, [b, h]), torch.tensor(targets, [b, a]), torch.tensor(age), windowTensor, torch.tensor(index));
    }
}
