using ILGPU;
using ILGPU.Runtime;
using MultiRate.Core.Budgets;
using MultiRate.Core.Modules;
using MultiRate.Inference.ContextModule;

namespace MultiRate.Inference.Gpu.Context;

/// <summary>
/// The slow recursive context module on an ILGPU accelerator (a CUDA GPU shared with the head, or
/// ILGPU's CPU accelerator in tests): the forward pass of <see cref="ContextKernel"/> on the same
/// <see cref="ContextNet"/> parameters, with the weights resident on the device.
/// </summary>
/// <remarks>
/// Per update, on the module's own low-priority stream: the staged history (and upstream latent)
/// go from page-locked host buffers to the device; one launch projects the tokens and sets z = z0;
/// then per recursion step five launches (q/k/v projection; attention with its softmax;
/// out-projection + residual + norm1; feed-forward up + ReLU; feed-forward down + residual + norm2,
/// which also re-injects the input for the next step), and a wait on the stream. The anytime budget
/// is asked between steps exactly as on the CPU, so the head's stream finds the GPU free of the
/// context's work between any two steps, and stopping early gives the latent of K = the steps run.
/// Last, one launch pools, normalises and projects, and the latent comes back through a page-locked
/// buffer. An update allocates only the latent it returns (ILGPU's CPU accelerator adds one small
/// task object per launch; its CUDA launcher passes arguments on the stack). One thread at a time.
/// </remarks>
internal sealed class GpuContextModule : IContextModule, IModulePlacement
{
    /// <summary>Kernel launches per recursion step.</summary>
    public const int LaunchesPerStep = 5;

    private readonly IlgpuDevice _device;
    private readonly DeviceContextWeights _w;
    private readonly int _tokens, _rows, _d, _heads, _ff, _upstreamSize;
    private readonly float _scale;
    private readonly Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int, int, int> _project;
    private readonly Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int> _linear;
    private readonly Action<AcceleratorStream, KernelConfig, ArrayView<float>, ArrayView<float>, int, int, int, float> _attention;
    private readonly Action<AcceleratorStream, KernelConfig, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int> _residualNorm;
    private readonly Action<AcceleratorStream, KernelConfig, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int> _pool;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _history, _upstream, _xzu, _qkv, _att, _y1, _hidden, _latent;
    private readonly ArrayView<float> _x, _z, _u;
    private readonly PageLockedArray1D<float> _historyHost, _upstreamHost, _latentHost;
    private readonly KernelConfig _perToken, _perTokenHead, _single;

    public GpuContextModule(IlgpuDevice device, ContextNet net, int observationSize, int historyLength, int upstreamSize, int latentSize)
        : this(device, new ContextParameters(net ?? throw new ArgumentNullException(nameof(net))), net, observationSize, historyLength, upstreamSize, latentSize)
    {
    }

    /// <summary>A context on parameters alone (no TorchSharp): it runs, but cannot be saved (<see cref="Net"/> is null).</summary>
    public GpuContextModule(IlgpuDevice device, ContextParameters p, ContextNet? net, int observationSize, int historyLength, int upstreamSize, int latentSize)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(p);
        if (p.Observation != observationSize || p.Rows != historyLength || p.Upstream != upstreamSize || p.Latent != latentSize)
        {
            throw new ArgumentException($"the context's parameters are [{p.Rows} x {p.Observation}, upstream {p.Upstream} -> {p.Latent}], the sizes given are [{historyLength} x {observationSize}, upstream {upstreamSize} -> {latentSize}]", nameof(p));
        }

        if (p.DModel > ContextKernels.MaxModel || p.Tokens > ContextKernels.MaxTokens || p.DModel % p.Heads != 0)
        {
            throw new ArgumentException($"the device context holds d_model <= {ContextKernels.MaxModel} (divisible by the heads) and <= {ContextKernels.MaxTokens} tokens; got d_model {p.DModel}, {p.Heads} heads, {p.Tokens} tokens", nameof(p));
        }

