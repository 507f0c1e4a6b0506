using MultiRate.Configuration.Models;
using MultiRate.Core.Errors;
using MultiRate.Core.Models;
using Xunit;
using static MultiRate.Configuration.Tests.Models.ConfigYaml;

namespace MultiRate.Configuration.Tests.Models;

public sealed class ModelConfigLoaderTests
{
    [Fact]
    public void Parse_ValidConfig_MapsEveryFieldAndResolvesPathsAgainstConfigDirectory()
    {
        string dir = Path.Combine(Path.GetTempPath(), "mr-configs");
        ModelConfig c = ModelConfigLoader.Parse(Valid, Path.Combine(dir, "a.yaml"));

        Assert.Equal("test", c.Name);
        Assert.Equal(3, c.Seed);
        Assert.Equal(ComputeDevice.Auto, c.Device);
        Assert.Equal(Path.Combine(dir, "w", "model.safetensors"), c.Weights);
        Assert.Equal(Path.Combine(dir, "logs", "run.mcap"), c.Source);
        Assert.Equal(["/imu.gyro.x", "/imu.gyro.y"], c.Inputs.Head);
        Assert.Equal(["/imu.gyro.x", "/odom.pose.z"], c.Inputs.Context);
        Assert.Equal(["/goal.x"], c.Inputs.Goal);
        Assert.Equal(["/cmd.u[0]"], c.Targets);
        Assert.Equal([64, 32], c.Head.Hidden);
        Assert.Equal((4, 2, false), (c.Head.Experts, c.Head.TopK, c.Head.AgeFeatures));
        Assert.Equal(
            new ContextConfig { DModel = 32, Heads = 2, FeedForward = 64, Recursion = 3, History = 5, LatentDim = 8 },
            c.Context);
    }

    [Fact]
    public void Parse_MinimalConfig_UsesDefaultsAndSynthetic()
    {
        const string yaml = "name: m\ninputs: { head: ['/a.b'], context: ['/a.b'] }\nweights: null\n";

        ModelConfig c = ModelConfigLoader.Parse(yaml, "x/m.yaml");

        Assert.Equal(1, c.Seed);
        Assert.Equal(ComputeDevice.Cpu, c.Device);
        Assert.Null(c.Weights);
        Assert.Equal("synthetic", c.Source);
        Assert.Empty(c.Targets);
        Assert.Empty(c.Inputs.Goal);
        Assert.Equal(new HeadConfig().Hidden, c.Head.Hidden);
        Assert.Equal(new ContextConfig(), c.Context);
    }

    [Fact]
    public void Parse_AbsolutePathsAndSynthetic_KeptAsWritten()
    {
        string abs = Path.Combine(Path.GetTempPath(), "w.dat");
        string yaml = With("weights: w/model.safetensors", "weights: " + abs).Replace("source: logs/run.mcap", "source: synthetic", StringComparison.Ordinal);

        ModelConfig c = ModelConfigLoader.Parse(yaml, "configs/x.yaml");

        Assert.Equal(abs, c.Weights);
        Assert.Equal("synthetic", c.Source);
    }

    [Fact]
    public void Parse_NoPath_KeepsRelativePaths()
    {
        ModelConfig c = ModelConfigLoader.Parse(Valid, null);

        Assert.Equal("w/model.safetensors", c.Weights);
        Assert.Null(c.SourcePath);
    }

