using MultiRate.Core.Models;
using MultiRate.Core.Rates;

namespace MultiRate.Configuration.Yaml;

/// <summary>The snake_case YAML spellings of the Core enums.</summary>
internal static class EnumNames
{
    /// <summary>Overrun policies.</summary>
    public static readonly IReadOnlyDictionary<string, OverrunPolicy> Overrun = new Dictionary<string, OverrunPolicy>
    {
        ["skip"] = OverrunPolicy.Skip,
        ["hold"] = OverrunPolicy.Hold,
        ["safe_action"] = OverrunPolicy.SafeAction,
    };

    /// <summary>Handoff modes.</summary>
    public static readonly IReadOnlyDictionary<string, HandoffMode> Handoff = new Dictionary<string, HandoffMode>
    {
        ["latest"] = HandoffMode.Latest,
        ["deterministic"] = HandoffMode.Deterministic,
    };

    /// <summary>Module kinds.</summary>
    public static readonly IReadOnlyDictionary<string, ModuleKind> Module = new Dictionary<string, ModuleKind>
    {
        ["action_head"] = ModuleKind.ActionHead,
        ["context"] = ModuleKind.Context,
    };

    /// <summary>Stale-latent policies.</summary>
    public static readonly IReadOnlyDictionary<string, StalePolicy> Stale = new Dictionary<string, StalePolicy>
    {
        ["degraded"] = StalePolicy.Degraded,
        ["safe_action"] = StalePolicy.SafeAction,
    };

    /// <summary>Compute devices.</summary>
    public static readonly IReadOnlyDictionary<string, ComputeDevice> Device = new Dictionary<string, ComputeDevice>
    {
        ["cpu"] = ComputeDevice.Cpu,
        ["cuda"] = ComputeDevice.Cuda,
        ["auto"] = ComputeDevice.Auto,
    };

    /// <summary>Compute devices accepted but not advertised: testing backends.</summary>
    public static readonly IReadOnlyDictionary<string, ComputeDevice> TestingDevice = new Dictionary<string, ComputeDevice>
    {
        ["ilgpu-cpu"] = ComputeDevice.IlgpuCpu,
    };

    /// <summary>The YAML spelling of an enum value (for messages).</summary>
    public static string Of<T>(IReadOnlyDictionary<string, T> names, T value)
        where T : struct =>
        names.FirstOrDefault(p => EqualityComparer<T>.Default.Equals(p.Value, value)).Key ?? value.ToString()!;
}
