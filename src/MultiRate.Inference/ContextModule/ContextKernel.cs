using MultiRate.Core.Budgets;
using MultiRate.Inference.Kernels;
using TorchSharp;

namespace MultiRate.Inference.ContextModule;

/// <summary>
/// The context module's forward pass on MultiRate's fixed-order kernels (<see cref="FixedDot"/>,
/// <see cref="FixedMath"/>): the same bits on every x86-64 CPU, where libtorch's transformer block
/// (oneMKL GEMMs, vectorised softmax and layer norm, all chosen per CPU) is not.
/// </summary>
/// <remarks>
/// Computes what <see cref="ContextNet"/> computes in libtorch (tokens = in_proj(rows) + pos, an
/// upstream token, then K times z = block(z + tokens), latent = out_proj(norm(mean over tokens))),
/// with TorchSharp's TransformerEncoderLayer: post-norm, ReLU, multi-head attention with q scaled by
/// 1/sqrt(d_head), layer-norm eps 1e-5; equal to libtorch's within float rounding (tested). The
/// weights are read in place from the module's parameters. Buffers are pre-allocated; an update
/// allocates only the latent it returns. One thread at a time (the slow clock's worker).
/// </remarks>
internal sealed class ContextKernel
{
    private const double LayerNormEps = 1e-5;
    private readonly int _t;
    private readonly int _d;
    private readonly int _heads;
    private readonly int _ff;
    private readonly int _rows;
    private readonly int _obs;
    private readonly ParameterView _inW, _inB, _pos, _z0, _qkvW, _qkvB, _outW, _outB, _l1W, _l1B, _l2W, _l2B, _n1W, _n1B, _n2W, _n2B, _normW, _normB, _latW, _latB;
    private readonly ParameterView? _upW, _upB;
    private readonly float[] _x, _z, _u, _qkv, _att, _tmp, _y1, _hidden, _scores, _pooled;

    public ContextKernel(ContextNet net)
    {
        var block = net.Block.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        ParameterView Block(string name) => block.TryGetValue(name, out var p)
            ? new ParameterView(p, "block." + name)
            : throw new ArgumentException($"block.{name}: not among the transformer block's parameters ({string.Join(", ", block.Keys)})", nameof(net));

        _t = net.Tokens;
        _d = checked((int)net.Z0.shape[1]);
        _inW = new ParameterView(net.InProj.weight!, "in_proj.weight");
        _inB = new ParameterView(net.InProj.bias!, "in_proj.bias");
        _pos = new ParameterView(net.Pos, "pos");
        _z0 = new ParameterView(net.Z0, "z0");
        if (net.UpProj is not null)
        {
            _upW = new ParameterView(net.UpProj.weight!, "up_proj.weight");
            _upB = new ParameterView(net.UpProj.bias!, "up_proj.bias");
        }

        _qkvW = Block("self_attn.in_proj_weight");
        _qkvB = Block("self_attn.in_proj_bias");
        _outW = Block("self_attn.out_proj.weight");
        _outB = Block("self_attn.out_proj.bias");
        _l1W = Block("linear1.weight");
        _l1B = Block("linear1.bias");
        _l2W = Block("linear2.weight");
        _l2B = Block("linear2.bias");
        _n1W = Block("norm1.weight");
        _n1B = Block("norm1.bias");
        _n2W = Block("norm2.weight");
        _n2B = Block("norm2.bias");
        _normW = new ParameterView(net.Norm.weight!, "norm.weight");
        _normB = new ParameterView(net.Norm.bias!, "norm.bias");
        _latW = new ParameterView(net.OutProj.weight!, "out_proj.weight");
        _latB = new ParameterView(net.OutProj.bias!, "out_proj.bias");
        _ff = _l1B.Length;
        _heads = net.Heads;
        _rows = _t - (_upW is null ? 0 : 1);
        _obs = _inW.Length / _d;
        LatentSize = _latB.Length;
        _x = new float[_t * _d];
        _z = new float[_t * _d];
        _u = new float[_t * _d];
        _qkv = new float[_t * 3 * _d];
        _att = new float[_t * _d];
        _tmp = new float[_t * _d];
        _y1 = new float[_t * _d];
        _hidden = new float[_t * _ff];
        _scores = new float[_t];
        _pooled = new float[2 * _d];
    }

    public int LatentSize { get; }

