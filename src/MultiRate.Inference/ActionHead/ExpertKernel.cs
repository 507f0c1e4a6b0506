using TorchSharp;

namespace MultiRate.Inference.ActionHead;

/// <summary>
/// Runs one <see cref="ExpertMlp"/> with in-place operations only, so a tick creates no tensor
/// (and no managed object): weights are pre-transposed views, hidden buffers are pre-allocated.
/// </summary>
/// <remarks>
/// The views share storage with the module's parameters, so weights loaded in place (copy_) are
/// seen without rebinding. Not thread-safe: the buffers belong to the head's one thread.
/// </remarks>
internal sealed class ExpertKernel : IDisposable
{
    private readonly torch.Tensor _w1T;
    private readonly torch.Tensor _b1;
    private readonly torch.Tensor? _w2T;
    private readonly torch.Tensor? _b2;
    private readonly torch.Tensor _woT;
    private readonly torch.Tensor _boRow;

    public ExpertKernel(ExpertMlp mlp)
    {
        _w1T = mlp.Fc1.weight!.t();
        _b1 = mlp.Fc1.bias!;
        if (mlp.Fc2 is not null)
        {
            _w2T = mlp.Fc2.weight!.t();
            _b2 = mlp.Fc2.bias!;
        }

        _woT = mlp.Out.weight!.t();
        _boRow = mlp.Out.bias!.unsqueeze(0);
    }

    /// <summary>out += weight * expert(x); <paramref name="ones"/> is a [1,1] tensor of 1.</summary>
    public void AccumulateInto(torch.Tensor x, torch.Tensor h1, torch.Tensor? h2, torch.Tensor output, torch.Tensor ones, float weight)
    {
        // addmm_(m1, m2, beta, alpha): self = beta*self + alpha*(m1 @ m2), all in place.
        h1.copy_(_b1);
        h1.addmm_(x, _w1T, 1f, 1f);
        h1.relu_();
        torch.Tensor last = h1;
        if (_w2T is not null && h2 is not null)
        {
            h2.copy_(_b2!);
            h2.addmm_(h1, _w2T, 1f, 1f);
            h2.relu_();
            last = h2;
        }

        output.addmm_(last, _woT, 1f, weight);

        // The bias as a rank-1 product (ones[1,1] @ bias[1,A]) avoids add_(Tensor, Scalar), which
        // allocates a managed Scalar every call.
        output.addmm_(ones, _boRow, 1f, weight);
    }

    public void Dispose()
    {
        // Only the views are ours; the parameters belong to the module.
        _w1T.Dispose();
        _w2T?.Dispose();
        _woT.Dispose();
        _boRow.Dispose();
    }
}
