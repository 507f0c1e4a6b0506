using System.Runtime.CompilerServices;
using MultiRate.Inference.Kernels;

namespace MultiRate.Inference.ActionHead;

/// <summary>
/// Runs one <see cref="ExpertMlp"/> on <see cref="FixedDot"/>: the same bits on every x86-64 CPU,
/// no tensor and no managed object per call.
/// </summary>
/// <remarks>
/// The weights are read in place from the module's parameters (<see cref="ParameterView"/>), so
/// weights loaded later with copy_ are seen. Not thread-safe: the buffers belong to the head's one
/// thread.
/// </remarks>
internal sealed class ExpertKernel
{
    private readonly ParameterView _w1;
    private readonly ParameterView _b1;
    private readonly ParameterView? _w2;
    private readonly ParameterView? _b2;
    private readonly ParameterView _wo;
    private readonly ParameterView _bo;

    public ExpertKernel(ExpertMlp mlp)
    {
        _w1 = new ParameterView(mlp.Fc1.weight!, "fc1.weight");
        _b1 = new ParameterView(mlp.Fc1.bias!, "fc1.bias");
        if (mlp.Fc2 is not null)
        {
            _w2 = new ParameterView(mlp.Fc2.weight!, "fc2.weight");
            _b2 = new ParameterView(mlp.Fc2.bias!, "fc2.bias");
        }

        _wo = new ParameterView(mlp.Out.weight!, "out.weight");
        _bo = new ParameterView(mlp.Out.bias!, "out.bias");
    }

    /// <summary>output[a] += weight * expert(x)[a]; h1 (and h2) are the hidden buffers.</summary>
    // Fully optimised from the first call: a loop in tier-0 code is later replaced on the stack
    // (OSR), which allocates on the calling thread, the fast loop's.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AccumulateInto(ReadOnlySpan<float> x, Span<float> h1, Span<float> h2, Span<float> output, float weight)
    {
        FixedDot.MatVec(_w1.Values, _b1.Values, x, h1);
        Relu(h1);
        ReadOnlySpan<float> last = h1;
        if (_w2 is { } w2 && _b2 is { } b2)
        {
            FixedDot.MatVec(w2.Values, b2.Values, h1, h2);
            Relu(h2);
            last = h2;
        }

        ReadOnlySpan<float> wo = _wo.Values;
        ReadOnlySpan<float> bo = _bo.Values;
        for (int a = 0; a < output.Length; a++)
        {
            output[a] += weight * (bo[a] + FixedDot.Dot(last, wo.Slice(a * last.Length, last.Length)));
        }
    }

    // Fully optimised from the first call: a loop in tier-0 code is later replaced on the stack
    // (OSR), which allocates on the calling thread, the fast loop's.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Relu(Span<float> h)
    {
        for (int i = 0; i < h.Length; i++)
        {
            // NaN stays NaN (as torch's relu), so a poisoned input is reported as NonFinite.
            if (h[i] < 0f)
            {
                h[i] = 0f;
            }
        }
    }
}
