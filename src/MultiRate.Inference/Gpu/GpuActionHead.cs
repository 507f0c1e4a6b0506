using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Runtime;
using MultiRate.Core.Modules;
using MultiRate.Inference.ActionHead;
using MultiRate.Inference.Kernels;

namespace MultiRate.Inference.Gpu;

/// <summary>
/// The fast action head on an ILGPU accelerator (a CUDA GPU, or ILGPU's CPU accelerator in tests):
/// the same math as <see cref="TorchActionHead"/> on the same <see cref="HeadNet"/> parameters,
/// with the weights resident on the device.
/// </summary>
/// <remarks>
/// Per tick: the input goes into a page-locked host buffer and is copied to the device; then one
/// launch per layer (gate + top-k route fused in one launch for a mixture of experts, matrix-vector
/// product + bias + ReLU fused per hidden layer, the output layer reduced per action), all on the
/// head's own stream; the pre-activations come back into a page-locked buffer, and the tanh
/// scaling into the action limits runs on the host (<see cref="ActionScaling"/>). The stream is the
/// highest-priority one on the accelerator it shares with a context module on the same target. Routing never
/// leaves the device: the layers read the chosen experts from the route buffer the gate wrote.
/// Launches per tick: hidden layers + 1, plus 1 for the gate. No managed object per tick from this
/// class; ILGPU's CUDA launcher passes the arguments on the stack, while its CPU accelerator
/// allocates one small task object per launch (a testing backend only). One thread at a time.
/// </remarks>
internal sealed class GpuActionHead : IActionHead, IModulePlacement
{
    private readonly IlgpuDevice _device;
    private readonly DeviceHeadWeights _w;
    private readonly ActionScaling _scaling;
    private readonly Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<int>, int, int, int> _layer;
    private readonly Action<AcceleratorStream, KernelConfig, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<float>, int, int, int> _gate;
    private readonly Action<AcceleratorStream, KernelConfig, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<float>, int, int, int> _output;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _x;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _h1;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _h2;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _pre;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _chosen;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _weight;
    private readonly PageLockedArray1D<float> _xHost;
    private readonly PageLockedArray1D<float> _preHost;
    private readonly KernelConfig _gateConfig;
    private readonly KernelConfig _outputConfig;
    private readonly bool _ageFeatures;
    private readonly float _ageTau;
    private readonly int _topK;
    private readonly float[] _warmObs;
    private readonly float[] _warmLatent;
    private readonly float[] _warmAction;

    public GpuActionHead(IlgpuDevice device, HeadNet net, int observationSize, int latentSize, bool ageFeatures, int topK, double[] actionMin, double[] actionMax, float ageTauSeconds = 0.25f)
        : this(device, HeadParameters.FromNet(net), net, observationSize, latentSize, ageFeatures, topK, actionMin, actionMax, ageTauSeconds)
    {
    }

    /// <summary>A head on parameters alone (no TorchSharp): it runs, but cannot be saved (<see cref="Net"/> is null).</summary>
    public GpuActionHead(IlgpuDevice device, HeadParameters parameters, HeadNet? net, int observationSize, int latentSize, bool ageFeatures, int topK, double[] actionMin, double[] actionMax, float ageTauSeconds = 0.25f)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(parameters);
        _device = device;
        Net = net;
        _scaling = new ActionScaling(actionMin, actionMax);
        ObservationSize = observationSize;
        LatentSize = latentSize;
        ActionSize = _scaling.Size;
        _ageFeatures = ageFeatures;
        _ageTau = ageTauSeconds;
        Accelerator acc = device.Accelerator;
        _w = new DeviceHeadWeights(acc, parameters);
        if (_w.Actions != ActionSize || _w.Inputs != observationSize + latentSize + (ageFeatures ? 2 : 0))
        {
            throw new ArgumentException($"the head's parameters are [{_w.Inputs} -> {_w.Actions}], the sizes given are [{observationSize + latentSize + (ageFeatures ? 2 : 0)} -> {ActionSize}]", nameof(parameters));
        }

        if (_w.Experts > HeadKernels.MaxExperts)
        {
            throw new ArgumentException($"the device head holds at most {HeadKernels.MaxExperts} experts, got {_w.Experts}", nameof(parameters));
        }

        _topK = _w.Gate is null ? 1 : Math.Clamp(topK, 1, _w.Experts);
        ExpertCount = _w.Experts;
        _layer = acc.LoadAutoGroupedKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<int>, int, int, int>(HeadKernels.Layer);
        _gate = acc.LoadKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<float>, int, int, int>(HeadKernels.GateRoute);
        _output = acc.LoadKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<float>, int, int, int>(HeadKernels.Output);
        int group = GroupSize(acc);
        _gateConfig = new KernelConfig(1, group);
        _outputConfig = new KernelConfig(ActionSize, group);
        _x = acc.Allocate1D<float>(_w.Inputs);
        _h1 = acc.Allocate1D<float>((long)_topK * _w.Hidden1);
        _h2 = acc.Allocate1D<float>(Math.Max(1L, (long)_topK * _w.Hidden2));
        _pre = acc.Allocate1D<float>(ActionSize);
        _chosen = acc.Allocate1D<int>(_topK);
        _weight = acc.Allocate1D<float>(_topK);
        if (_w.Gate is null)
        {
            // Dense: one slot, expert 0, weight 1, written once.
            _chosen.CopyFromCPU([0]);
            _weight.CopyFromCPU([1f]);
        }