    /// <summary>Runs the steps the budget allows (at least one) and returns the latent and the steps run.</summary>
    /// <param name="history">[history rows, observation] staged rows (oldest first, zero-padded).</param>
    /// <param name="upstream">[upstream size] staged upstream latent, or empty without an upstream token.</param>
    /// <param name="budget">The anytime budget; one step is recorded per block run.</param>
    /// <param name="blockRun">Called after each block run (the module's counter).</param>
    public float[] Run(ReadOnlySpan<float> history, ReadOnlySpan<float> upstream, AnytimeBudget budget, Action blockRun)
    {
        int rows = _rows;
        int obs = _obs;
        ReadOnlySpan<float> pos = _pos.Values;
        for (int r = 0; r < rows; r++)
        {
            Span<float> token = _x.AsSpan(r * _d, _d);
            FixedDot.MatVec(_inW.Values, _inB.Values, history.Slice(r * obs, obs), token);
            for (int i = 0; i < _d; i++)
            {
                token[i] += pos[(r * _d) + i];
            }
        }

        if (_upW is { } upW && _upB is { } upB)
        {
            FixedDot.MatVec(upW.Values, upB.Values, upstream, _x.AsSpan(rows * _d, _d));
        }

        _z0.Values.CopyTo(_z);
        while (budget.CanRunAnotherStep())
        {
            Step();
            blockRun();
            budget.StepDone();
        }

        // Mean over tokens in token order, then the final norm and projection.
        Span<float> mean = _pooled.AsSpan(0, _d);
        Span<float> normed = _pooled.AsSpan(_d, _d);
        mean.Clear();
        for (int t = 0; t < _t; t++)
        {
            for (int i = 0; i < _d; i++)
            {
                mean[i] += _z[(t * _d) + i];
            }
        }

        for (int i = 0; i < _d; i++)
        {
            mean[i] /= _t;
        }

        LayerNorm(mean, _normW.Values, _normB.Values, normed);
        float[] latent = new float[LatentSize];
        FixedDot.MatVec(_latW.Values, _latB.Values, normed, latent);
        return latent;
    }

    private void Step()
    {
        int d = _d;
        for (int i = 0; i < _u.Length; i++)
        {
            _u[i] = _z[i] + _x[i];
        }

        for (int t = 0; t < _t; t++)
        {
            FixedDot.MatVec(_qkvW.Values, _qkvB.Values, _u.AsSpan(t * d, d), _qkv.AsSpan(t * 3 * d, 3 * d));
        }

        Attention();
        ReadOnlySpan<float> n1W = _n1W.Values, n1B = _n1B.Values, n2W = _n2W.Values, n2B = _n2B.Values;
        for (int t = 0; t < _t; t++)
        {
            // y1 = norm1(u + out_proj(attention)).
            Span<float> sa = _tmp.AsSpan(t * d, d);
            FixedDot.MatVec(_outW.Values, _outB.Values, _att.AsSpan(t * d, d), sa);
            for (int i = 0; i < d; i++)
            {
                sa[i] += _u[(t * d) + i];
            }

            LayerNorm(sa, n1W, n1B, _y1.AsSpan(t * d, d));

            // z = norm2(y1 + linear2(relu(linear1(y1)))).
            Span<float> h = _hidden.AsSpan(t * _ff, _ff);
            FixedDot.MatVec(_l1W.Values, _l1B.Values, _y1.AsSpan(t * d, d), h);
            for (int i = 0; i < h.Length; i++)
            {
                if (h[i] < 0f)
                {
                    h[i] = 0f;
                }
            }

            Span<float> ff = _tmp.AsSpan(t * d, d);
            FixedDot.MatVec(_l2W.Values, _l2B.Values, h, ff);
            for (int i = 0; i < d; i++)
            {
                ff[i] += _y1[(t * d) + i];
            }

            LayerNorm(ff, n2W, n2B, _z.AsSpan(t * d, d));
        }
    }

    private void Attention()
    {
        int d = _d;
        int dh = d / _heads;
        float scale = (float)(1.0 / Math.Sqrt(dh));
        Array.Clear(_att);
        for (int h = 0; h < _heads; h++)
        {
            for (int t = 0; t < _t; t++)
            {
                ReadOnlySpan<float> q = _qkv.AsSpan((t * 3 * d) + (h * dh), dh);
                float max = float.NegativeInfinity;
                for (int s = 0; s < _t; s++)
                {
                    float score = 0f;
                    ReadOnlySpan<float> k = _qkv.AsSpan((s * 3 * d) + d + (h * dh), dh);
                    for (int i = 0; i < dh; i++)
                    {
                        score += (q[i] * scale) * k[i];
                    }

                    _scores[s] = score;
                    max = Math.Max(max, score);
                }

                float sum = 0f;
                for (int s = 0; s < _t; s++)
                {
                    _scores[s] = FixedMath.Exp(_scores[s] - max);
                    sum += _scores[s];
                }

                Span<float> a = _att.AsSpan((t * d) + (h * dh), dh);
                for (int s = 0; s < _t; s++)
                {
                    float p = _scores[s] / sum;
                    ReadOnlySpan<float> v = _qkv.AsSpan((s * 3 * d) + (2 * d) + (h * dh), dh);
                    for (int i = 0; i < dh; i++)
                    {
                        a[i] += p * v[i];
                    }
                }
            }
        }
    }

    private static void LayerNorm(ReadOnlySpan<float> x, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, Span<float> y)
    {
        // Statistics in double, in index order: one fixed sequence, and no cancellation trouble.
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += x[i];
        }

        double mean = sum / x.Length;
        double sq = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double c = x[i] - mean;
            sq += c * c;
        }

        double rstd = 1.0 / Math.Sqrt((sq / x.Length) + LayerNormEps);
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = ((float)((x[i] - mean) * rstd) * gamma[i]) + beta[i];
        }
    }
}
