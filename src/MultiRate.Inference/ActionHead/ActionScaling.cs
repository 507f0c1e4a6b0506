using System.Runtime.CompilerServices;
using MultiRate.Core.Modules;
using MultiRate.Inference.Kernels;

namespace MultiRate.Inference.ActionHead;

/// <summary>
/// The head's last step on the host: tanh of the pre-activation scaled into the action limits,
/// with the CPU head's arithmetic (<see cref="FixedMath.Tanh"/>, then a clamp).
/// </summary>
/// <remarks>
/// Kept on the host on purpose: it is a handful of values, and doing it here means the one check
/// that only finite in-range actions leave the head is the same code whatever device computed the
/// pre-activations. No allocation per call.
/// </remarks>
internal sealed class ActionScaling
{
    private readonly float[] _min;
    private readonly float[] _max;
    private readonly float[] _mid;
    private readonly float[] _half;

    public ActionScaling(double[] actionMin, double[] actionMax)
    {
        ArgumentNullException.ThrowIfNull(actionMin);
        ArgumentNullException.ThrowIfNull(actionMax);
        int n = actionMin.Length;
        if (actionMax.Length != n)
        {
            throw new ArgumentException($"action min has {n} values but max has {actionMax.Length}", nameof(actionMax));
        }

        _min = new float[n];
        _max = new float[n];
        _mid = new float[n];
        _half = new float[n];
        for (int i = 0; i < n; i++)
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
    }

    public int Size => _min.Length;

    /// <summary>action[i] = clamp(mid + half * tanh(pre[i])); NonFinite when a pre-activation is NaN.</summary>
    // Fully optimised from the first call: a loop in tier-0 code is later replaced on the stack
    // (OSR), which allocates on the calling thread, the fast loop's.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ModuleOutcome Write(ReadOnlySpan<float> pre, Span<float> action)
    {
        ModuleOutcome outcome = ModuleOutcome.Ok;
        for (int i = 0; i < _min.Length; i++)
        {
            float v = pre[i];
            if (float.IsNaN(v))
            {
                outcome = ModuleOutcome.NonFinite;
            }

            // tanh bounds even +-inf; the clamp absorbs rounding of mid + half * 1.
            action[i] = Math.Clamp(_mid[i] + (_half[i] * FixedMath.Tanh(v)), _min[i], _max[i]);
        }

        return outcome;
    }
}
