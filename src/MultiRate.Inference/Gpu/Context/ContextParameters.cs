using MultiRate.Inference.ContextModule;
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
    public ContextParameters(ContextNet net)
    {
        ArgumentNullException.ThrowIfNull(net);
        var block = net.Block.named_parameters().ToDictionary(p => p.name, p => (torch.Tensor)p.parameter);
        torch.Tensor Block(string name) => block.TryGetValue(name, out var p)
            ? p
            : throw new ArgumentException($"block.{name}: not among the transformer block's parameters ({string.Join(", ", block.Keys)})", nameof(net));

        Tokens = net.Tokens;
        DModel = checked((int)net.Z0.shape[1]);
        Heads = net.Heads;
        Observation = checked((int)net.InProj.weight!.shape[1]);
        Upstream = net.UpProj is null ? 0 : checked((int)net.UpProj.weight!.shape[1]);
        Rows = Tokens - (Upstream > 0 ? 1 : 0);
        InW = Transposed(net.InProj.weight!);
        InB = Values(net.InProj.bias!);
        Pos = Values(net.Pos);
        Z0 = Values(net.Z0);
        UpW = net.UpProj is null ? null : Transposed(net.UpProj.weight!);
        UpB = net.UpProj is null ? null : Values(net.UpProj.bias!);
        QkvW = Transposed(Block("self_attn.in_proj_weight"));
        QkvB = Values(Block("self_attn.in_proj_bias"));
        OutW = Transposed(Block("self_attn.out_proj.weight"));
        OutB = Values(Block("self_attn.out_proj.bias"));
        L1W = Transposed(Block("linear1.weight"));
        L1B = Values(Block("linear1.bias"));
        L2W = Transposed(Block("linear2.weight"));
        L2B = Values(Block("linear2.bias"));
        N1W = Values(Block("norm1.weight"));
        N1B = Values(Block("norm1.bias"));
        N2W = Values(Block("norm2.weight"));
        N2B = Values(Block("norm2.bias"));
        NormW = Values(net.Norm.weight!);
        NormB = Values(net.Norm.bias!);
        LatW = Transposed(net.OutProj.weight!);
        LatB = Values(net.OutProj.bias!);
        FeedForward = L1B.Length;
        Latent = LatB.Length;
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

    private static float[] Values(torch.Tensor t)
    {
        using torch.Tensor c = t.detach().cpu().contiguous();
        return c.data<float>().ToArray();
    }

    /// <summary>A [out, in] matrix as [in, out].</summary>
    private static float[] Transposed(torch.Tensor w)
    {
        int rows = checked((int)w.shape[0]);
        int cols = checked((int)w.shape[1]);
        float[] src = Values(w);
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
}
