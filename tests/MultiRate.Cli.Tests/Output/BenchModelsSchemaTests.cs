using System.Text.Json.Nodes;

namespace MultiRate.Cli.Tests.Output;

/// <summary><c>bench models --json</c> conforms to <c>docs/schemas/bench-models.schema.json</c> and has the scale rows.</summary>
[Collection("cli")]
public sealed class BenchModelsSchemaTests
{
    [Fact]
    public void BenchModelsJson_Quick_ValidatesAndHasScalesAndInterference()
    {
        (int code, string stdout, string stderr) = CliRunner.Run("bench", "models", "--quick", "--json");
        Assert.True(code == 0, stderr);
        JsonObject json = JsonNode.Parse(stdout)!.AsObject();
        JsonObject schema = JsonNode.Parse(File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "docs", "schemas", "bench-models.schema.json")))!.AsObject();
        Assert.Empty(JsonSchemaValidator.Errors(schema, json));

        JsonArray scales = json["scales"]!.AsArray();
        Assert.Equal(["default", "helix-like"], scales.Select(s => (string)s!["name"]!));
        JsonNode helix = scales[1]!;
        double split = (double)(long)helix["context_params"]! / (long)helix["head_params"]!;
        Assert.InRange(split, 80, 100); // Helix's split: the context about 90x the head
        Assert.Equal("cpu", (string?)helix["device"]);
        Assert.Contains(json["head_by_width"]!.AsArray(), p => (int)p!["value"]! == 65536 && (string?)p["device"] == "cpu");
        Assert.Null(json["head_crossover_width"]); // no GPU measured
        Assert.Equal("cpu", (string?)json["interference"]!["context_device"]); // the head on the CPU: so is the context
    }

    [Fact]
    public void BenchModels_CudaWithoutGpu_ExitsTwoWithOneLine()
    {
        if (MultiRate.Inference.PolicyFactory.SelectHeadDevice(new MultiRate.Core.Models.ModelConfig
            {
                Name = "probe",
                Inputs = new MultiRate.Core.Models.ModelInputs { Head = [], Context = [] },
                Device = MultiRate.Core.Models.ComputeDevice.Auto,
            }).Device == MultiRate.Core.Models.ComputeDevice.Cuda)
        {
            return; // a machine with a GPU runs the bench instead; nothing to refuse
        }

        (int code, _, string stderr) = CliRunner.Run("bench", "models", "--quick", "--json", "--device", "cuda");
        Assert.Equal(2, code);
        Assert.Contains("no CUDA device was found", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}
