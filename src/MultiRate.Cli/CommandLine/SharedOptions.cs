using System.CommandLine;

namespace MultiRate.Cli.CommandLine;

/// <summary>
/// Options several commands define alike (the profile and config to load, the spin margin, the
/// one-object <c>--json</c> flag), built in one place so their names and help text cannot drift apart.
/// </summary>
internal static class SharedOptions
{
    /// <summary><c>--rates R</c>: the rate profile, with the command's default named in the help.</summary>
    public static Option<string?> Rates(string defaultPath = "rates/default.yaml") =>
        CliOptions.Text("--rates", "R", $"Rate profile (YAML); default {defaultPath}");

    /// <summary><c>--config C</c>: the model config, with the command's default named in the help.</summary>
    public static Option<string?> Config(string defaultPath = "configs/default.yaml") =>
        CliOptions.Text("--config", "C", $"Model config (YAML); default {defaultPath}");

    /// <summary><c>--spin-margin-us M</c>: how long the real-time clock spins before each tick.</summary>
    public static Option<double?> SpinMargin() =>
        CliOptions.Number("--spin-margin-us", "M", "Spin-wait this many microseconds before each tick instead of sleeping (default 200)", 0, 100_000);

    /// <summary><c>--json</c> for a command whose report is one JSON object or a table.</summary>
    public static Option<bool> JsonObject() => CliOptions.Flag("--json", "Print one JSON object instead of a table");

    /// <summary>Adds <paramref name="options"/> to <paramref name="command"/> in order (the order help lists them in).</summary>
    public static void Add(Command command, params Option[] options)
    {
        foreach (Option o in options)
        {
            command.Options.Add(o);
        }
    }
}
