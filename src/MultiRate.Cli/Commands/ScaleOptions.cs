using MultiRate.Bench.Models;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Core.Models;
using MultiRate.Inference;

namespace MultiRate.Cli.Commands;

/// <summary>Turns <c>bench models</c>' options into the scale benches' options.</summary>
internal static class ScaleOptions
{
    public static ScaleBenchmarkOptions For(ModelsBenchArgs a)
    {
        ComputeDevice device = a.Device switch
        {
            "cuda" => ComputeDevice.Cuda,
            "auto" => ComputeDevice.Auto,
            "ilgpu-cpu" => ComputeDevice.IlgpuCpu,
            _ => ComputeDevice.Cpu,
        };
        if (device == ComputeDevice.Cuda)
        {
            // Before a minute of CPU benches: 'cuda' without a CUDA device is refused at once (exit 2).
            _ = PolicyFactory.SelectHeadDevice(new ModelConfig { Name = "bench", Inputs = new ModelInputs { Head = [], Context = [] }, Device = device });
        }

        IReadOnlyList<ModelScale> scales = a.Large
            ? [ModelScale.Default, ModelScale.HelixLike, ModelScale.Largest]
            : [ModelScale.Default, ModelScale.HelixLike];
        return a.Quick
            ? new ScaleBenchmarkOptions { Device = device, Scales = scales, HeadSamples = 100, ContextSamples = 2, WarmUp = 10, InterferenceSamples = 500, Widths = [1024, 16384, 65536] }
            : new ScaleBenchmarkOptions { Device = device, Scales = scales };
    }
}
