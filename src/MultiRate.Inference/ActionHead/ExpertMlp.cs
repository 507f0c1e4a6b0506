using TorchSharp;
using TorchSharp.Modules;

namespace MultiRate.Inference.ActionHead;

/// <summary>One shallow, wide MLP: input -> hidden (1 or 2 layers, ReLU) -> action pre-activation.</summary>
/// <remarks>State-dict names: <c>fc1.*</c>, <c>fc2.*</c> (second hidden layer only), <c>out.*</c>.</remarks>
public sealed class ExpertMlp : torch.nn.Module
{
    /// <summary>Builds one expert.</summary>
    /// <param name="inputSize">Input width.</param>
    /// <param name="hidden">Hidden layer widths (1 or 2 layers).</param>
    /// <param name="outputSize">Action dimension.</param>
    public ExpertMlp(int inputSize, IReadOnlyList<int> hidden, int outputSize)
        : base(nameof(ExpertMlp))
    {
        Fc1 = torch.nn.Linear(inputSize, hidden[0]);
        register_module("fc1", Fc1);
        if (hidden.Count > 1)
        {
            Fc2 = torch.nn.Linear(hidden[0], hidden[1]);
            register_module("fc2", Fc2);
        }

        Out = torch.nn.Linear(hidden[^1], outputSize);
        register_module("out", Out);
    }

    /// <summary>First hidden layer (<c>fc1.*</c>).</summary>
    public Linear Fc1 { get; }

    /// <summary>Second hidden layer (<c>fc2.*</c>), or null.</summary>
    public Linear? Fc2 { get; }

    /// <summary>Output layer (<c>out.*</c>).</summary>
    public Linear Out { get; }

    /// <summary>
    /// Registration is explicit (above), under the PyTorch-style names. The reflective default would
    /// also register each auto-property's backing field (<c>&lt;Fc1&gt;k__BackingField</c>) when the
    /// expert joins a <c>ModuleList</c>, storing every tensor twice under two names.
    /// </summary>
    /// <inheritdoc />
    protected override void RegisterComponents()
    {
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Fc1.Dispose();
            Fc2?.Dispose();
            Out.Dispose();
        }

        base.Dispose(disposing);
    }
}
