namespace MultiRate.Core.Models;

/// <summary>
/// A validated model config (<c>configs/*.yaml</c>): the head and context architectures, the
/// inputs each reads, the device, the seed and the weights.
/// </summary>
public sealed record ModelConfig
{
    /// <summary>Config name.</summary>
    public required string Name { get; init; }

    /// <summary>File the config was read from, if any.</summary>
    public string? SourcePath { get; init; }

    /// <summary>Seed for weight initialisation.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Where to run.</summary>
    public ComputeDevice Device { get; init; } = ComputeDevice.Cpu;

    /// <summary>Weights file or directory (TorchSharp format or .safetensors); null for the seeded init.</summary>
    public string? Weights { get; init; }

    /// <summary>Which fields feed which module.</summary>
    public required ModelInputs Inputs { get; init; }

    /// <summary>Training targets as field paths (behaviour cloning); may be empty.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>The action head.</summary>
    public HeadConfig Head { get; init; } = new();

    /// <summary>The context module.</summary>
    public ContextConfig Context { get; init; } = new();

    /// <summary>A context module served over the network instead of computed in-process; null = every module in-process.</summary>
    public RemoteModelConfig? Remote { get; init; }

    /// <summary>Sensor source when no log is given: <c>synthetic</c> (default) or a log path.</summary>
    public string? Source { get; init; }
}
