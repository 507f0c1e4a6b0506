using MultiRate.Inference.Kernels;
using TorchSharp;

namespace MultiRate.Inference.ContextModule;

/// <summary>Re-draws a new <see cref="ContextNet"/>'s parameters with <see cref="FixedInit"/> (same bits on every CPU).</summary>
/// <remarks>
/// PyTorch's defaults: Linear layers U(+-1/sqrt(fan_in)); the attention's packed in-projection
/// Xavier-uniform, its biases 0; layer norms 1 and 0 (left as constructed: constants are exact);
/// pos and z0 N(0, 0.02^2).
/// </remarks>
internal static class ContextInit
{
    public static void Apply(ContextNet net)
    {
        FixedInit init = FixedInit.FromTorchGenerator();
        init.Linear(net.InProj);
        init.Normal(net.Pos, 0.02);
        init.Normal(net.Z0, 0.02);
        if (net.UpProj is not null)
        {
            init.Linear(net.UpProj);
        }

        var block = net.Block.named_parameters().ToDictionary(p => p.name, p => (torch.Tensor)p.parameter);
        torch.Tensor inProj = block["self_attn.in_proj_weight"];
        init.Uniform(inProj, Math.Sqrt(6.0 / (inProj.shape[0] + inProj.shape[1])));
        LinearLike(init, block["self_attn.out_proj.weight"], null);
        LinearLike(init, block["linear1.weight"], block["linear1.bias"]);
        LinearLike(init, block["linear2.weight"], block["linear2.bias"]);
        init.Linear(net.OutProj);
    }

    private static void LinearLike(FixedInit init, torch.Tensor weight, torch.Tensor? bias)
    {
        double bound = 1.0 / Math.Sqrt(weight.shape[1]);
        init.Uniform(weight, bound);
        if (bias is not null)
        {
            init.Uniform(bias, bound);
        }
    }
}
