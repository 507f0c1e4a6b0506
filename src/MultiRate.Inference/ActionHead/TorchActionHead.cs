using System.Runtime.InteropServices;
using MultiRate.Core.Modules;
using TorchSharp;

namespace MultiRate.Inference.ActionHead;

/// <summary>
/// The fast action head on TorchSharp: [observation, latent, age features] -> MLP (or sparse MoE)
/// -> tanh scaled to the action limits.
/// </summary>
/// <remarks>
/// Hot path (<see cref="Act"/>): no tensor is created per tick. Inputs are written into a
/// pre-allocated tensor through its native byte span, every layer is an in-place addmm_/relu_ on
/// pre-allocated buffers, and the output is read back through a span; measured 0 managed bytes per
/// tick. Because nothing is created, there is nothing for a per-tick dispose scope to collect, and
/// because every parameter has requires_grad = false, autograd records nothing (the effect of
/// no_grad/inference_mode without their guard object, which costs 24-190 bytes per tick).
/// MoE routing: the gate's logits are read on the CPU, the top-k experts are picked in C#, and only
/// those experts' layers run. One thread at a time (the fast loop's).
/// </remarks>
internal sealed class TorchActionHead : IActionHead
{
    private readonly HeadNet _net;
    private readonly ExpertKernel[] _experts;
    private readonly torch.Tensor? _gateWT;
    private readonly torch.Tensor? _gateB;
    private readonly torch.Tensor _x;
    private readonly torch.Tensor _h1;
    private readonly torch.Tensor? _h2;
    private readonly torch.Tensor _out;
    private readonly torch.Tensor? _gateOut;
    private readonly torch.Tensor _ones;
    private readonly torch.Tensor _zeros;
    private readonly float[] _mid;
    private readonly float[] _half;
    private readonly float[] _min;
    private readonly float[] _max;
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
        if (actionMax.Length != ActionSize)
        {
            throw new ArgumentException($"action min has {ActionSize} values but max has {actionMax.Length}", nameof(actionMax));
        }

        _min = new float[ActionSize];
        _max = new float[ActionSize];
        _mid = new float[ActionSize];
        _half = new float[ActionSize];
        for (int i = 0; i < ActionSize; i++)
        {
            if (!(actionMin[i] < actionMax[i]))
            {
                throw new ArgumentException($"action {i}: min {actionMin[i]} must be below max {actionMax[i]}", nameof(actionMin));
            }

            _min[i] = (float)actionMin[i];
            _max[i] = (float)actionMax[i];
            _mid[i] = (float)((actionMin[i] + actionMax[i]) / 2);
            _half[i] = (float)((actionMax[i] - actionMin[i]) / 2);
        }

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
            _gateWT = _net.Gate.weight!.t();
            _gateB = _net.Gate.bias!;
            _gateOut = torch.zeros(1, ExpertCount);
        }

        ExpertMlp first = _net.Experts[0];
        _x = torch.zeros(1, InputSize);
        _h1 = torch.zeros(1, first.Fc1.weight!.shape[0]);
        _h2 = first.Fc2 is null ? null : torch.zeros(1, first.Fc2.weight!.shape[0]);
        _out = torch.zeros(1, ActionSize);
        _ones = torch.ones(1, 1);
        _zeros = torch.zeros(1, ActionSize);
        _chosen = new int[_topK];
        _chosenWeight = new float[_topK];
        _warmObs = new float[observationSize];
        _warmLatent = new float[latentSize];
        _warmAction = new float[ActionSize];
    }

    public int ObservationSize { get; }

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

    public ModuleOutcome Act(ReadOnlySpan<float> observation, ReadOnlySpan<float> latent, float latentAgeSeconds, Span<float> action)
    {
        if (observation.Length != ObservationSize || latent.Length != LatentSize || action.Length < ActionSize)
        {
            return ModuleOutcome.Faulted;
        }

        try
        {
            Span<float> x = MemoryMarshal.Cast<byte, float>(_x.bytes);
            observation.CopyTo(x);
            latent.CopyTo(x[ObservationSize..]);
            if (_ageFeatures)
            {
                x[ObservationSize + LatentSize] = latentAgeSeconds;
                x[ObservationSize + LatentSize + 1] = MathF.Exp(-latentAgeSeconds / _ageTau);
            }

            // copy_ from a zero tensor: zero_() allocates a managed wrapper (184 B) per call.
            _out.copy_(_zeros);
            if (_gateOut is null)
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

    public void Dispose()
    {
        foreach (ExpertKernel kernel in _experts)
        {
            kernel.Dispose();
        }

        _gateWT?.Dispose();
        _gateOut?.Dispose();
        _x.Dispose();
        _h1.Dispose();
        _h2?.Dispose();
        _out.Dispose();
        _ones.Dispose();
        _zeros.Dispose();
        _net.Dispose();
    }

    private void RunExpert(int index, float weight)
    {
        ExpertInvocations++;
        _experts[index].AccumulateInto(_x, _h1, _h2, _out, _ones, weight);
    }

    private void Route()
    {
        _gateOut!.copy_(_gateB!);
        _gateOut.addmm_(_x, _gateWT!, 1f, 1f);
        TopKRouter.Select(MemoryMarshal.Cast<byte, float>(_gateOut.bytes), _chosen, _chosenWeight);
    }

    private ModuleOutcome WriteAction(Span<float> action)
    {
        ReadOnlySpan<float> pre = MemoryMarshal.Cast<byte, float>(_out.bytes);
        ModuleOutcome outcome = ModuleOutcome.Ok;
        for (int i = 0; i < ActionSize; i++)
        {
            float v = pre[i];
            if (float.IsNaN(v))
            {
                outcome = ModuleOutcome.NonFinite;
            }

            // tanh bounds even +-inf; the clamp absorbs rounding of mid + half * 1.
            action[i] = Math.Clamp(_mid[i] + (_half[i] * MathF.Tanh(v)), _min[i], _max[i]);
        }

        return outcome;
    }
}
