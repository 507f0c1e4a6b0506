using System.CommandLine;
using MultiRate.Cli.Commands;

namespace MultiRate.Cli.CommandLine;

/// <summary><c>bench gpu</c>: the device head checked against the CPU head, where no test runner is installed.</summary>
internal static class GpuBenchCommands
{
    public static Command Gpu(CliContext ctx)
    {
        var command = new Command(
            "gpu",
            "Checks the action head on the GPU against the CPU head on the same weights (every head variant, random inputs, tolerance 1e-5 of the action range; " +
            "where TorchSharp's native layer does not load, against the same kernels on ILGPU's CPU accelerator), " +
            "with its managed allocation and median time per tick, and its tick by hidden width; the context module the same way (tolerance 1e-4 per latent value); " +
            "then the head's p99 alone and with the context updating at 10 Hz on the same device; exit 1 when a variant fails. " +
            "Example: multirate bench gpu --device cuda --json");
        Option<string?> device = CliOptions.Choice("--device", "cuda (default) or ilgpu-cpu: the GPU kernels on ILGPU's CPU accelerator", 1, "cuda", "ilgpu-cpu");
        Option<int?> samples = CliOptions.Whole("--samples", "N", "Random inputs per variant (default 200)", 1, 100000);
        Option<int?> maxWidth = CliOptions.Whole("--max-width", "N", "Widest hidden layer timed; widths 256, 1024, ... up to N (default 65536)", 256, 1 << 20);
        Option<int?> interference = CliOptions.Whole("--interference-ticks", "N", "Head ticks timed alone and again with the context running (default 3000; 0 skips the interference)", 0, 1000000);
        Option<bool> json = CliOptions.Flag("--json", "Print one JSON object instead of a table");
        command.Options.Add(device);
        command.Options.Add(samples);
        command.Options.Add(maxWidth);
        command.Options.Add(interference);
        command.Options.Add(json);
        command.SetAction(p => GpuCheckCommand.Execute(p.GetValue(device) ?? "cuda", p.GetValue(samples) ?? 200, p.GetValue(maxWidth) ?? 65536, p.GetValue(interference) ?? 3000, p.GetValue(json), ctx.Stdout, ctx.Console));
        return command;
    }
}
