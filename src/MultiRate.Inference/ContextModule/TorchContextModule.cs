using System.Runtime.InteropServices;
using MultiRate.Core.Budgets;
using MultiRate.Core.Modules;
using TorchSharp;

namespace MultiRate.Inference.ContextModule;

/// <summary>
/// The slow recursive context module: tokens x = proj(history) + pos, then z &lt;- block(z + x)
/// for as many steps as the <see cref="AnytimeBudget"/> allows (at most K), then a pooled latent.
/// </summary>
/// <remarks>
/// One weight-tied block iterated K times, as in Universal Transformer / HRM / TRM: the input is
/// re-injected at every step so each step refines z given the same evidence, which is what makes
/// stopping early (anytime) still give a usable latent. Runs on the slow clock's worker thread,
/// never concurrently with itself. The forward pass runs on <see cref="ContextKernel"/> (fixed
/// summation order, the same bits on every x86-64 CPU; docs/determinism.md) and allocates only the
/// latent it returns. On a GPU the context runs as <c>Gpu.Context.GpuContextModule</c> (ILGPU, on
/// the accelerator the head shares), not through libtorch's CUDA backend: a libtorch CUDA context
/// would be a second CUDA context, where the head's stream priority cannot reach (decision 042).
/// </remarks>
internal sealed class TorchContextModule : IContextModule, IModulePlacement
{
    private readonly ContextNet _net;
    private readonly torch.Tensor _history;
    private readonly torch.Tensor? _upstream;
    private readonly int _upstreamSize;
    private readonly ContextKernel _kernel;
    private readonly Action _blockRun;

    public TorchContextModule(ContextNet net, int observationSize, int historyLength, int upstreamSize, int latentSize)
    {
        ArgumentNullException.ThrowIfNull(net);
        _net = net;
        ObservationSize = observationSize;
        HistoryLength = historyLength;
        LatentSize = latentSize;
        _upstreamSize = upstreamSize;
        foreach (var p in _net.parameters())
        {
            p.requires_grad_(false);
        }

        _net.eval();
        _kernel = new ContextKernel(_net);
        _blockRun = () => BlockInvocations++;

        // Staging buffers the kernel reads through their byte spans.
        _history = torch.zeros(historyLength, observationSize);
        _upstream = upstreamSize > 0 ? torch.zeros(1, upstreamSize) : null;
    }

    public int ObservationSize { get; }

    /// <summary>Always <c>cpu</c>.</summary>
    public string Placement => "cpu";

    public int LatentSize { get; }

    public int HistoryLength { get; }

    /// <summary>Block invocations since construction (test hook).</summary>
    internal long BlockInvocations { get; private set; }

    internal ContextNet Net => _net;

    /// <summary>The exception behind the last <see cref="ModuleOutcome.Faulted"/>, for diagnostics off the hot path.</summary>
    internal Exception? LastFault { get; private set; }

    public void WarmUp(int iterations) => ContextUpdates.WarmUp(this, iterations);

    public ContextResult Update(in ContextRequest request)
    {
        AnytimeBudget budget = request.Budget;
        if (ContextUpdates.IsMalformed(request, ObservationSize))
        {
            return new ContextResult(ModuleOutcome.Faulted, null, 0);
        }

        try
        {
            return RunKernel(request, budget);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LastFault = ex;
            return new ContextResult(ModuleOutcome.Faulted, null, budget.Steps);
        }
    }

    public void Dispose()
    {
        _history.Dispose();
        _upstream?.Dispose();
        _net.Dispose();
    }

    private ContextResult RunKernel(in ContextRequest request, AnytimeBudget budget)
    {
        int before = budget.Steps;
        StageHistory(request.History.Span, request.HistoryRows);
        if (_upstream is not null)
        {
            StageUpstream(request.Upstream?.Values);
        }

        float[] latent = _kernel.Run(
            MemoryMarshal.Cast<byte, float>(_history.bytes),
            _upstream is null ? default : MemoryMarshal.Cast<byte, float>(_upstream.bytes),
            budget,
            _blockRun);
        return Checked(latent, budget.Steps - before);
    }

    private static ContextResult Checked(float[] latent, int steps)
    {
        foreach (float v in latent)
        {
            if (!float.IsFinite(v))
            {
                return new ContextResult(ModuleOutcome.NonFinite, null, steps);
            }
        }

        return new ContextResult(ModuleOutcome.Ok, latent, steps);
    }

    private void StageHistory(ReadOnlySpan<float> history, int rows)
    {
        // Oldest first; fewer rows than the window are left-padded with zeros, more keep the newest.
        Span<float> dst = MemoryMarshal.Cast<byte, float>(_history.bytes);
        int used = Math.Min(rows, HistoryLength);
        int pad = HistoryLength - used;
        dst[..(pad * ObservationSize)].Clear();
        history.Slice((rows - used) * ObservationSize, used * ObservationSize).CopyTo(dst[(pad * ObservationSize)..]);
    }

    private void StageUpstream(float[]? values)
    {
        Span<float> dst = MemoryMarshal.Cast<byte, float>(_upstream!.bytes);
        dst.Clear();
        if (values is not null)
        {
            values.AsSpan(0, Math.Min(values.Length, _upstreamSize)).CopyTo(dst);
        }
    }
}
