using System.CommandLine;
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
            int ticks = AttitudeSimulator.Write(options, path);
            ctx.Stdout.WriteLine(FormattableString.Invariant(
                $"wrote {path}: {ticks} ticks ({options.Seconds} s at {AttitudeSimulationOptions.RateHz} Hz, seed {options.Seed}); SIMULATED data"));
            return 0;
        });
        return command;
    }
}
