using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Inference.ActionHead;
using MultiRate.Inference.Gpu;
using TorchSharp;
using Xunit;

namespace MultiRate.Inference.Tests.Gpu;

/// <summary>
/// Heads from parameters drawn in managed code (no TorchSharp): the same parameters as a new
/// <see cref="HeadNet"/> whose init stream has the same seed, and the same actions as the TorchSharp
/// head on them, so the GPU check's fallback reference ends at the CPU head too.
/// </summary>
public sealed class SeededDeviceHeadTests
{
    public static TheoryData<int, int, int[]> Shapes => new()
    {
        { 0, 1, [32] },
        { 0, 1, [40, 24] },
        { 4, 2, [24, 16] },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Seeded_LoadedIntoAHeadNet_ReadsBackInTheSameLayout(int experts, int topK, int[] hidden)
    {
        _ = topK;
        HeadParameters seeded = HeadParameters.Seeded(7, 19, hidden, 5, experts);
        using HeadNet net = LoadedNet(seeded, 19, hidden, 5, experts);
        HeadParameters back = HeadParameters.FromNet(net);

        Assert.Equal(seeded.W1, back.W1);
        Assert.Equal(seeded.B1, back.B1);
        Assert.Equal(seeded.W2, back.W2);
        Assert.Equal(seeded.B2, back.B2);
        Assert.Equal(seeded.Wo, back.Wo);
        Assert.Equal(seeded.Bo, back.Bo);
        Assert.Equal(seeded.Gate, back.Gate);
        Assert.Equal(seeded.GateBias, back.GateBias);
        Assert.Equal(net.parameters().Sum(p => p.numel()), seeded.Count);
    }

    [Fact]
    public void Seeded_SameSeedSameParameters_OtherSeedOthers()
    {
        Assert.Equal(HeadParameters.Seeded(3, 9, [16], 4, 0).W1, HeadParameters.Seeded(3, 9, [16], 4, 0).W1);
        Assert.NotEqual(HeadParameters.Seeded(3, 9, [16], 4, 0).W1, HeadParameters.Seeded(4, 9, [16], 4, 0).W1);
        float bound = 1f / MathF.Sqrt(9);
        Assert.All(HeadParameters.Seeded(3, 9, [16], 4, 0).W1, w => Assert.InRange(w, -bound, bound)); // PyTorch's Linear default
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Create_OnTheCpuAccelerator_ActsAsTheTorchHeadOnTheSameParameters(int experts, int topK, int[] hidden)
    {
        const int Observation = 11;
        const int Latent = 6;
        const int Actions = 5;
        const ulong Seed = 99;
        HeadParameters parameters = HeadParameters.Seeded(Seed, Observation + Latent + 2, hidden, Actions, experts);
        HeadNet net = LoadedNet(parameters, Observation + Latent + 2, hidden, Actions, experts);
        double[] min = [.. Enumerable.Repeat(-1.0, Actions)];
        double[] max = [.. Enumerable.Repeat(1.0, Actions)];
        using var torchHead = new TorchActionHead(net, Observation, Latent, ageFeatures: true, topK, min, max);
        using IActionHead seeded = SeededDeviceHead.Create(ComputeDevice.IlgpuCpu, Seed, Observation, Latent, ageFeatures: true, hidden, Actions, experts, topK);
        var random = new Random(4);
        float[] obs = new float[Observation];
        float[] latent = new float[Latent];
        float[] a = new float[Actions];
        float[] b = new float[Actions];
        for (int i = 0; i < 40; i++)
        {
            Fill(random, obs, 3);
            Fill(random, latent, 2);
            float age = (float)random.NextDouble();
            Assert.Equal(ModuleOutcome.Ok, torchHead.Act(obs, latent, age, a));
            Assert.Equal(ModuleOutcome.Ok, seeded.Act(obs, latent, age, b));
            for (int k = 0; k < Actions; k++)
            {
                Assert.True(Math.Abs(a[k] - b[k]) <= 1e-5, $"action {k}: torch {a[k]:R}, seeded device head {b[k]:R}");
            }
        }
    }

    [Fact]
    public void Create_OnTheCpu_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SeededDeviceHead.Create(ComputeDevice.Cpu, 1, 4, 4, false, [8], 2, 0, 1));
    }

    /// <summary>A HeadNet holding <paramref name="p"/> (the device layouts transposed back to PyTorch's [out, in]).</summary>
    private static HeadNet LoadedNet(HeadParameters p, int inputs, int[] hidden, int actions, int experts)
    {
        HeadNet net = PolicyFactory.Seeded(1, () => new HeadNet(inputs, hidden, actions, experts));
        int last = hidden[^1];
        using var noGrad = torch.no_grad();
        for (int e = 0; e < net.Experts.Count; e++)
        {
            ExpertMlp x = net.Experts[e];
            Copy(x.Fc1.weight!, Chunk(p.W1, e, inputs * hidden[0]), inputs, hidden[0], transposed: true);
            Copy(x.Fc1.bias!, Chunk(p.B1, e, hidden[0]), 1, hidden[0], transposed: false);
            if (x.Fc2 is not null)
            {
                Copy(x.Fc2.weight!, Chunk(p.W2!, e, hidden[0] * hidden[1]), hidden[0], hidden[1], transposed: true);
                Copy(x.Fc2.bias!, Chunk(p.B2!, e, hidden[1]), 1, hidden[1], transposed: false);
            }

            Copy(x.Out.weight!, Chunk(p.Wo, e, actions * last), actions, last, transposed: false);
            Copy(x.Out.bias!, Chunk(p.Bo, e, actions), 1, actions, transposed: false);
        }

        if (net.Gate is not null)
        {
            Copy(net.Gate.weight!, p.Gate!, inputs, net.Experts.Count, transposed: true);
            Copy(net.Gate.bias!, p.GateBias!, 1, net.Experts.Count, transposed: false);
        }

        return net;
    }

    private static float[] Chunk(float[] all, int index, int length) => all[(index * length)..((index + 1) * length)];

    private static void Copy(torch.Tensor target, float[] values, int rows, int cols, bool transposed)
    {
        using torch.Tensor source = torch.tensor(values).reshape(rows, cols);
        using torch.Tensor shaped = transposed ? source.t() : source;
        using torch.Tensor fitted = shaped.reshape(target.shape);
        target.copy_(fitted);
    }

    private static void Fill(Random random, float[] values, float scale)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1) * scale;
        }
    }
}
