using MultiRate.Core.Errors;
using MultiRate.Core.Models;
using MultiRate.Core.Rates;
using MultiRate.Inference;
using MultiRate.Inference.ActionHead;
using MultiRate.Inference.ContextModule;
using MultiRate.Training.Fitting;
using TorchSharp;
using TorchSharp.Modules;

namespace MultiRate.Training.Model;

/// <summary>
/// The inference architecture with a differentiable, batched forward pass: the very
/// <see cref="HeadNet"/> and <see cref="ContextNet"/> modules the runtime builds (same names, shapes
/// and seeded init), so the trained state dicts load into the runtime unchanged.
/// </summary>
/// <remarks>
/// Inputs are raw log values; the fixed input normalisation is the first operation here and is
/// folded into <c>fc1</c> / <c>in_proj</c> on export (<see cref="PolicyExporter"/>), so the runtime
/// needs no statistics. The head's output is <c>mid + half * tanh(pre)</c> over the action limits,
/// as in <c>TorchActionHead</c>. The context forward follows <c>TorchContextModule.Update</c>:
/// tokens = in_proj(rows) + pos, z = z0, then K times z = block(z + tokens), latent =
/// out_proj(norm(mean over tokens)).
/// </remarks>
internal sealed class TrainablePolicy : IDisposable
{
    private readonly torch.Tensor _headMean;
    private readonly torch.Tensor _headStd;
    private readonly torch.Tensor _rowMean;
    private readonly torch.Tensor _rowStd;
    private readonly torch.Tensor _mid;
    private readonly torch.Tensor _half;

    public TrainablePolicy(ModelConfig config, ActionSpec action, Normalizer head, Normalizer rows, TrainingMode mode, IReadOnlyList<ContextLevel>? levels = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(action);
        if (config.Head.Experts > 1)
        {
            throw new UserInputException($"{config.SourcePath ?? config.Name}: head.experts: training supports dense heads (experts 0 or 1), got {config.Head.Experts}");
        }

        Config = config;
        Mode = mode;
        HeadNormalizer = head;
        RowNormalizer = rows;
        HeadSize = config.Inputs.Head.Count;
        RowSize = config.Inputs.Context.Count + config.Inputs.Goal.Count;
        LatentSize = config.Context.LatentDim;
        ActionSize = action.Dimension;
        int headInput = HeadSize + LatentSize + (config.Head.AgeFeatures ? 2 : 0);
        ContextConfig c = config.Context;

        // The runtime's seeds: head = seed, context = seed + 1 (PolicyFactory; TorchModuleFactory adds 0 for the first context).
        Head = PolicyFactory.Seeded(config.Seed, () => new HeadNet(headInput, config.Head.Hidden, ActionSize, config.Head.Experts));
        Levels = levels ?? ContextLevel.Single;
        Contexts = [.. Levels.Select(l => PolicyFactory.Seeded(config.Seed + l.SeedOffset + 1, () => new ContextNet(RowSize, c.History, l.UpstreamInput ? c.LatentDim : 0, c.DModel, c.Heads, c.FeedForward, c.LatentDim)))];
        Head.train();
        foreach (ContextNet net in Contexts)
        {
            net.train();
        }

        _headMean = torch.tensor(head.Mean);
        _headStd = torch.tensor(head.Std);
        _rowMean = torch.tensor(rows.Mean);
        _rowStd = torch.tensor(rows.Std);
        _mid = torch.tensor([.. action.Min.Zip(action.Max).Select(p => (float)((p.First + p.Second) / 2))]);
        _half = torch.tensor([.. action.Min.Zip(action.Max).Select(p => (float)((p.Second - p.First) / 2))]);
    }

    public ModelConfig Config { get; }

    public TrainingMode Mode { get; }

    public Normalizer HeadNormalizer { get; }

    public Normalizer RowNormalizer { get; }

    public int HeadSize { get; }

    public int RowSize { get; }

    public int LatentSize { get; }

    public int ActionSize { get; }

