using System.CommandLine;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Commands;
using static MultiRate.Cli.CommandLine.SharedOptions;

namespace MultiRate.Cli.CommandLine;

/// <summary><c>bench</c> and its measurements: scheduler, models, gpu, logs, profile, overhead, wakeup, replay, all.</summary>
internal static class BenchCommands
{
    public static Command Bench(CliContext ctx)
    {
        var command = new Command(
            "bench",
            "Measures this machine: wake-up precision, model latency, log read speed, per-clock module cost, runtime overhead, replay speed, remote context round trip. " +
            "Example: multirate bench wakeup --seconds 30 --json");
        command.Subcommands.Add(Scheduler(ctx));
        command.Subcommands.Add(Models(ctx));
        command.Subcommands.Add(GpuBenchCommands.Gpu(ctx));
        command.Subcommands.Add(Logs(ctx));
        command.Subcommands.Add(Profile(ctx));
        command.Subcommands.Add(Overhead(ctx));
        command.Subcommands.Add(Wakeup(ctx));
        command.Subcommands.Add(Replay(ctx));
        command.Subcommands.Add(TrainingBenchCommands.Training(ctx));
        command.Subcommands.Add(RemoteCommands.BenchRemote(ctx));
        command.Subcommands.Add(All(ctx));
        return command;
    }

    private static Command Scheduler(CliContext ctx)
    {
        var command = new Command(
            "scheduler",
            "Wake-up error of the runtime's real-time scheduler beside Rx Observable.Interval on an EventLoopScheduler, one after the other. " +
            "Example: multirate bench scheduler --seconds 10");
        Option<double?> hz = CliOptions.Number("--hz", "HZ", "Tick rate (default 1000)", 1, 10_000);
        Option<double?> seconds = CliOptions.Number("--seconds", "N", "Seconds for each of the two (default 5; 1 with --quick)", 0.1, 3600);
        Option<double?> margin = SharedOptions.SpinMargin();
        Option<bool> quick = CliOptions.Flag("--quick", "A short run: 1 s each unless --seconds says otherwise");
        Option<bool> json = SharedOptions.JsonObject();
        Add(command, hz, seconds, margin, quick, json);
        command.SetAction(p => BenchCommand.Scheduler(
            new SchedulerBenchArgs { Hz = p.GetValue(hz), Seconds = p.GetValue(seconds), SpinMarginUs = p.GetValue(margin), Quick = p.GetValue(quick), Json = p.GetValue(json) },
            ctx.Stdout,
            ctx.Console));
        return command;
    }

    private static Command Models(CliContext ctx)
    {
        var command = new Command(
            "models",
            "Head latency against width and experts, context time per recursion step against d_model, and dense single-rate against MultiRate at the same parameters. " +
            "Example: multirate bench models --quick");
        Option<bool> quick = CliOptions.Flag("--quick", "Fewer samples: 300 head calls and 8 context updates per point instead of 2000 and 30");
        Option<bool> json = CliOptions.Flag("--json", "Print one JSON object instead of tables");
        Option<string?> device = CliOptions.Choice("--device", "Where the head runs in the scales and width benches: cpu (default), cuda or auto; the CPU sweep always runs", 3, "cpu", "cuda", "auto", "ilgpu-cpu");
        Option<bool> large = CliOptions.Flag("--large", "Also measure the largest scale (context d_model 2048): minutes on a small machine");
        Add(command, quick, json, device, large);
        command.SetAction(p => ModelsBenchCommand.Execute(new ModelsBenchArgs { Quick = p.GetValue(quick), Json = p.GetValue(json), Device = p.GetValue(device), Large = p.GetValue(large) }, ctx.Stdout, ctx.Console));
        return command;
    }

    private static Command Logs(CliContext ctx)
    {
        var command = new Command(
            "logs",
            "Read throughput of MCAP (zstd, lz4, uncompressed) and ULog, from the shipped PX4 log converted to each. " +
            "Example: multirate bench logs --repeat 3");
        Option<int?> repeat = CliOptions.Whole("--repeat", "N", "Reads of each file, interleaved; the median is reported (default 5)", 1, 1000);
        Option<bool> json = CliOptions.Flag("--json", "Print one JSON object (machine, method, results[]) instead of a table");
        Add(command, repeat, json);
        command.SetAction(p => LogsBenchCommand.Execute(new LogsBenchArgs { Repeat = p.GetValue(repeat), Json = p.GetValue(json) }, ctx.Stdout, ctx.Console));
        return command;
    }

    private static Command Profile(CliContext ctx)
    {
        var command = new Command(
            "profile",
            "Runs the whole graph of a profile in real time, every clock at its rate, times each clock's response per tick and recommends budgets and rates ('multirate tune' applies them). " +
            "Example: multirate bench profile --rates rates/franka-1khz.yaml --json > franka-bench.json");
        Option<string?> rates = SharedOptions.Rates();
        Option<string?> config = SharedOptions.Config();
        TuningOptionSet tuning = new(command);
        Option<bool> json = CliOptions.Flag("--json", "Print one JSON object (what 'tune --from' reads) instead of a table");
        Option<bool> raw = CliOptions.Flag("--raw", "With --json: include every timed sample, so 'tune --from' can apply another --quantile");
        Add(command, rates, config, json, raw);
        command.SetAction(p => ProfileBenchCommand.Execute(
            new ProfileBenchArgs
            {
                Rates = p.GetValue(rates),
                Config = p.GetValue(config),
                Warmup = p.GetValue(tuning.Warmup),
                Samples = p.GetValue(tuning.Samples),
                Quantile = p.GetValue(tuning.Quantile),
                Margin = p.GetValue(tuning.Margin),
                Json = p.GetValue(json),
                Raw = p.GetValue(raw),
                FifoPriority = p.GetValue(tuning.FifoPriority),
            },
            ctx.Stdout));
        return command;
    }

