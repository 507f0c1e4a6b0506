using MultiRate.Configuration.Models;
using MultiRate.Core.Errors;
using Xunit;

namespace MultiRate.Configuration.Tests.Models;

/// <summary>A small valid model config and helpers to break it.</summary>
internal static class ConfigYaml
{
    public const string File = "configs/test.yaml";

    // Line numbers:     1
    public const string Valid =
        """
        name: test
        seed: 3
        device: auto
        weights: w/model.safetensors
        source: logs/run.mcap
        inputs:
          head: ["/imu.gyro.x", "/imu.gyro.y"]
          context: ["/imu.gyro.x", "/odom.pose.z"]
          goal: ["/goal.x"]
        targets: ["/cmd.u[0]"]
        head: { hidden: [64, 32], experts: 4, top_k: 2, age_features: false }
        context: { d_model: 32, heads: 2, feed_forward: 64, recursion: 3, history: 5, latent_dim: 8 }
        """;

    public static string With(string find, string replace)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        return Valid.Replace(find, replace, StringComparison.Ordinal);
    }

    public static IReadOnlyList<ValidationError> Errors(string yaml)
    {
        var ex = Assert.Throws<ValidationException>(() => ModelConfigLoader.Parse(yaml, File));
        Assert.NotEmpty(ex.Errors);
        return ex.Errors;
    }

    public static ValidationError Single(string yaml) => Assert.Single(Errors(yaml));
}
