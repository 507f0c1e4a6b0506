using System.CommandLine;
using MultiRate.Core.Errors;
using MultiRate.Core.Files;
using MultiRate.Training.Simulation;

namespace MultiRate.Cli.CommandLine;

/// <summary><c>simulate</c>: writes simulated logs to train and benchmark on (<c>simulate attitude</c>).</summary>
internal static class SimulateCommands
{
    public static Command Simulate(CliContext ctx)
    {
        var command = new Command(
            "simulate",
            "Writes a SIMULATED log to train and benchmark on, with a known answer. " +
            "Example: multirate simulate attitude --seconds 60 --seed 1 --out out/sim-attitude.mcap");
        command.Subcommands.Add(Attitude(ctx));
        return command;
    }

    private static Command Attitude(CliContext ctx)
    {
        var d = new AttitudeSimulationOptions();
        var command = new Command(
            "attitude",
            "Simulates a 200 Hz attitude loop with a hidden, drifting disturbance and an expert controller that cancels it, and writes an MCAP log " +
            "(/plant/state, /plant/command, /plant/truth) for configs/sim-attitude.yaml and rates/sim-attitude-*.yaml. " +
            "Example: multirate simulate attitude --seconds 60 --seed 1 --out out/sim-attitude.mcap");
        Option<double?> seconds = CliOptions.Number(
            "--seconds", "S", FormattableString.Invariant($"Length of the log, seconds (default {d.Seconds})"), AttitudeSimulationOptions.MinSeconds, AttitudeSimulationOptions.MaxSeconds);
        Option<int?> seed = CliOptions.Whole("--seed", "N", $"Seed of the disturbance and the setpoints (default {d.Seed})", int.MinValue, int.MaxValue);
        Option<string?> output = CliOptions.Text("--out", "FILE", "The MCAP file to write (replaced if it exists)");
        command.Options.Add(seconds);
        command.Options.Add(seed);
        command.Options.Add(output);
        CliOptions.RequireOption(command, output, "missing --out FILE; usage: multirate simulate attitude --seconds S --seed N --out FILE.mcap");
        command.SetAction(p =>
        {
            var options = new AttitudeSimulationOptions { Seconds = p.GetValue(seconds) ?? d.Seconds, Seed = p.GetValue(seed) ?? d.Seed };
            string path = p.GetValue(output)!;
            int ticks = WriteChecked(options, path);
            ctx.Stdout.WriteLine(FormattableString.Invariant(
                $"wrote {path}: {ticks} ticks ({options.Seconds} s at {AttitudeSimulationOptions.RateHz} Hz, seed {options.Seed}); SIMULATED data"));
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Writes through <see cref="OutputFile"/>, as every other output: a directory, a FIFO nobody reads
    /// or a socket is refused up front, the log goes to <c>FILE.partial</c> and only a complete one is
    /// renamed over FILE, so a full disk or a stop never leaves a short log that looks whole.
    /// </summary>
    private static int WriteChecked(AttitudeSimulationOptions options, string path)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder) && !File.Exists(folder))
        {
            try
            {
                // As train's --out: the folder is created when missing.
                Directory.CreateDirectory(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UserInputException($"multirate simulate attitude: --out '{path}': cannot create the folder {folder}: {ex.Message}", ex);
            }
        }

        using OutputFile target = OutputFile.Reserve(path, [], "multirate simulate attitude: --out");
        int ticks = AttitudeSimulator.Write(options, target.WritePath);
        target.Commit();
        return ticks;
    }
}
