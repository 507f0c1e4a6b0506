using System.Text;
using MultiRate.Inference.Weights;
using Xunit;

namespace MultiRate.Inference.Tests.Weights;

/// <summary>Weights are stored once under canonical names, old files still load, and damaged or non-finite weights are refused.</summary>
public sealed class WeightsSafetyTests
{
    [Fact]
    public void StateDict_MixtureHead_HoldsEachTensorOnceUnderItsCanonicalName()
    {
        using var head = TestModels.Head(TestModels.Config(seed: 1, experts: 2));

        string[] names = [.. head.Net.state_dict().Keys];

        Assert.Contains("experts.0.fc1.weight", names);
        Assert.Contains("experts.1.out.bias", names);
        Assert.DoesNotContain(names, n => n.Contains("BackingField", StringComparison.Ordinal));
    }

    [Fact]
    public void LoadSafetensors_OldFileWithBothNames_CanonicalCopyWins()
    {
        using var dir = new TempDir();
        using var head = TestModels.Head(TestModels.Config(seed: 4));
        var items = SafetensorsWriter.FromStateDict(head.Net.state_dict(), string.Empty).ToList();

        // As earlier builds wrote them: a backing-field copy of each expert tensor, here stale (zeros).
        items.AddRange(items.Where(i => i.Name.StartsWith("experts.", StringComparison.Ordinal)).Select(i => i with
        {
            Name = i.Name.Replace(".fc1.", ".<Fc1>k__BackingField.", StringComparison.Ordinal).Replace(".out.", ".<Out>k__BackingField.", StringComparison.Ordinal),
            Data = new byte[i.Data.Length],
        }).ToList());
        string file = dir.File("old.safetensors");
        SafetensorsWriter.Write(file, items);
        using var loaded = TestModels.Head(TestModels.Config(seed: 5));

        PolicyWeights.LoadSafetensors(loaded.Net, file, string.Empty);

        Assert.Equal(TestModels.Act(head), TestModels.Act(loaded));
    }

    [Fact]
    public void LoadSafetensors_OldFileWithOnlyBackingFieldNames_Loads()
    {
        using var dir = new TempDir();
        using var head = TestModels.Head(TestModels.Config(seed: 6, hidden: [16, 8]));
        var items = SafetensorsWriter.FromStateDict(head.Net.state_dict(), string.Empty)
            .Select(i => i with { Name = i.Name.Replace(".fc2.", ".<Fc2>k__BackingField.", StringComparison.Ordinal) })
            .ToList();
        string file = dir.File("old.safetensors");
        SafetensorsWriter.Write(file, items);
        using var loaded = TestModels.Head(TestModels.Config(seed: 7, hidden: [16, 8]));

        PolicyWeights.LoadSafetensors(loaded.Net, file, string.Empty);

        Assert.Equal(TestModels.Act(head), TestModels.Act(loaded));
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void LoadSafetensors_NonFiniteWeight_RefusedNamingTheTensor(float bad)
    {
        using var dir = new TempDir();
        using var head = TestModels.Head(TestModels.Config(seed: 4));
        var items = SafetensorsWriter.FromStateDict(head.Net.state_dict(), string.Empty).ToList();
        int w = items.FindIndex(i => i.Name == "experts.0.out.bias");
        byte[] data = (byte[])items[w].Data.Clone();
        BitConverter.TryWriteBytes(data.AsSpan(4), bad);
        items[w] = items[w] with { Data = data };
        string file = dir.File("nan.safetensors");
        SafetensorsWriter.Write(file, items);

        var ex = Assert.Throws<WeightsException>(() => PolicyWeights.LoadSafetensors(head.Net, file, string.Empty));

        Assert.Contains("tensor 'experts.0.out.bias': element 1 is", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveDirectory_NonFiniteWeight_RefusedAtLoad()
    {
        using var dir = new TempDir();
        using var head = TestModels.Head(TestModels.Config(seed: 1));
        using var context = TestModels.Context(TestModels.Config(seed: 1));
        using (TorchSharp.torch.no_grad())
        {
            head.Net.state_dict()["experts.0.fc1.weight"].fill_(float.NaN);
        }

        PolicyWeights.SaveDirectory(head, context, dir.Path);

        var ex = Assert.Throws<WeightsException>(() => TestModels.Head(TestModels.Config(seed: 2, weights: dir.Path)));
        Assert.Contains("tensor 'experts.0.fc1.weight' holds NaN or infinite values", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[2147483648, 2147483648]", "more than 2^63 bytes")]
    [InlineData("[4294967296, 4294967296, 4294967296]", "more than 2^63 bytes")]
    [InlineData("[1073741824, 4]", "more than one tensor can be loaded")]
    public void LoadSafetensors_ShapeBeyond64Bits_RefusedNotZeroBytes(string shape, string expected)
    {
        using var dir = new TempDir();
        using var head = TestModels.Head(TestModels.Config());
        string file = dir.File("huge.safetensors");
        long bytes = expected.Contains("loaded", StringComparison.Ordinal) ? (1L << 30) * 16 : 4;
        byte[] json = Encoding.UTF8.GetBytes($"{{\"w\": {{\"dtype\": \"F32\", \"shape\": {shape}, \"data_offsets\": [0, {bytes}]}}}}");
        using (var f = File.Create(file))
        {
            f.Write(BitConverter.GetBytes((ulong)json.Length));
            f.Write(json);
            f.SetLength(f.Length + bytes); // sparse
        }

        var ex = Assert.Throws<WeightsException>(() => PolicyWeights.LoadSafetensors(head.Net, file, string.Empty));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("needs 0 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadSafetensors_InvalidUtf8InHeader_NamesTheByteOffset()
    {
        using var dir = new TempDir();
        using var head = TestModels.Head(TestModels.Config());
        string file = dir.File("utf8.safetensors");
        byte[] json = [.. "{\"a"u8, 0xFF, 0xFE, .. "\": {}}"u8];
        File.WriteAllBytes(file, [.. BitConverter.GetBytes((ulong)json.Length), .. json, 0, 0, 0, 0]);

        var ex = Assert.Throws<WeightsException>(() => PolicyWeights.LoadSafetensors(head.Net, file, string.Empty));

        Assert.Contains("byte 11: the JSON header is not valid UTF-8", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"a\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]}, \"b\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [4, 12]}}", "tensor 'b': data_offsets [4, 12] overlap tensor 'a' [0, 8]")]
    [InlineData("{\"a\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]}, \"a\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [8, 16]}}", "tensor 'a': named more than once in the header")]
    public void LoadSafetensors_OverlappingOrRepeatedTensors_RefusedNamingThem(string header, string expected)
    {
        using var dir = new TempDir();
        using var head = TestModels.Head(TestModels.Config());
        string file = dir.File("overlap.safetensors");
        byte[] json = Encoding.UTF8.GetBytes(header);
        File.WriteAllBytes(file, [.. BitConverter.GetBytes((ulong)json.Length), .. json, .. new byte[16]]);

        var ex = Assert.Throws<WeightsException>(() => PolicyWeights.LoadSafetensors(head.Net, file, string.Empty));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("missing", ex.Message, StringComparison.Ordinal);
    }
}
