using System.CommandLine;
using MultiRate.Bench.Training;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Commands;

namespace MultiRate.Cli.CommandLine;

/// <summary><c>bench training</c>: deployed R^2 of multi-rate-aware, naive and fast-only trainings over seeds.</summary>
internal static class TrainingBenchCommands
{
    public static Command Training(CliContext ctx)
    {
        var d = new TrainingBenchOptions { RepoRoot = "." };
        var command = new Command(
            "training",
            "What the hierarchy is worth: for each task (the simulated attitude plant under each rates/sim-attitude-*.yaml, the PX4 sample log, the real-log collection's PX4 flight where present) " +
            "and each mode (multirate, naive, fast_only), trains over several seeds, replays every training through the runtime and reports the deployed R^2 (mean and 95% interval), " +
            "each training's own estimate and its time. Example: multirate bench training --tasks 10hz --seeds 5 --json");
        Option<int?> seeds = CliOptions.Whole("--seeds", "N", $"Training seeds per task and mode (default {d.Seeds})", 1, 100);
        Option<int?> epochs = CliOptions.Whole("--epochs", "N", $"Most epochs per training (default {d.Epochs})", 1, 100_000);
        Option<double?> seconds = CliOptions.Number("--seconds", "S", FormattableString.Invariant($"Length of the simulated log, seconds (default {d.SimSeconds})"), 2, 3600);
        Option<string?> tasks = CliOptions.Text("--tasks", "LIST", "Only tasks whose name or profile contains one of these comma-separated words (e.g. sim-attitude-10hz,px4-sample); default all");
        Option<string?> output = CliOptions.Text("--out", "DIR", "Keep the simulated log and every training's weights in DIR (default: a temporary folder, removed)");
        Option<bool> json = SharedOptions.JsonObject();
        foreach (Option o in new Option[] { seeds, epochs, seconds, tasks, output, json })
        {
            command.Options.Add(o);
        }

        command.SetAction(p => BenchTrainingCommand.Execute(
            new TrainingBenchArgs { Seeds = p.GetValue(seeds), Epochs = p.GetValue(epochs), Seconds = p.GetValue(seconds), Tasks = p.GetValue(tasks), Out = p.GetValue(output), Json = p.GetValue(json) },
            ctx.Stdout,
            ctx.Console,
            ctx.StopToken()));
        return command;
    }
}
