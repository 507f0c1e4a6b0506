using System.Runtime.CompilerServices;
using MultiRate.Core.Modules;
using MultiRate.Inference.Kernels;

namespace MultiRate.Inference.ActionHead;

/// <summary>
/// The fast action head: [observation, latent, age features] -> MLP (or sparse MoE) -> tanh
/// scaled to the action limits. The parameters live in a TorchSharp <see cref="HeadNet"/>; the
/// per-tick arithmetic runs on MultiRate's fixed-order kernels (<see cref="FixedDot"/>,
/// <see cref="FixedMath"/>).
/// </summary>
/// <remarks>
/// Same bits on every x86-64 CPU: libtorch's addmm (oneMKL's sgemm, chosen per CPU) and its
/// vectorised tanh/exp (chosen per instruction set) gave other action bits on an Intel Xeon than on
/// an AMD EPYC; the fixed kernels sum in one order and use no FMA (docs/determinism.md).
/// Hot path (<see cref="Act"/>): no tensor and no managed object per tick: inputs, hidden layers and
/// the output live in pre-allocated arrays, and the weights are read in place from the parameters'
/// storage (so weights loaded later with copy_ are seen). MoE routing: the gate's logits are
/// computed, the top-k experts are picked in C#, and only those experts run. One thread at a time
/// (the fast loop's).
/// </remarks>
internal sealed class TorchActionHead : IActionHead, IModulePlacement
{
    private readonly HeadNet _net;
    private readonly ExpertKernel[] _experts;
    private readonly ParameterView? _gateW;
    private readonly ParameterView? _gateB;
    private readonly float[] _x;
    private readonly float[] _h1;
    private readonly float[] _h2;
    private readonly float[] _out;
    private readonly float[] _gateOut;
    private readonly ActionScaling _scaling;
    private readonly int _topK;
    private readonly bool _ageFeatures;
    private readonly float _ageTau;
    private readonly int[] _chosen;
    private readonly float[] _chosenWeight;
    private readonly float[] _warmObs;
    private readonly float[] _warmLatent;
    private readonly float[] _warmAction;

    public TorchActionHead(HeadNet net, int observationSize, int latentSize, bool ageFeatures, int topK, double[] actionMin, double[] actionMax, float ageTauSeconds = 0.25f)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(actionMin);
        ArgumentNullException.ThrowIfNull(actionMax);
        _net = net;
        ObservationSize = observationSize;
        LatentSize = latentSize;
        ActionSize = actionMin.Length;
        _ageFeatures = ageFeatures;
        _ageTau = ageTauSeconds;
        InputSize = observationSize + latentSize + (ageFeatures ? 2 : 0);
        // The same host-side scaling as the GPU head: one check that only finite in-range actions leave a head.
        _scaling = new ActionScaling(actionMin, actionMax);

        foreach (var p in _net.parameters())
        {
            p.requires_grad_(false);
        }

        _net.eval();
        _experts = _net.Experts.Select(e => new ExpertKernel(e)).ToArray();
        ExpertCount = _experts.Length;
        _topK = Math.Clamp(topK, 1, ExpertCount);
        if (_net.Gate is not null)
        {
            _gateW = new ParameterView(_net.Gate.weight!, "gate.weight");
            _gateB = new ParameterView(_net.Gate.bias!, "gate.bias");
        }

        ExpertMlp first = _net.Experts[0];
        _x = new float[InputSize];
        _h1 = new float[first.Fc1.weight!.shape[0]];
        _h2 = first.Fc2 is null ? [] : new float[first.Fc2.weight!.shape[0]];
        _out = new float[ActionSize];
        _gateOut = new float[ExpertCount];
        _chosen = new int[_topK];
        _chosenWeight = new float[_topK];
        _warmObs = new float[observationSize];
        _warmLatent = new float[latentSize];
        _warmAction = new float[ActionSize];
    }

    public int ObservationSize { get; }

    /// <summary>The CPU head always runs on the CPU.</summary>
    public string Placement => "cpu";

    public int LatentSize { get; }

    public int ActionSize { get; }

    /// <summary>Width of the head's input vector.</summary>
    public int InputSize { get; }

    /// <summary>Experts in the head (1 for dense).</summary>
    public int ExpertCount { get; }

    /// <summary>Expert MLP invocations since construction (test hook: proves only the selected experts run).</summary>
    internal long ExpertInvocations { get; private set; }

    internal HeadNet Net => _net;

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
            Span<float> x = _x;
            observation.CopyTo(x);
            latent.CopyTo(x[ObservationSize..]);
            if (_ageFeatures)
            {
                x[ObservationSize + LatentSize] = latentAgeSeconds;
                x[ObservationSize + LatentSize + 1] = FixedMath.Exp(-latentAgeSeconds / _ageTau);
            }

            Array.Clear(_out);
            if (_gateW is null)
            {
                RunExpert(0, 1f);
            }
            else
            {
                Route();
                for (int k = 0; k < _topK; k++)
                {
                    RunExpert(_chosen[k], _chosenWeight[k]);
                }
            }

            return WriteAction(action);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LastFault = ex;
            return ModuleOutcome.Faulted;
        }
    }

    public void Dispose() => _net.Dispose();

    private void RunExpert(int index, float weight)
    {
        ExpertInvocations++;
        _experts[index].AccumulateInto(_x, _h1, _h2, _out, weight);
    }

    private void Route()
    {
        FixedDot.MatVec(_gateW!.Value.Values, _gateB!.Value.Values, _x, _gateOut);
        TopKRouter.Select(_gateOut, _chosen, _chosenWeight);
    }

    private ModuleOutcome WriteAction(Span<float> action) => _scaling.Write(_out, action);
}
