using MultiRate.Inference.ContextModule;
using MultiRate.Inference.Kernels;
using TorchSharp;

namespace MultiRate.Inference.Gpu.Context;

/// <summary>
/// A <see cref="ContextNet"/>'s parameters on the host in the layouts <see cref="ContextKernels"/>
/// read: every matrix transposed to [inputs, outputs] (so the threads of a warp, consecutive output
/// rows, read consecutive addresses for each input), vectors as they are.
/// </summary>
/// <remarks>Read once from the module's tensors (the seeded init or the loaded safetensors); the device copy is made from these.</remarks>
internal sealed class ContextParameters
{
    /// <summary>Reads a <see cref="ContextNet"/>'s tensors (the seeded init or the loaded safetensors).</summary>
    public ContextParameters(ContextNet net)
        : this(NetSource(net))
    {
    }

    /// <summary>Reads the parameters by state-dict name; matrices come row-major [outputs, inputs].</summary>
    private ContextParameters(Source source)
    {
        (Tokens, DModel, Heads, Observation, Upstream) = (source.Tokens, source.DModel, source.Heads, source.Observation, source.Upstream);
        Rows = Tokens - (Upstream > 0 ? 1 : 0);
        InW = Transpose(source.Read("in_proj.weight"), DModel);
        InB = source.Read("in_proj.bias");
        Pos = source.Read("pos");
        Z0 = source.Read("z0");
        UpW = Upstream > 0 ? Transpose(source.Read("up_proj.weight"), DModel) : null;
        UpB = Upstream > 0 ? source.Read("up_proj.bias") : null;
        QkvW = Transpose(source.Read("block.self_attn.in_proj_weight"), 3 * DModel);
        QkvB = source.Read("block.self_attn.in_proj_bias");
        OutW = Transpose(source.Read("block.self_attn.out_proj.weight"), DModel);
        OutB = source.Read("block.self_attn.out_proj.bias");
        L1B = source.Read("block.linear1.bias");
        FeedForward = L1B.Length;
        L1W = Transpose(source.Read("block.linear1.weight"), FeedForward);
        L2W = Transpose(source.Read("block.linear2.weight"), DModel);
        L2B = source.Read("block.linear2.bias");
        N1W = source.Read("block.norm1.weight");
        N1B = source.Read("block.norm1.bias");
        N2W = source.Read("block.norm2.weight");
        N2B = source.Read("block.norm2.bias");
        NormW = source.Read("norm.weight");
        NormB = source.Read("norm.bias");
        LatB = source.Read("out_proj.bias");
        Latent = LatB.Length;
        LatW = Transpose(source.Read("out_proj.weight"), Latent);
    }

    /// <summary>
    /// Parameters drawn without TorchSharp: <see cref="ContextInit"/>'s distributions, in its order, from a
    /// <see cref="FixedInit"/> stream seeded with <paramref name="seed"/> (a <see cref="ContextNet"/> whose
    /// init stream got the same seed holds the same bits). For checks and benches on machines where
    /// TorchSharp's native layer does not load.
    /// </summary>
    public static ContextParameters Seeded(ulong seed, int observation, int rows, int upstream, int dModel, int heads, int feedForward, int latent)
    {
        if (observation < 1 || rows < 1 || upstream < 0 || dModel < 1 || heads < 1 || dModel % heads != 0 || feedForward < 1 || latent < 1)
        {
            throw new ArgumentException($"a context has at least one row, input, feed-forward unit and latent value, and d_model divisible by the heads; got observation {observation}, rows {rows}, upstream {upstream}, d_model {dModel}, heads {heads}, feed-forward {feedForward}, latent {latent}");
        }

        int tokens = rows + (upstream > 0 ? 1 : 0);
        FixedInit init = FixedInit.FromSeed(seed);
        var values = new Dictionary<string, float[]>(StringComparer.Ordinal);
        void Linear(string name, int inputs, int outputs, bool bias = true)
        {
            double bound = 1.0 / Math.Sqrt(inputs);
            values[name + ".weight"] = init.UniformValues(inputs * outputs, bound);
            values[name + ".bias"] = bias ? init.UniformValues(outputs, bound) : new float[outputs];
        }

        // ContextInit's order: in_proj, pos, z0, up_proj, the attention's in-projection (Xavier, bias 0),
        // its out-projection (bias 0), linear1, linear2, out_proj; layer norms are 1 and 0.
        Linear("in_proj", observation, dModel);
        values["pos"] = init.NormalValues(tokens * dModel, 0.02);
        values["z0"] = init.NormalValues(tokens * dModel, 0.02);
        if (upstream > 0)
        {
            Linear("up_proj", upstream, dModel);
        }

        values["block.self_attn.in_proj_weight"] = init.UniformValues(3 * dModel * dModel, Math.Sqrt(6.0 / (4.0 * dModel)));
        values["block.self_attn.in_proj_bias"] = new float[3 * dModel];
        Linear("block.self_attn.out_proj", dModel, dModel, bias: false);
        Linear("block.linear1", dModel, feedForward);
        Linear("block.linear2", feedForward, dModel);
        foreach (string norm in (string[])["block.norm1", "block.norm2", "norm"])
        {
            values[norm + ".weight"] = [.. Enumerable.Repeat(1f, dModel)];
            values[norm + ".bias"] = new float[dModel];
        }

        Linear("out_proj", dModel, latent);
        return new ContextParameters(new Source(tokens, dModel, heads, observation, upstream, name => values[name]));
    }