    [Fact]
    public void Load_MissingFile_ThrowsUserInputExceptionNamingPath()
    {
        string path = Path.Combine(Path.GetTempPath(), "multirate-no-such-config-" + Guid.NewGuid() + ".yaml");

        var ex = Assert.Throws<UserInputException>(() => ModelConfigLoader.Load(path));

        Assert.Contains($"model config '{path}' not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownKeyTypo_Suggests()
    {
        ValidationError e = Single(With("latent_dim: 8", "latent_dims: 8"));

        Assert.Equal(("context.latent_dims", 12), (e.KeyPath, e.Line));
        Assert.StartsWith("unknown key 'latent_dims'; did you mean 'latent_dim'? valid keys: d_model, heads,", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingInputs_Reported()
    {
        const string yaml = "name: m\n";

        ValidationError e = Single(yaml);

        Assert.Equal(("inputs", 1), (e.KeyPath, e.Line));
        Assert.StartsWith("missing required key 'inputs'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingContextInputsAndEmptyHead_BothReported()
    {
        const string yaml = "name: m\ninputs:\n  head: []\n";

        var errors = Errors(yaml);

        Assert.Equal(
            [("inputs.context", 3, "missing required key 'context' (field paths in the context history window, a non-empty list like ['/topic.field'])"),
             ("inputs.head", 3, "inputs.head must list at least one field path, e.g. ['/sensor_combined/0.gyro_rad[0]']")],
            errors.Select(e => (e.KeyPath, e.Line, e.Message)).Order());
    }

    [Theory]
    [InlineData("seed: 3", "seed: three", "seed", "expected an integer from -2147483648 to 2147483647 (seed for weight initialisation")]
    [InlineData("device: auto", "device: gpu", "device", "invalid value 'gpu'; did you mean 'cpu'? valid values: cpu | cuda | auto")]
    [InlineData("device: auto", "device: quantum", "device", "invalid value 'quantum'; valid values: cpu | cuda | auto")]
    [InlineData("device: auto", "device: cdua", "device", "did you mean 'cuda'?")]
    [InlineData("age_features: false", "age_features: nope", "head.age_features", "expected true or false")]
    [InlineData("hidden: [64, 32]", "hidden: 64", "head.hidden", "expected a list (hidden layer widths")]
    [InlineData("targets: [\"/cmd.u[0]\"]", "targets: { a: 1 }", "targets", "expected a list (training target field paths")]
    [InlineData("head: [\"/imu.gyro.x\", \"/imu.gyro.y\"]", "head: [[1]]", "inputs.head[0]", "expected a string")]
    [InlineData("weights: w/model.safetensors", "weights: ''", "weights", "weights must be a file path, or null for the seeded init")]
    public void Parse_WrongTypeOrValue_Reported(string find, string replace, string path, string message)
    {
        ValidationError e = Errors(With(find, replace)).First(x => x.KeyPath == path);

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.True(e.Line > 0, e.ToString());
    }

    [Theory]
    [InlineData("hidden: [64, 32]", "hidden: []", "head.hidden", "hidden must have 1 or 2 layer widths, got 0")]
    [InlineData("hidden: [64, 32]", "hidden: [8, 8, 8]", "head.hidden", "hidden must have 1 or 2 layer widths, got 3")]
    [InlineData("hidden: [64, 32]", "hidden: [64, 0]", "head.hidden[1]", "hidden[1] must be in 1..65536 (a hidden layer width), got 0")]
    [InlineData("hidden: [64, 32]", "hidden: [65537]", "head.hidden[0]", "hidden[0] must be in 1..65536 (a hidden layer width), got 65537")]
    [InlineData("experts: 4", "experts: 257", "head.experts", "experts must be in 0..256 (the number of experts; 0 or 1 = dense), got 257")]
    [InlineData("top_k: 2", "top_k: 5", "head.top_k", "top_k must be in 1..4 (experts run per tick, with experts = 4), got 5")]
    [InlineData("top_k: 2", "top_k: 0", "head.top_k", "top_k must be in 1..4 (experts run per tick, with experts = 4), got 0")]
    [InlineData("heads: 2", "heads: 3", "context.heads", "heads 3 must divide d_model 32 (each head gets d_model / heads channels)")]
    [InlineData("heads: 2", "heads: 0", "context.heads", "heads must be in 1..65536 (attention heads), got 0")]
    [InlineData("d_model: 32", "d_model: 0", "context.d_model", "d_model must be in 1..65536 (the token width), got 0")]
    [InlineData("feed_forward: 64", "feed_forward: 0", "context.feed_forward", "feed_forward must be in 1..262144 (the feed-forward width), got 0")]
    [InlineData("recursion: 3", "recursion: 65", "context.recursion", "recursion must be in 1..64 (the most recursion steps per update), got 65")]
    [InlineData("history: 5", "history: 0", "context.history", "history must be in 1..65536 (observation rows in the history window), got 0")]
    [InlineData("latent_dim: 8", "latent_dim: 0", "context.latent_dim", "latent_dim must be in 1..65536 (the published latent length), got 0")]
    [InlineData("name: test", "name: ' '", "name", "name must not be empty")]
    public void Parse_OutOfRange_ReportsRangeAtKey(string find, string replace, string path, string message)
    {
        ValidationError e = Single(With(find, replace));

        Assert.Equal(path, e.KeyPath);
        Assert.Equal(message, e.Message);
        Assert.True(e.Line > 0);
    }

    [Fact]
    public void Parse_TopKWithDenseHead_AllowsOnlyOne()
    {
        ValidationError e = Single(With("experts: 4, top_k: 2", "experts: 0, top_k: 2"));

        Assert.Equal("top_k must be in 1..1 (experts run per tick, with experts = 0), got 2", e.Message);
    }

    [Theory]
    [InlineData("imu")]
    [InlineData("/imu")]
    [InlineData("/imu[")]
    [InlineData("/imu.")]
    [InlineData("/.x")]
    [InlineData(" /imu.x")]
    public void Parse_MalformedFieldPath_ShowsExpectedSyntax(string field)
    {
        string yaml = With("goal: [\"/goal.x\"]", $"goal: [\"{field}\"]");

        ValidationError e = Single(yaml);

        Assert.Equal(("inputs.goal[0]", 9), (e.KeyPath, e.Line));
        Assert.Equal(
            $"field path '{field}' must look like '/topic.field' or '/topic[index]' (leading '/' optional), " +
            "e.g. '/sensor_combined/0.gyro_rad[0]' or '/sensor_data.Gyroscope X (deg/s)'",
            e.Message);
    }

    [Theory]
    [InlineData("imu.gyro.x")]
    [InlineData("/joint_states.position[3]")]
    [InlineData("/imu[0]")]
    public void Parse_WellFormedFieldPath_Accepted(string field)
    {
        ModelConfig c = ModelConfigLoader.Parse(With("goal: [\"/goal.x\"]", $"goal: [\"{field}\"]"), null);

        Assert.Equal([field], c.Inputs.Goal);
    }

    [Fact]
    public void Parse_DuplicateFieldPath_PointsAtFirst()
    {
        ValidationError e = Single(With("[\"/imu.gyro.x\", \"/imu.gyro.y\"]", "[\"/imu.gyro.x\", \"/imu.gyro.x\"]"));

        Assert.Equal("inputs.head[1]", e.KeyPath);
        Assert.Equal("field path '/imu.gyro.x' is listed twice (also at inputs.head[0])", e.Message);
    }

    [Fact]
    public void Parse_SyntaxError_OneErrorWithLine()
    {
        ValidationError e = Single(With("seed: 3", "seed: [3"));

        Assert.StartsWith("YAML syntax error:", e.Message, StringComparison.Ordinal);
        Assert.True(e.Line >= 2);
    }

    [Fact]
    public void Parse_SeveralMistakes_AllReportedInFileOrder()
    {
        string yaml = With("seed: 3", "sead: 3").Replace("recursion: 3", "recursion: 0", StringComparison.Ordinal)
            .Replace("device: auto", "device: tpu", StringComparison.Ordinal);

        var errors = Errors(yaml);

        Assert.Equal(["sead", "device", "context.recursion"], errors.Select(e => e.KeyPath));
        Assert.Equal([2, 3, 12], errors.Select(e => e.Line));
    }
}