    public HeadNet Head { get; }

    /// <summary>The chain's levels: [0] feeds the head, [l + 1] feeds [l].</summary>
    public IReadOnlyList<ContextLevel> Levels { get; }

    /// <summary>One context module per level.</summary>
    public IReadOnlyList<ContextNet> Contexts { get; }

    /// <summary>The context module feeding the head (level 0).</summary>
    public ContextNet Context => Contexts[0];

    /// <summary>The parameters being trained (the head only without context).</summary>
    public IEnumerable<Parameter> TrainedParameters =>
        Mode == TrainingMode.NoContext ? Head.parameters() : Head.parameters().Concat(Contexts.SelectMany(c => c.parameters()));

    /// <summary>Latents of a batch of windows [W, history, rowSize] (raw values) -> [W, latent], at level 0 with no upstream.</summary>
    public torch.Tensor ContextForward(torch.Tensor windows) => ContextForward(0, windows, null);

    /// <summary>
    /// Latents at level <paramref name="level"/> of windows [W, history, rowSize] (raw values) and, when
    /// the level takes one, upstream latents [W, latent] (null: zeros, as before any upstream publish) -> [W, latent].
    /// </summary>
    public torch.Tensor ContextForward(int level, torch.Tensor windows, torch.Tensor? upstream)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ContextNet net = Contexts[level];
        long history = windows.shape[1];
        torch.Tensor x = (windows - _rowMean) / _rowStd;
        torch.Tensor tokens = net.InProj.forward(x) + net.Pos.narrow(0, 0, history);
        if (net.UpProj is not null)
        {
            // TorchContextModule: the upstream latent is one more token after the history, without a position.
            torch.Tensor up = upstream ?? torch.zeros(windows.shape[0], LatentSize);
            tokens = torch.cat([tokens, net.UpProj.forward(up).unsqueeze(1)], 1);
        }

        torch.Tensor seq = tokens.transpose(0, 1); // [tokens, W, d]: the encoder layer is sequence-first
        torch.Tensor z = net.Z0.unsqueeze(1);
        for (int k = 0; k < Config.Context.Recursion; k++)
        {
            z = net.Block.call(z + seq);
        }

        torch.Tensor pooled = net.Norm.forward(z.mean([0L], false, null));
        return net.OutProj.forward(pooled);
    }

    /// <summary>Actions [B, action] from raw observations [B, head], latents [B, latent] and ages [B] (seconds).</summary>
    public torch.Tensor HeadForward(torch.Tensor observation, torch.Tensor latent, torch.Tensor ageSeconds)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(latent);
        ArgumentNullException.ThrowIfNull(ageSeconds);
        var parts = new List<torch.Tensor> { (observation - _headMean) / _headStd, latent };
        if (Config.Head.AgeFeatures)
        {
            torch.Tensor age = ageSeconds.unsqueeze(1);
            if (Mode == TrainingMode.NoContext)
            {
                // Both age columns are zeroed on export, so they must contribute nothing in training either.
                parts.Add(torch.zeros_like(age));
                parts.Add(torch.zeros_like(age));
            }
            else
            {
                parts.Add(age);
                parts.Add(torch.exp(-age / 0.25f)); // TorchActionHead's default age tau
            }
        }

        ExpertMlp mlp = Head.Experts[0];
        torch.Tensor h = torch.nn.functional.relu(mlp.Fc1.forward(torch.cat(parts, 1)));
        if (mlp.Fc2 is not null)
        {
            h = torch.nn.functional.relu(mlp.Fc2.forward(h));
        }

        return _mid + (_half * torch.tanh(mlp.Out.forward(h)));
    }

    public void Dispose()
    {
        Head.Dispose();
        foreach (ContextNet net in Contexts)
        {
            net.Dispose();
        }
        _headMean.Dispose();
        _headStd.Dispose();
        _rowMean.Dispose();
        _rowStd.Dispose();
        _mid.Dispose();
        _half.Dispose();
    }
}
