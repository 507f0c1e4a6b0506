using TorchSharp;
using TorchSharp.Modules;

namespace MultiRate.Inference.ContextModule;

/// <summary>
/// Parameters of the recursive context module: a token projection with learned positions, a
/// learned initial state z0, ONE weight-tied transformer block, and a pooled output projection.
/// </summary>
/// <remarks>
/// State-dict names: <c>in_proj.*</c>, <c>pos</c> [tokens, d], <c>z0</c> [tokens, d],
/// <c>up_proj.*</c> (only when an upstream latent feeds the module), <c>block.*</c> (TorchSharp's
/// TransformerEncoderLayer names), <c>norm.*</c>, <c>out_proj.*</c>. Tokens = history rows, plus one
/// when there is an upstream latent. The seeded init is <see cref="ContextInit"/>'s (the same bits
/// on every CPU).
/// </remarks>
public sealed class ContextNet : torch.nn.Module
{
    /// <summary>Builds the module with the seeded init.</summary>
    /// <param name="observationSize">Width of one history row.</param>
    /// <param name="history">History rows.</param>
    /// <param name="upstreamSize">Width of an upstream latent (0: none).</param>
    /// <param name="dModel">Model width.</param>
    /// <param name="heads">Attention heads.</param>
    /// <param name="feedForward">Feed-forward width of the block.</param>
    /// <param name="latentDim">Latent width.</param>
    public ContextNet(int observationSize, int history, int upstreamSize, int dModel, int heads, int feedForward, int latentDim)
        : base(nameof(ContextNet))
    {
        Tokens = history + (upstreamSize > 0 ? 1 : 0);
        Heads = heads;
        InProj = torch.nn.Linear(observationSize, dModel);
        register_module("in_proj", InProj);
        Pos = torch.nn.Parameter(torch.randn(Tokens, dModel) * 0.02);
        register_parameter("pos", Pos);
        Z0 = torch.nn.Parameter(torch.randn(Tokens, dModel) * 0.02);
        register_parameter("z0", Z0);
        if (upstreamSize > 0)
        {
            UpProj = torch.nn.Linear(upstreamSize, dModel);
            register_module("up_proj", UpProj);
        }

        // Dropout 0: inference only, and results must be deterministic.
        Block = torch.nn.TransformerEncoderLayer(dModel, heads, feedForward, 0.0);
        register_module("block", Block);
        Norm = torch.nn.LayerNorm(dModel);
        register_module("norm", Norm);
        OutProj = torch.nn.Linear(dModel, latentDim);
        register_module("out_proj", OutProj);
        ContextInit.Apply(this);
    }

    /// <summary>Tokens per update: history rows, plus one for an upstream latent.</summary>
    public int Tokens { get; }

    /// <summary>Attention heads of <see cref="Block"/> (for the fixed-order forward pass).</summary>
    public int Heads { get; }

    /// <summary>Row projection (<c>in_proj.*</c>).</summary>
    public Linear InProj { get; }

    /// <summary>Learned positions (<c>pos</c>, [tokens, d]).</summary>
    public Parameter Pos { get; }

    /// <summary>Learned initial state (<c>z0</c>, [tokens, d]).</summary>
    public Parameter Z0 { get; }

    /// <summary>Upstream latent projection (<c>up_proj.*</c>), or null.</summary>
    public Linear? UpProj { get; }

    /// <summary>The one weight-tied transformer block (<c>block.*</c>).</summary>
    public TransformerEncoderLayer Block { get; }

    /// <summary>Final norm (<c>norm.*</c>).</summary>
    public LayerNorm Norm { get; }

    /// <summary>Pooled output projection (<c>out_proj.*</c>).</summary>
    public Linear OutProj { get; }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            InProj.Dispose();
            UpProj?.Dispose();
            Block.Dispose();
            Norm.Dispose();
            OutProj.Dispose();
        }

        base.Dispose(disposing);
    }
}
