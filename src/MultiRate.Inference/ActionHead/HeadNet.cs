using TorchSharp;
using TorchSharp.Modules;

namespace MultiRate.Inference.ActionHead;

/// <summary>The action head's parameters: one expert (dense) or a gate plus E experts (sparse MoE).</summary>
/// <remarks>
/// State-dict names: <c>gate.weight</c>, <c>gate.bias</c> (MoE only) and
/// <c>experts.{i}.fc1|fc2|out.weight|bias</c>. A PyTorch model exported with these names imports
/// through safetensors. The seeded init is <see cref="HeadInit"/>'s (the same bits on every CPU).
/// </remarks>
internal sealed class HeadNet : torch.nn.Module
{
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

    public Linear? Gate { get; }

    public ModuleList<ExpertMlp> Experts { get; }

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