    /// <summary>Tokens per update: history rows, plus one for an upstream latent.</summary>
    public int Tokens { get; }

    /// <summary>History rows (tokens without the upstream one).</summary>
    public int Rows { get; }

    public int DModel { get; }

    public int Heads { get; }

    public int FeedForward { get; }

    /// <summary>Width of one history row.</summary>
    public int Observation { get; }

    /// <summary>Width of the upstream latent, 0 without one.</summary>
    public int Upstream { get; }

    public int Latent { get; }

    public float[] InW { get; }

    public float[] InB { get; }

    public float[] Pos { get; }

    public float[] Z0 { get; }

    public float[]? UpW { get; }

    public float[]? UpB { get; }

    public float[] QkvW { get; }

    public float[] QkvB { get; }

    public float[] OutW { get; }

    public float[] OutB { get; }

    public float[] L1W { get; }

    public float[] L1B { get; }

    public float[] L2W { get; }

    public float[] L2B { get; }

    public float[] N1W { get; }

    public float[] N1B { get; }

    public float[] N2W { get; }

    public float[] N2B { get; }

    public float[] NormW { get; }

    public float[] NormB { get; }

    public float[] LatW { get; }

    public float[] LatB { get; }

    /// <summary>Scalar parameters in all (<see cref="ModuleParameters"/> counts a module built from these).</summary>
    public long Count =>
        (long)InW.Length + InB.Length + Pos.Length + Z0.Length + (UpW?.Length ?? 0) + (UpB?.Length ?? 0)
        + QkvW.Length + QkvB.Length + OutW.Length + OutB.Length + L1W.Length + L1B.Length + L2W.Length + L2B.Length
        + N1W.Length + N1B.Length + N2W.Length + N2B.Length + NormW.Length + NormB.Length + LatW.Length + LatB.Length;

    private static Source NetSource(ContextNet net)
    {
        ArgumentNullException.ThrowIfNull(net);
        var tensors = net.named_parameters().ToDictionary(p => p.name, p => (torch.Tensor)p.parameter, StringComparer.Ordinal);
        float[] Read(string name)
        {
            if (!tensors.TryGetValue(name, out torch.Tensor? t))
            {
                throw new ArgumentException($"{name}: not among the context module's parameters ({string.Join(", ", tensors.Keys)})", nameof(net));
            }

            using torch.Tensor c = t.detach().cpu().contiguous();
            return c.data<float>().ToArray();
        }

        int upstream = net.UpProj is null ? 0 : checked((int)net.UpProj.weight!.shape[1]);
        return new Source(net.Tokens, checked((int)net.Z0.shape[1]), net.Heads, checked((int)net.InProj.weight!.shape[1]), upstream, Read);
    }

    /// <summary>A row-major [rows, cols] matrix as [cols, rows].</summary>
    private static float[] Transpose(float[] src, int rows)
    {
        int cols = src.Length / rows;
        float[] dst = new float[src.Length];
        for (int o = 0; o < rows; o++)
        {
            for (int k = 0; k < cols; k++)
            {
                dst[(k * rows) + o] = src[(o * cols) + k];
            }
        }

        return dst;
    }

    /// <summary>Where the values come from: dimensions, and a reader by state-dict name.</summary>
    private sealed record Source(int Tokens, int DModel, int Heads, int Observation, int Upstream, Func<string, float[]> Read);
}
