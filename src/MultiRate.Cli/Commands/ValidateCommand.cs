using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using MultiRate.Configuration.Models;
using MultiRate.Configuration.Rates;
using MultiRate.Configuration.Resources;
using MultiRate.Core.Rates;

namespace MultiRate.Cli.Commands;

/// <summary><c>multirate validate &lt;profile.yaml|config.yaml&gt;</c>: exit 0 when valid, 2 with every error listed when not.</summary>
internal static class ValidateCommand
{
    public static int Execute(ValidateArgs a, TextWriter stdout)
    {
        string path = a.Path;
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new Core.Errors.UserInputException("validate: the path is empty; expected a rate profile or model config file (e.g. rates/default.yaml)");
        }

        if (LooksLikeModelConfig(path))
        {
            var config = ModelConfigLoader.Load(path);
            stdout.WriteLine($"{path}: valid model config '{config.Name}' (head {string.Join('x', config.Head.Hidden)}, experts {config.Head.Experts}, context d_model {config.Context.DModel} x K={config.Context.Recursion})");
            return 0;
        }

        RateProfile profile = RateProfileLoader.Load(path);
        stdout.WriteLine($"{path}: valid rate profile '{profile.Name}': base tick {profile.BaseTickHz} Hz, clocks {string.Join(", ", profile.Clocks.Select(c => $"{c.Name} {c.RateHz} Hz/{c.BudgetUs} us"))}");
        if (a.Config is string configPath)
        {
            var config = ModelConfigLoader.Load(configPath);
            ResourceCheck.ThrowIfInvalid(profile, config);
            stdout.WriteLine($"{configPath}: valid model config '{config.Name}'");
        }

        return 0;
    }

    private static bool LooksLikeModelConfig(string path)
    {
        string? dir = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)));
        return dir == "configs";
    }
}
