using MultiRate.Inference.ActionHead;
using MultiRate.Inference.Kernels;
using TorchSharp;

namespace MultiRate.Inference.Gpu;

/// <summary>
/// A head's parameters on the host, in the layouts <see cref="HeadKernels"/> read: hidden layers and
/// the gate transposed ([inputs, outputs]), the output layer as is ([actions, width]), the experts
/// stacked one after the other.
/// </summary>
/// <remarks>
/// Two sources: a <see cref="HeadNet"/> (TorchSharp; what every configured head uses), or
/// <see cref="Seeded"/>, drawn in managed code from PyTorch's Linear default distribution. The
/// second needs no libtorch, so the GPU check still runs on a machine where TorchSharp's native layer
/// does not load (it then compares the device with ILGPU's CPU accelerator, whose kernels the test
/// suite checks against the TorchSharp head).
/// </remarks>
internal sealed class HeadParameters
{
    private HeadParameters(int inputs, int hidden1, int hidden2, int actions, int experts)
    {
        Inputs = inputs;
        Hidden1 = hidden1;
        Hidden2 = hidden2;
        Actions = actions;
        Experts = experts;
    }

    public int Inputs { get; }

    public int Hidden1 { get; }

    /// <summary>Width of the second hidden layer, 0 when there is one.</summary>
    public int Hidden2 { get; }

    public int Actions { get; }

    public int Experts { get; }

    public float[] W1 { get; private init; } = [];

    public float[] B1 { get; private init; } = [];

    public float[]? W2 { get; private init; }

    public float[]? B2 { get; private init; }

    public float[] Wo { get; private init; } = [];

    public float[] Bo { get; private init; } = [];

    public float[]? Gate { get; private init; }

    public float[]? GateBias { get; private init; }

    /// <summary>Every parameter, counted.</summary>
    public long Count => (long)W1.Length + B1.Length + (W2?.Length ?? 0) + (B2?.Length ?? 0) + Wo.Length + Bo.Length + (Gate?.Length ?? 0) + (GateBias?.Length ?? 0);

    /// <summary>The parameters of <paramref name="net"/> (read through TorchSharp).</summary>
    public static HeadParameters FromNet(HeadNet net)
    {
        ArgumentNullException.ThrowIfNull(net);
        ExpertMlp first = net.Experts[0];
        int hidden2 = first.Fc2 is null ? 0 : (int)first.Fc2.weight!.shape[0];
        return new HeadParameters((int)first.Fc1.weight!.shape[1], (int)first.Fc1.weight!.shape[0], hidden2, (int)first.Out.weight!.shape[0], net.Experts.Count)
        {
            W1 = [.. net.Experts.SelectMany(e => Transposed(e.Fc1.weight!))],
            B1 = [.. net.Experts.SelectMany(e => Values(e.Fc1.bias!))],
            W2 = hidden2 > 0 ? [.. net.Experts.SelectMany(e => Transposed(e.Fc2!.weight!))] : null,
            B2 = hidden2 > 0 ? [.. net.Experts.SelectMany(e => Values(e.Fc2!.bias!))] : null,
            Wo = [.. net.Experts.SelectMany(e => Values(e.Out.weight!))],
            Bo = [.. net.Experts.SelectMany(e => Values(e.Out.bias!))],
            Gate = net.Gate is null ? null : Transposed(net.Gate.weight!),
            GateBias = net.Gate is null ? null : Values(net.Gate.bias!),
        };
    }

    /// <summary>
    /// Parameters drawn without TorchSharp: PyTorch's Linear default from a <see cref="FixedInit"/>
    /// stream seeded with <paramref name="seed"/>, in <see cref="HeadInit"/>'s module order (gate, then
    /// each expert's layers). The same seed and shape give the same bits on every machine.
    /// </summary>
    public static HeadParameters Seeded(ulong seed, int inputs, IReadOnlyList<int> hidden, int actions, int experts)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        if (hidden.Count is < 1 or > 2 || hidden.Any(h => h < 1) || inputs < 1 || actions < 1)
        {
            throw new ArgumentException($"a head has 1 or 2 hidden layers of width >= 1 and at least one input and action; got inputs {inputs}, hidden [{string.Join(", ", hidden)}], actions {actions}");
        }

        int count = Math.Max(1, experts);
        FixedInit init = FixedInit.FromSeed(seed);
        (float[] Weight, float[] Bias)? gate = count > 1 ? init.LinearValues(inputs, count) : null;
        var w1 = new List<float>();
        var b1 = new List<float>();
        var w2 = new List<float>();
        var b2 = new List<float>();
        var wo = new List<float>();
        var bo = new List<float>();
        int last = hidden[^1];
        for (int e = 0; e < count; e++)
        {
            (float[] w, float[] b) = init.LinearValues(inputs, hidden[0]);
            w1.AddRange(Transpose(w, hidden[0], inputs));
            b1.AddRange(b);
            if (hidden.Count > 1)
            {
                (w, b) = init.LinearValues(hidden[0], hidden[1]);
                w2.AddRange(Transpose(w, hidden[1], hidden[0]));
                b2.AddRange(b);
            }

            (w, b) = init.LinearValues(last, actions);
            wo.AddRange(w);
            bo.AddRange(b);
        }

        return new HeadParameters(inputs, hidden[0], hidden.Count > 1 ? hidden[1] : 0, actions, count)
        {
            W1 = [.. w1],
            B1 = [.. b1],
            W2 = hidden.Count > 1 ? [.. w2] : null,
            B2 = hidden.Count > 1 ? [.. b2] : null,
            Wo = [.. wo],
            Bo = [.. bo],
            Gate = gate is { } g ? Transpose(g.Weight, count, inputs) : null,
            GateBias = gate?.Bias,
        };
    }

    /// <summary>A row-major [rows, cols] matrix as [cols, rows].</summary>
    private static float[] Transpose(float[] m, int rows, int cols)
    {
        float[] t = new float[m.Length];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                t[(c * rows) + r] = m[(r * cols) + c];
            }
        }

        return t;
    }

    private static float[] Values(torch.Tensor t)
    {
        using torch.Tensor c = t.detach().cpu().contiguous();
        return c.data<float>().ToArray();
    }

    /// <summary>A [rows, cols] weight as [cols, rows]: thread j of a layer reads column j's k-th value at k * rows + j.</summary>
    private static float[] Transposed(torch.Tensor t)
    {
        using torch.Tensor c = t.detach().cpu().t().contiguous();
        return c.data<float>().ToArray();
    }
}
