using MultiRate.Core.Budgets;
using MultiRate.Core.Latent;
using MultiRate.Core.Modules;
using MultiRate.Inference.ActionHead;
using MultiRate.Inference.ContextModule;
using TorchSharp;
using Xunit;

namespace MultiRate.Inference.Tests.Kernels;

/// <summary>
/// The fixed-order kernels compute what libtorch's modules compute (the forward pass training
/// uses), within float rounding: only the summation order and exp/tanh's last bit may differ.
/// </summary>
public sealed class LibtorchAgreementTests
{
    private const float Tolerance = 2e-5f;

    [Theory]
    [InlineData(0, 1, new[] { 32 })]
    [InlineData(0, 1, new[] { 40, 24 })]
    [InlineData(4, 2, new[] { 32 })]
    public void Act_FixedKernel_MatchesLibtorchForward(int experts, int topK, int[] hidden)
    {
        using TorchActionHead head = TestModels.Head(TestModels.Config(seed: 5, experts: experts, topK: topK, hidden: hidden));
        float[] obs = TestModels.Observation(head.ObservationSize, 2f);
        float[] latent = TestModels.Observation(head.LatentSize, 0.7f);
        float[] action = new float[head.ActionSize];
        Assert.Equal(ModuleOutcome.Ok, head.Act(obs, latent, 0.1f, action));

        float[] reference = HeadReference(head.Net, obs, latent, 0.1f, topK);
        for (int i = 0; i < action.Length; i++)
        {
            Assert.InRange(action[i], reference[i] - Tolerance, reference[i] + Tolerance);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Update_FixedKernel_MatchesLibtorchBlock(int upstreamSize)
    {
        using var module = (TorchContextModule)PolicyFactory.CreateContext(TestModels.Config(seed: 9), upstreamSize);
        float[] history = TestModels.Observation(module.HistoryLength * module.ObservationSize, 1.5f);
        float[] upstream = TestModels.Observation(upstreamSize, 0.3f);
        LatentSnapshot? up = upstreamSize > 0 ? new LatentSnapshot(1, 1, 0, 0, 1, upstream) : null;
        ContextResult result = module.Update(new ContextRequest(1, 0, history, module.HistoryLength, up, AnytimeBudget.FixedSteps(4)));
        Assert.Equal(ModuleOutcome.Ok, result.Outcome);

        float[] reference = ContextReference(module.Net, module.HistoryLength, module.ObservationSize, history, upstream, 4);
        Assert.Equal(reference.Length, result.Latent!.Length);
        for (int i = 0; i < reference.Length; i++)
        {
            Assert.InRange(result.Latent[i], reference[i] - Tolerance, reference[i] + Tolerance);
        }
    }

    private static float[] HeadReference(HeadNet net, float[] obs, float[] latent, float age, int topK)
    {
        using var scope = torch.NewDisposeScope();
        float[] input = [.. obs, .. latent, age, MathF.Exp(-age / 0.25f)];
        torch.Tensor x = torch.tensor(input).unsqueeze(0);
        torch.Tensor pre = torch.zeros(1, TestModels.Min.Length);
        if (net.Gate is null)
        {
            pre = Expert(net.Experts[0], x);
        }
        else
        {
            float[] logits = net.Gate.forward(x).data<float>().ToArray();
            int[] order = Enumerable.Range(0, logits.Length).OrderByDescending(e => logits[e]).ThenBy(e => e).Take(topK).ToArray();
            double[] w = order.Select(e => Math.Exp(logits[e] - logits[order[0]])).ToArray();
            for (int k = 0; k < topK; k++)
            {
                pre = pre + (Expert(net.Experts[order[k]], x) * (float)(w[k] / w.Sum()));
            }
        }

        float[] p = pre.data<float>().ToArray();
        return p.Select((v, i) => (float)(((TestModels.Min[i] + TestModels.Max[i]) / 2) + ((TestModels.Max[i] - TestModels.Min[i]) / 2 * Math.Tanh(v)))).ToArray();
    }

    private static torch.Tensor Expert(ExpertMlp e, torch.Tensor x)
    {
        torch.Tensor h = torch.nn.functional.relu(e.Fc1.forward(x));
        if (e.Fc2 is not null)
        {
            h = torch.nn.functional.relu(e.Fc2.forward(h));
        }

        return e.Out.forward(h);
    }

    /// <summary>The libtorch forward pass (TrainablePolicy's, for one window).</summary>
    private static float[] ContextReference(ContextNet net, int rows, int obs, float[] history, float[] upstream, int steps)
    {
        using var inference = torch.inference_mode();
        using var scope = torch.NewDisposeScope();
        torch.Tensor tokens = net.InProj.forward(torch.tensor(history).reshape(rows, obs)) + net.Pos.narrow(0, 0, rows);
        if (net.UpProj is not null)
        {
            tokens = torch.cat(new[] { tokens, net.UpProj.forward(torch.tensor(upstream).unsqueeze(0)) }, 0);
        }

        torch.Tensor x = tokens.unsqueeze(1);
        torch.Tensor z = net.Z0.unsqueeze(1);
        for (int i = 0; i < steps; i++)
        {
            z = net.Block.call(z + x);
        }

        return net.OutProj.forward(net.Norm.forward(z.mean(new long[] { 0 }, false, null))).reshape(-1).data<float>().ToArray();
    }
}