        _device = device;
        Net = net;
        ParameterCount = p.Count;
        ObservationSize = observationSize;
        HistoryLength = historyLength;
        LatentSize = latentSize;
        (_tokens, _rows, _d, _heads, _ff, _upstreamSize) = (p.Tokens, p.Rows, p.DModel, p.Heads, p.FeedForward, upstreamSize);
        _scale = (float)(1.0 / Math.Sqrt(_d / _heads));
        Accelerator acc = device.Accelerator;
        _w = new DeviceContextWeights(acc, p);
        _project = acc.LoadAutoGroupedKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int, int, int>(ContextKernels.Tokens);
        _linear = acc.LoadAutoGroupedKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int>(ContextKernels.Linear);
        _attention = acc.LoadKernel<ArrayView<float>, ArrayView<float>, int, int, int, float>(ContextKernels.Attention);
        _residualNorm = acc.LoadKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int>(ContextKernels.ResidualNorm);
        _pool = acc.LoadKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int>(ContextPoolKernel.Pool);
        int group = GroupSize(acc);
        _perToken = new KernelConfig(_tokens, group);
        _perTokenHead = new KernelConfig(_tokens * _heads, group);
        _single = new KernelConfig(1, group);
        int n = _tokens * _d;
        _history = acc.Allocate1D<float>(historyLength * observationSize);
        _upstream = acc.Allocate1D<float>(Math.Max(1, upstreamSize));
        _xzu = acc.Allocate1D<float>(3L * n);
        ArrayView<float> xzu = _xzu.View;
        (_x, _z, _u) = (xzu.SubView(0, n), xzu.SubView(n, n), xzu.SubView(2L * n, n));
        _qkv = acc.Allocate1D<float>(3L * n);
        _att = acc.Allocate1D<float>(n);
        _y1 = acc.Allocate1D<float>(n);
        _hidden = acc.Allocate1D<float>((long)_tokens * _ff);
        _latent = acc.Allocate1D<float>(latentSize);
        _historyHost = acc.AllocatePageLocked1D<float>(historyLength * observationSize);
        _upstreamHost = acc.AllocatePageLocked1D<float>(Math.Max(1, upstreamSize));
        _latentHost = acc.AllocatePageLocked1D<float>(latentSize);
    }

    public int ObservationSize { get; }

    public int LatentSize { get; }

    public int HistoryLength { get; }

    /// <summary>Where the kernels run: "cuda:0 &lt;GPU name&gt;" or "ilgpu-cpu".</summary>
    public string Placement => _device.Name;

    /// <summary>The module's place on the shared accelerator (tests compare it with the head's).</summary>
    internal IlgpuDevice Device => _device;

    /// <summary>The parameters on the host (saving reads them; the device holds a copy); null when built from parameters alone.</summary>
    internal ContextNet? Net { get; }

    /// <summary>Scalar parameters on the device.</summary>
    internal long ParameterCount { get; }

    /// <summary>Recursion steps run since construction (test hook).</summary>
    internal long BlockInvocations { get; private set; }

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

        int before = budget.Steps;
        try
        {
            if (_device.Target == IlgpuTarget.Cuda)
            {
                // The slow clock's worker is not the thread that opened the accelerator. ILGPU binds the
                // accelerator around its own launches and waits; binding here too costs one driver call
                // per update and keeps the worker's current CUDA context right between them.
                _device.Accelerator.Bind();
            }

            StageHistory(request.History.Span, request.HistoryRows);
            StageUpstream(request.Upstream?.Values);
            Begin();
            while (budget.CanRunAnotherStep())
            {
                Step();
                _device.Stream.Synchronize();
                BlockInvocations++;
                budget.StepDone();
            }

            Finish();
            _device.Stream.Synchronize();
            float[] latent = _latentHost.Span.ToArray();
            foreach (float v in latent)
            {
                if (!float.IsFinite(v))
                {
                    return new ContextResult(ModuleOutcome.NonFinite, null, budget.Steps - before);
                }
            }

            return new ContextResult(ModuleOutcome.Ok, latent, budget.Steps - before);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LastFault = ex;
            return new ContextResult(ModuleOutcome.Faulted, null, budget.Steps - before);
        }
    }

    public void Dispose()
    {
        _historyHost.Dispose();
        _upstreamHost.Dispose();
        _latentHost.Dispose();
        _history.Dispose();
        _upstream.Dispose();
        _xzu.Dispose();
        _qkv.Dispose();
        _att.Dispose();
        _y1.Dispose();
        _hidden.Dispose();
        _latent.Dispose();
        _w.Dispose();
        _device.Dispose();
        Net?.Dispose();
    }

    /// <summary>The inputs to the device and the token projection (internal: tests time the launches alone).</summary>
    internal void Begin()
    {
        AcceleratorStream s = _device.Stream;
        _history.View.CopyFrom(s, _historyHost.ArrayView);
        _upstream.View.CopyFrom(s, _upstreamHost.ArrayView);
        _project(s, _tokens * _d, _w.InW.View, _w.InB.View, _w.Pos.View, _w.UpW.View, _w.UpB.View, _history.View, _upstream.View, _w.Z0.View, _xzu.View, ObservationSize, _upstreamSize, _rows, _d, _tokens * _d);
    }

    /// <summary>One recursion step: z = norm2(y1 + ff(y1)), y1 = norm1(u + attention(u)), u = z + x.</summary>
    internal void Step()
    {
        AcceleratorStream s = _device.Stream;
        _linear(s, _tokens * 3 * _d, _w.QkvW.View, _w.QkvB.View, _u, _qkv.View, _d, 3 * _d, 0);
        _attention(s, _perTokenHead, _qkv.View, _att.View, _tokens, _heads, _d, _scale);
        _residualNorm(s, _perToken, _w.OutW.View, _w.OutB.View, _att.View, _u, _w.N1W.View, _w.N1B.View, _y1.View, _x, _u, _d, _d, 0);
        _linear(s, _tokens * _ff, _w.L1W.View, _w.L1B.View, _y1.View, _hidden.View, _d, _ff, 1);
        _residualNorm(s, _perToken, _w.L2W.View, _w.L2B.View, _hidden.View, _y1.View, _w.N2W.View, _w.N2B.View, _z, _x, _u, _ff, _d, 1);
    }

    /// <summary>The pooled latent into the page-locked buffer (not waited for).</summary>
    internal void Finish()
    {
        AcceleratorStream s = _device.Stream;
        _pool(s, _single, _z, _w.NormW.View, _w.NormB.View, _w.LatW.View, _w.LatB.View, _latent.View, _tokens, _d, LatentSize);
        _latent.View.CopyTo(s, _latentHost.ArrayView);
    }

    /// <summary>The largest power of two up to <see cref="ContextKernels.MaxGroup"/> the accelerator allows (the reductions halve it).</summary>
    private static int GroupSize(Accelerator accelerator)
    {
        int limit = Math.Min(ContextKernels.MaxGroup, accelerator.MaxNumThreadsPerGroup);
        int size = 1;
        while (size * 2 <= limit)
        {
            size *= 2;
        }

        return size;
    }

    private void StageHistory(ReadOnlySpan<float> history, int rows)
    {
        // As the CPU path: oldest first; fewer rows than the window are left-padded with zeros, more keep the newest.
        Span<float> dst = _historyHost.Span;
        int used = Math.Min(rows, HistoryLength);
        int pad = HistoryLength - used;
        dst[..(pad * ObservationSize)].Clear();
        history.Slice((rows - used) * ObservationSize, used * ObservationSize).CopyTo(dst[(pad * ObservationSize)..]);
    }

    private void StageUpstream(float[]? values)
    {
        Span<float> dst = _upstreamHost.Span;
        dst.Clear();
        if (values is not null && _upstreamSize > 0)
        {
            values.AsSpan(0, Math.Min(values.Length, _upstreamSize)).CopyTo(dst);
        }
    }
}
