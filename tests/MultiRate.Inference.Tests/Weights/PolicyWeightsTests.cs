using System.Runtime.InteropServices;
using MultiRate.Core.Budgets;
using MultiRate.Core.Modules;
using MultiRate.Inference.Weights;
using Xunit;

namespace MultiRate.Inference.Tests.Weights;

public sealed class PolicyWeightsTests
{
    private static float[] Latent(MultiRate.Inference.ContextModule.TorchContextModule module) =>
        module.Update(new ContextRequest(0, 0, TestModels.Observation(module.HistoryLength * module.ObservationSize), module.HistoryLength, null, AnytimeBudget.FixedSteps(2))).Latent!;

    [Fact]
    public void SaveDirectory_ThenLoadIntoOtherSeed_GivesSameOutputs()
    {
        using var dir = new TempDir();
        using var head = TestModels.Head(TestModels.Config(seed: 1, experts: 2));
        using var context = TestModels.Context(TestModels.Config(seed: 1, experts: 2));
        PolicyWeights.SaveDirectory(head, context, dir.Path);

        using var loadedHead = TestModels.Head(TestModels.Config(seed: 99, experts: 2, weights: dir.Path));
        using var loadedContext = TestModels.Context(TestModels.Config(seed: 99, experts: 2, weights: dir.Path));
        Assert.Equal(TestModels.Act(head), TestModels.Act(loadedHead));
        AssertClose(Latent(context), Latent(loadedContext));
    }

    [Fact]
    public void ExportSafetensors_ThenImport_GivesSameOutputs()
    {
        using var dir = new TempDir();
        using var head = TestModels.Head(TestModels.Config(seed: 2, hidden: [16, 8]));
        using var context = TestModels.Context(TestModels.Config(seed: 2));
        string file = dir.File("policy.safetensors");
        PolicyWeights.ExportSafetensors(head, context, file);

        using var loadedHead = TestModels.Head(TestModels.Config(seed: 3, hidden: [16, 8], weights: file));
        using var loadedContext = TestModels.Context(TestModels.Config(seed: 3, weights: file));
        Assert.Equal(TestModels.Act(head), TestModels.Act(loadedHead));
        AssertClose(Latent(context), Latent(loadedContext));
    }