    private static Command Overhead(CliContext ctx)
    {
        var command = new Command(
            "overhead",
            "The fast tick through the whole runtime beside a bare loop calling the same head, interleaved block by block (target: p50 ratio <= 1.05 or <= 5 us). " +
            "Example: multirate bench overhead --quick --breakdown");
        Option<string?> rates = SharedOptions.Rates();
        Option<string?> config = SharedOptions.Config();
        Option<int?> blocks = CliOptions.Whole("--blocks", "N", "Interleaved blocks per side (default 20; 6 with --quick)", 2, 10_000);
        Option<int?> ticks = CliOptions.Whole("--ticks-per-block", "N", "Ticks per block (default 10000; 2000 with --quick)", 100, 10_000_000);
        Option<bool> quick = CliOptions.Flag("--quick", "Fewer, shorter blocks");
        Option<bool> breakdown = CliOptions.Flag("--breakdown", "Also time each part of the fast tick (observe, latent read, head, output stage)");
        Option<bool> json = SharedOptions.JsonObject();
        Add(command, rates, config, blocks, ticks, quick, breakdown, json);
        command.SetAction(p => BenchOverheadCommand.Execute(
            new OverheadBenchArgs
            {
                Rates = p.GetValue(rates),
                Config = p.GetValue(config),
                Blocks = p.GetValue(blocks),
                TicksPerBlock = p.GetValue(ticks),
                Quick = p.GetValue(quick),
                Breakdown = p.GetValue(breakdown),
                Json = p.GetValue(json),
            },
            ctx.Stdout,
            ctx.Console));
        return command;
    }

    private static Command Wakeup(CliContext ctx)
    {
        var command = new Command(
            "wakeup",
            "The profile in real time with its real modules: wake-up error of every fast tick and deadline misses, then the same runtime on Rx Observable.Interval. " +
            "Example: multirate bench wakeup --seconds 30 --fifo-priority 80 --json");
        Option<string?> rates = SharedOptions.Rates();
        Option<string?> config = SharedOptions.Config();
        Option<double?> seconds = CliOptions.Number("--seconds", "N", "Seconds for each of the two (default 10; 3 with --quick)", 0.5, 86_400);
        Option<double?> margin = SharedOptions.SpinMargin();
        Option<int?> fifo = CliOptions.Whole("--fifo-priority", "1-99", "SCHED_FIFO priority of the action clock and the deadline watchdog, as in run (needs CAP_SYS_NICE)", 1, 99);
        Option<bool> quick = CliOptions.Flag("--quick", "A short run: 3 s each unless --seconds says otherwise");
        Option<bool> json = SharedOptions.JsonObject();
        Add(command, rates, config, seconds, margin, fifo, quick, json);
        command.SetAction(p => BenchWakeupCommand.Execute(
            new WakeupBenchArgs
            {
                Rates = p.GetValue(rates),
                Config = p.GetValue(config),
                Seconds = p.GetValue(seconds),
                SpinMarginUs = p.GetValue(margin),
                FifoPriority = p.GetValue(fifo),
                Quick = p.GetValue(quick),
                Json = p.GetValue(json),
            },
            ctx.Stdout,
            ctx.Console));
        return command;
    }

    private static Command Replay(CliContext ctx)
    {
        var command = new Command(
            "replay",
            "Replays a log in virtual time several times in one process: speed-up over real time and whether the runs' actions are bit-identical. " +
            "Example: multirate bench replay --runs 3");
        Option<string?> rates = SharedOptions.Rates("rates/px4-attitude-250hz.yaml");
        Option<string?> config = SharedOptions.Config("configs/px4-attitude.yaml");
        Option<string?> log = CliOptions.Text("--log", "L", "Log to replay; default tests/data/px4-ulog-pyulog/sample.ulg");
        Option<int?> runs = CliOptions.Whole("--runs", "N", "Replays to run and compare (default 2)", 2, 100);
        Option<bool> quick = CliOptions.Flag("--quick", "Accepted for symmetry with the other benches: the replay is already short");
        Option<bool> json = SharedOptions.JsonObject();
        Add(command, rates, config, log, runs, quick, json);
        command.SetAction(p => BenchReplayCommand.Execute(
            new ReplayBenchArgs { Rates = p.GetValue(rates), Config = p.GetValue(config), Log = p.GetValue(log), Runs = p.GetValue(runs), Quick = p.GetValue(quick), Json = p.GetValue(json) },
            ctx.Stdout,
            ctx.Console));
        return command;
    }

    private static Command All(CliContext ctx)
    {
        var command = new Command(
            "all",
            "Every performance figure (overhead, wake-up, replay) and quick scheduler and models benches, in one JSON document with the machine's description. " +
            "Example: multirate bench all --quick --out bench.json");
        Option<string?> output = CliOptions.Text("--out", "FILE", "Also write the document, indented, to FILE (its folder must exist)");
        Option<double?> seconds = CliOptions.Number("--seconds", "N", "Seconds of the wake-up run (default 10; 2 with --quick)", 0.5, 86_400);
        Option<bool> quick = CliOptions.Flag("--quick", "Shorter measurements throughout");
        Option<bool> json = CliOptions.Flag("--json", "Print the document on one line instead of indented");
        Add(command, output, seconds, quick, json);
        command.SetAction(p => BenchAllCommand.Execute(
            new BenchAllArgs { Out = p.GetValue(output), Seconds = p.GetValue(seconds), Quick = p.GetValue(quick), Json = p.GetValue(json) },
            ctx.Stdout,
            ctx.Console));
        return command;
    }
}
