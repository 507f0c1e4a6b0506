using TorchSharp;
using TorchSharp.Modules;

namespace MultiRate.Inference.ActionHead;

/// <summary>The action head's parameters: one expert (dense) or a gate plus E experts (sparse MoE).</summary>
/// <remarks>
/// State-dict names: <c>gate.weight</c>, <c>gate.bias</c> (MoE only) and
/// <c>experts.{i}.fc1|fc2|out.weight|bias</c>. A PyTorch model exported with these names imports
/// through safetensors. The seeded init is <see cref="HeadInit"/>'s (the same bits on every CPU).
/// </remarks>
public sealed class HeadNet : torch.nn.Module
{
    /// <summary>Builds the head (one expert when <paramref name="experts"/> is at most 1) with the seeded init.</summary>
    /// <param name="inputSize">Observation plus latent (plus age features) width.</param>
    /// <param name="hidden">Hidden layer widths of each expert (1 or 2 layers).</param>
    /// <param name="actionSize">Action dimension.</param>
    /// <param name="experts">Experts of a sparse MoE head (0 or 1: dense).</param>
    public HeadNet(int inputSize, IReadOnlyList<int> hidden, int actionSize, int experts)
        : base(nameof(HeadNet))
    {
        int count = Math.Max(1, experts);
        if (count > 1)
        {
            Gate = torch.nn.Linear(inputSize, count);
            register_module("gate", Gate);
        }

        Experts = new ModuleList<ExpertMlp>();
        for (int i = 0; i < count; i++)
        {
            Experts.Add(new ExpertMlp(inputSize, hidden, actionSize));
        }

        register_module("experts", Experts);
        HeadInit.Apply(this);
    }

    /// <summary>The MoE gate (<c>gate.*</c>); null for a dense head.</summary>
    public Linear? Gate { get; }

    /// <summary>The experts (<c>experts.{i}.*</c>); one for a dense head.</summary>
    public ModuleList<ExpertMlp> Experts { get; }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Gate?.Dispose();
            foreach (ExpertMlp expert in Experts)
            {
                expert.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