    [Fact]
    public void LoadSafetensors_F16Weights_ConvertsToFloat32()
    {
        using var dir = new TempDir();
        using var head = TestModels.Head(TestModels.Config(seed: 4));
        string file = dir.File("head.safetensors");
        SafetensorsWriter.Write(file, SafetensorsWriter.FromStateDict(head.Net.state_dict(), string.Empty).Select(ToF16));
        using var loaded = TestModels.Head(TestModels.Config(seed: 5));
        PolicyWeights.LoadSafetensors(loaded.Net, file, string.Empty);
        float[] expected = TestModels.Act(head);
        float[] actual = TestModels.Act(loaded);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 0.02f);
        }
    }

    [Fact]
    public void LoadSafetensors_EveryKindOfMismatch_ListsEachOneWithThePath()
    {
        using var dir = new TempDir();
        using var head = TestModels.Head(TestModels.Config(seed: 4));
        var items = SafetensorsWriter.FromStateDict(head.Net.state_dict(), string.Empty).ToList();
        items.RemoveAll(i => i.Name == "experts.0.out.bias");                                   // missing
        int w = items.FindIndex(i => i.Name == "experts.0.fc1.weight");
        items[w] = items[w] with { Shape = [items[w].Shape[1], items[w].Shape[0]] };              // wrong shape
        int b = items.FindIndex(i => i.Name == "experts.0.fc1.bias");
        items[b] = items[b] with { DType = "I32" };                                             // wrong dtype
        items.Add(new SafetensorsWriter.Item("experts.0.extra", "F32", [2], new byte[8]));       // unexpected
        string file = dir.File("bad.safetensors");
        SafetensorsWriter.Write(file, items);

        var ex = Assert.Throws<WeightsException>(() => PolicyWeights.LoadSafetensors(head.Net, file, string.Empty));
        Assert.Equal(4, ex.Problems.Count);
        Assert.Contains(file, ex.Message, StringComparison.Ordinal);
        Assert.Contains(ex.Problems, p => p.Contains("missing tensor 'experts.0.out.bias'", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("'experts.0.fc1.weight': shape [12, 32], expected [32, 12]", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("'experts.0.fc1.bias': dtype I32", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("unexpected tensor 'experts.0.extra'", StringComparison.Ordinal));
    }

    [Fact]
    public void LoadSafetensors_MalformedHeader_NamesTheByteOffset()
    {
        using var dir = new TempDir();
        using var head = TestModels.Head(TestModels.Config());
        string file = dir.File("broken.safetensors");
        byte[] json = "{\"a\": {"u8.ToArray();
        File.WriteAllBytes(file, [.. BitConverter.GetBytes((ulong)json.Length), .. json]);
        var ex = Assert.Throws<WeightsException>(() => PolicyWeights.LoadSafetensors(head.Net, file, string.Empty));
        Assert.Contains("byte ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(file, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadSafetensors_HeaderLengthPastTheEnd_ExplainsTheFileIsNotSafetensors()
    {
        using var dir = new TempDir();
        using var head = TestModels.Head(TestModels.Config());
        string file = dir.File("short.safetensors");
        File.WriteAllBytes(file, [.. BitConverter.GetBytes(1_000_000UL), 1, 2]);
        var ex = Assert.Throws<WeightsException>(() => PolicyWeights.LoadSafetensors(head.Net, file, string.Empty));
        Assert.Contains("byte 0: header length 1000000", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("model.pt")]
    [InlineData("model.pth")]
    [InlineData("pytorch_model.bin")]
    public void CreateHead_PickleWeights_IsRefusedWithSafetensorsAdvice(string name)
    {
        using var dir = new TempDir();
        string file = dir.File(name);
        File.WriteAllBytes(file, [0x80, 0x02, (byte)'}', (byte)'.']);
        var ex = Assert.Throws<WeightsException>(() => TestModels.Head(TestModels.Config(weights: file)));
        Assert.Contains("refusing to load a PyTorch pickle", ex.Message, StringComparison.Ordinal);
        Assert.Contains("safetensors", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateHead_ZipCheckpointWithOtherExtension_IsRefused()
    {
        using var dir = new TempDir();
        string file = dir.File("weights.safetensors");
        File.WriteAllBytes(file, [(byte)'P', (byte)'K', 3, 4, 0, 0, 0, 0, 0, 0]);
        var ex = Assert.Throws<WeightsException>(() => TestModels.Head(TestModels.Config(weights: file)));
        Assert.Contains("pickle", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateHead_DirectoryWithoutHeadFile_SaysWhatIsExpected()
    {
        using var dir = new TempDir();
        var ex = Assert.Throws<WeightsException>(() => TestModels.Head(TestModels.Config(weights: dir.Path)));
        Assert.Contains("head.safetensors or head.dat", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateHead_TorchSharpWeightsOfAnotherArchitecture_FailsWithThePath()
    {
        using var dir = new TempDir();
        using var head = TestModels.Head(TestModels.Config(hidden: [16]));
        using var context = TestModels.Context(TestModels.Config());
        PolicyWeights.SaveDirectory(head, context, dir.Path);
        var ex = Assert.Throws<WeightsException>(() => TestModels.Head(TestModels.Config(hidden: [24], weights: dir.Path)));
        Assert.Contains("head.dat", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The loaded context's weights are bit-identical (checked while writing this), but libtorch's
    /// attention kernels may take a different vector path for freshly allocated buffers, so the
    /// latent can differ in the last bit or two (seen: 6e-8). A wrong load differs by far more.
    /// </summary>
    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-5f);
        }
    }

    private static SafetensorsWriter.Item ToF16(SafetensorsWriter.Item item)
    {
        ReadOnlySpan<float> values = MemoryMarshal.Cast<byte, float>(item.Data);
        var halves = new Half[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            halves[i] = (Half)values[i];
        }

        return item with { DType = "F16", Data = MemoryMarshal.AsBytes(halves.AsSpan()).ToArray() };
    }
}
