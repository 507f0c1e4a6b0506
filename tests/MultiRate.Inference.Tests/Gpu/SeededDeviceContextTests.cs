using MultiRate.Core.Budgets;
using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Inference.ContextModule;
using MultiRate.Inference.Gpu;
using MultiRate.Inference.Gpu.Context;
using TorchSharp;
using Xunit;

namespace MultiRate.Inference.Tests.Gpu;

/// <summary>
/// Contexts from parameters drawn in managed code (no TorchSharp): the same layout as a
/// <see cref="ContextNet"/> holding them, and the same latents as the CPU context on them, so the GPU
/// check's context half also ends at the CPU path where TorchSharp's native layer does not load.
/// </summary>
public sealed class SeededDeviceContextTests
{
    private const int Observation = 7;

    public static TheoryData<int, int, int, int> Shapes => new()
    {
        { 16, 2, 5, 0 },
        { 24, 4, 3, 6 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Seeded_LoadedIntoAContextNet_ReadsBackInTheSameLayout(int dModel, int heads, int history, int upstream)
    {
        ContextParameters seeded = ContextParameters.Seeded(5, Observation, history, upstream, dModel, heads, 2 * dModel, 6);
        using ContextNet net = LoadedNet(seeded, history, upstream, dModel, heads);
        var back = new ContextParameters(net);

        foreach ((string name, Func<ContextParameters, float[]?> read) in Fields)
        {
            Assert.True(read(seeded).AsSpan().SequenceEqual(read(back)), name);
        }

        Assert.Equal(net.parameters().Sum(p => p.numel()), seeded.Count);
    }

    [Fact]
    public void Seeded_SameSeedSameParameters_OtherSeedOthers_PyTorchsDefaults()
    {
        ContextParameters a = ContextParameters.Seeded(3, Observation, 4, 0, 16, 2, 32, 6);
        Assert.Equal(a.QkvW, ContextParameters.Seeded(3, Observation, 4, 0, 16, 2, 32, 6).QkvW);
        Assert.NotEqual(a.QkvW, ContextParameters.Seeded(4, Observation, 4, 0, 16, 2, 32, 6).QkvW);
        float bound = 1f / MathF.Sqrt(Observation);
        Assert.All(a.InW, w => Assert.InRange(w, -bound, bound)); // Linear's default
        float xavier = MathF.Sqrt(6f / (4 * 16));
        Assert.All(a.QkvW, w => Assert.InRange(w, -xavier, xavier));
        Assert.All(a.QkvB.Concat(a.OutB).Concat(a.N1B).Concat(a.NormB), b => Assert.Equal(0f, b));
        Assert.All(a.N1W.Concat(a.N2W).Concat(a.NormW), w => Assert.Equal(1f, w));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Create_OnTheCpuAccelerator_UpdatesAsTheCpuContextOnTheSameParameters(int dModel, int heads, int history, int upstream)
    {
        const ulong Seed = 77;
        const int Steps = 3;
        ContextParameters parameters = ContextParameters.Seeded(Seed, Observation, history, upstream, dModel, heads, 2 * dModel, 6);
        using var cpu = new TorchContextModule(LoadedNet(parameters, history, upstream, dModel, heads), Observation, history, upstream, 6);
        using IContextModule seeded = SeededDeviceContext.Create(ComputeDevice.IlgpuCpu, Seed, Observation, history, upstream, dModel, heads, 2 * dModel, 6);
        var random = new Random(8);
        float[] rows = new float[history * Observation];
        float[]? up = upstream > 0 ? new float[upstream] : null;
        for (int i = 0; i < 6; i++)
        {
            Fill(random, rows, 3);
            if (up is not null)
            {
                Fill(random, up, 2);
            }

            float[] a = GpuContexts.Latent(cpu, rows, up, AnytimeBudget.FixedSteps(Steps));
            float[] b = GpuContexts.Latent(seeded, rows, up, AnytimeBudget.FixedSteps(Steps));
            for (int k = 0; k < a.Length; k++)
            {
                Assert.True(Math.Abs(a[k] - b[k]) <= 1e-5, $"latent {k}: cpu {a[k]:R}, seeded device context {b[k]:R}");
            }
        }

        Assert.Equal(seeded is GpuContextModule g ? g.ParameterCount : -1, ModuleParameters.Count(cpu));
    }

    [Fact]
    public void Create_OnTheCpu_IsRefused_AndASeededContextCannotBeSaved()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SeededDeviceContext.Create(ComputeDevice.Cpu, 1, 4, 4, 0, 16, 2, 32, 6));
        using IContextModule seeded = SeededDeviceContext.Create(ComputeDevice.IlgpuCpu, 1, 4, 4, 0, 16, 2, 32, 6);
        Assert.Null(((GpuContextModule)seeded).Net);
        Assert.Equal(ModuleOutcome.Ok, seeded.Update(GpuContexts.Request(seeded, new float[16], null, AnytimeBudget.FixedSteps(1))).Outcome);
    }

    private static readonly (string Name, Func<ContextParameters, float[]?> Read)[] Fields =
    [
        ("in_w", p => p.InW), ("in_b", p => p.InB), ("pos", p => p.Pos), ("z0", p => p.Z0), ("up_w", p => p.UpW), ("up_b", p => p.UpB),
        ("qkv_w", p => p.QkvW), ("qkv_b", p => p.QkvB), ("out_w", p => p.OutW), ("out_b", p => p.OutB),
        ("l1_w", p => p.L1W), ("l1_b", p => p.L1B), ("l2_w", p => p.L2W), ("l2_b", p => p.L2B),
        ("n1_w", p => p.N1W), ("n1_b", p => p.N1B), ("n2_w", p => p.N2W), ("n2_b", p => p.N2B),
        ("norm_w", p => p.NormW), ("norm_b", p => p.NormB), ("lat_w", p => p.LatW), ("lat_b", p => p.LatB),
    ];

    /// <summary>A ContextNet holding <paramref name="p"/> (the device layouts transposed back to PyTorch's [out, in]).</summary>
    private static ContextNet LoadedNet(ContextParameters p, int history, int upstream, int dModel, int heads)
    {
        ContextNet net = PolicyFactory.Seeded(1, () => new ContextNet(Observation, history, upstream, dModel, heads, 2 * dModel, p.Latent));
        var values = new Dictionary<string, (float[] Values, bool Transposed)>
        {
            ["in_proj.weight"] = (p.InW, true), ["in_proj.bias"] = (p.InB, false), ["pos"] = (p.Pos, false), ["z0"] = (p.Z0, false),
            ["block.self_attn.in_proj_weight"] = (p.QkvW, true), ["block.self_attn.in_proj_bias"] = (p.QkvB, false),
            ["block.self_attn.out_proj.weight"] = (p.OutW, true), ["block.self_attn.out_proj.bias"] = (p.OutB, false),
            ["block.linear1.weight"] = (p.L1W, true), ["block.linear1.bias"] = (p.L1B, false),
            ["block.linear2.weight"] = (p.L2W, true), ["block.linear2.bias"] = (p.L2B, false),
            ["block.norm1.weight"] = (p.N1W, false), ["block.norm1.bias"] = (p.N1B, false),
            ["block.norm2.weight"] = (p.N2W, false), ["block.norm2.bias"] = (p.N2B, false),
            ["norm.weight"] = (p.NormW, false), ["norm.bias"] = (p.NormB, false),
            ["out_proj.weight"] = (p.LatW, true), ["out_proj.bias"] = (p.LatB, false),
        };
        if (p.UpW is not null)
        {
            values["up_proj.weight"] = (p.UpW, true);
            values["up_proj.bias"] = (p.UpB!, false);
        }

        using var noGrad = torch.no_grad();
        foreach ((string name, TorchSharp.Modules.Parameter target) in net.named_parameters())
        {
            (float[] v, bool transposed) = values[name];
            using torch.Tensor source = transposed ? torch.tensor(v).reshape(target.shape[1], target.shape[0]).t() : torch.tensor(v).reshape(target.shape);
            target.copy_(source);
        }

        Assert.Equal(values.Count, net.named_parameters().Count());
        return net;
    }

    private static void Fill(Random random, float[] values, float scale)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1) * scale;
        }
    }
}