        _xHost = acc.AllocatePageLocked1D<float>(_w.Inputs);
        _preHost = acc.AllocatePageLocked1D<float>(ActionSize);
        _warmObs = new float[observationSize];
        _warmLatent = new float[latentSize];
        _warmAction = new float[ActionSize];
    }

    public int ObservationSize { get; }

    /// <summary>Where the kernels run (as <see cref="DeviceName"/>).</summary>
    public string Placement => DeviceName;

    public int LatentSize { get; }

    public int ActionSize { get; }

    /// <summary>Experts in the head (1 for dense).</summary>
    public int ExpertCount { get; }

    /// <summary>The head's place on the shared accelerator: its own stream at the highest priority (tests compare it with the context's).</summary>
    internal IlgpuDevice Device => _device;

    /// <summary>Where the kernels run, e.g. "cuda:0 NVIDIA H100 80GB HBM3" or "ilgpu-cpu".</summary>
    public string DeviceName => _device.Name;

    /// <summary>Scalar parameters held on the device.</summary>
    public long ParameterCount => _w.Parameters;

    /// <summary>Kernel launches per tick.</summary>
    public int LaunchesPerTick => (_w.Gate is null ? 0 : 1) + (_w.Hidden2 > 0 ? 2 : 1) + 1;

    /// <summary>The parameters on the host (saving and exporting read them; the device holds a copy); null for a head built from parameters alone.</summary>
    internal HeadNet? Net { get; }

    /// <summary>The exception behind the last <see cref="ModuleOutcome.Faulted"/>, for diagnostics off the hot path.</summary>
    internal Exception? LastFault { get; private set; }

    public void WarmUp(int iterations)
    {
        for (int i = 0; i < iterations; i++)
        {
            _warmObs[i % _warmObs.Length] = (i % 7) * 0.1f;
            Act(_warmObs, _warmLatent, i * 0.001f, _warmAction);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ModuleOutcome Act(ReadOnlySpan<float> observation, ReadOnlySpan<float> latent, float latentAgeSeconds, Span<float> action)
    {
        if (observation.Length != ObservationSize || latent.Length != LatentSize || action.Length < ActionSize)
        {
            return ModuleOutcome.Faulted;
        }

        try
        {
            Span<float> x = _xHost.Span;
            observation.CopyTo(x);
            latent.CopyTo(x[ObservationSize..]);
            if (_ageFeatures)
            {
                x[ObservationSize + LatentSize] = latentAgeSeconds;
                x[ObservationSize + LatentSize + 1] = FixedMath.Exp(-latentAgeSeconds / _ageTau);
            }

            Enqueue();
            _device.Stream.Synchronize();
            return _scaling.Write(_preHost.Span, action);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LastFault = ex;
            return ModuleOutcome.Faulted;
        }
    }

    public void Dispose()
    {
        _xHost.Dispose();
        _preHost.Dispose();
        _x.Dispose();
        _h1.Dispose();
        _h2.Dispose();
        _pre.Dispose();
        _chosen.Dispose();
        _weight.Dispose();
        _w.Dispose();
        _device.Dispose();
        Net?.Dispose();
    }

    private void Enqueue()
    {
        _x.View.CopyFrom(_device.Stream, _xHost.ArrayView);
        Launch();
        _pre.View.CopyTo(_device.Stream, _preHost.ArrayView);
    }

    /// <summary>The tick's kernel launches alone (internal: tests tell ILGPU's own per-launch cost from the head's).</summary>
    internal void Launch()
    {
        AcceleratorStream s = _device.Stream;
        if (_w.Gate is { } gate)
        {
            _gate(s, _gateConfig, gate.View, _w.GateBias!.View, _x.View, _chosen.View, _weight.View, _w.Inputs, _w.Experts, _topK);
        }

        _layer(s, _topK * _w.Hidden1, _w.W1.View, _w.B1.View, _x.View, _h1.View, _chosen.View, _w.Inputs, _w.Hidden1, 0);
        MemoryBuffer1D<float, Stride1D.Dense> last = _h1;
        if (_w.W2 is { } w2)
        {
            _layer(s, _topK * _w.Hidden2, w2.View, _w.B2!.View, _h1.View, _h2.View, _chosen.View, _w.Hidden1, _w.Hidden2, _w.Hidden1);
            last = _h2;
        }

        _output(s, _outputConfig, _w.Wo.View, _w.Bo.View, last.View, _chosen.View, _weight.View, _pre.View, _w.LastWidth, ActionSize, _topK);
    }

    /// <summary>Waits for the head's stream (internal: tests).</summary>
    internal void Synchronize() => _device.Stream.Synchronize();

    /// <summary>The largest power of two up to <see cref="HeadKernels.MaxGroup"/> the accelerator allows (the reduction halves it).</summary>
    private static int GroupSize(Accelerator accelerator)
    {
        int limit = Math.Min(HeadKernels.MaxGroup, accelerator.MaxNumThreadsPerGroup);
        int size = 1;
        while (size * 2 <= limit)
        {
            size *= 2;
        }

        return size;
    }
}
