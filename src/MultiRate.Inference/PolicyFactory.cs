using MultiRate.Core.Errors;
using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Inference.ActionHead;
using MultiRate.Inference.ContextModule;
using MultiRate.Inference.Gpu;
using MultiRate.Inference.Gpu.Context;
using MultiRate.Inference.Runtime;
using MultiRate.Inference.Weights;
using TorchSharp;

namespace MultiRate.Inference;

/// <summary>Builds the action head and context module (on the CPU, or on an ILGPU accelerator) from a validated <see cref="ModelConfig"/>.</summary>
/// <remarks>
/// Initialisation is seeded: the global torch generator is reseeded with <see cref="ModelConfig.Seed"/>
/// under a lock just before the module is built, so the same config gives bit-identical weights
/// in any process. When <see cref="ModelConfig.Weights"/> is set, the weights are then loaded over
/// the seeded init (relative paths resolve against the config file's folder). Thread-safe.
/// Head input: head fields, then the latent (<see cref="ContextConfig.LatentDim"/>), then two age
/// features (age seconds, exp(-age/0.25 s)) when <see cref="HeadConfig.AgeFeatures"/> is on.
/// Context rows: context fields, then goal fields.
/// </remarks>
public static class PolicyFactory
{
    private static readonly Lock SeedGate = new();

    /// <summary>Resolves the context module's device (<c>context.device</c>, else <c>device</c>): CUDA through ILGPU, else the CPU.</summary>
    public static DeviceSelection SelectDevice(ModelConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return IlgpuDeviceSelector.Select(config.Context.Device ?? config.Device, config.SourcePath, "the context module");
    }

    /// <summary>Resolves the action head's device (<c>head.device</c>, else <c>device</c>): CUDA through ILGPU, else the CPU.</summary>
    public static DeviceSelection SelectHeadDevice(ModelConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return IlgpuDeviceSelector.Select(config.Head.Device ?? config.Device, config.SourcePath, "the action head");
    }

    /// <summary>The lines to log once at start about where the modules run (auto's choices), or null when there is nothing to say.</summary>
    public static string? DeviceNote(ModelConfig config)
    {
        string[] notes = [.. new[] { SelectHeadDevice(config).Note, SelectDevice(config).Note }.OfType<string>()];
        return notes.Length == 0 ? null : string.Join(Environment.NewLine, notes);
    }

    /// <summary>Where a module created here runs: <c>cpu</c>, <c>cuda:0 &lt;GPU name&gt;</c> or <c>ilgpu-cpu</c>.</summary>
    public static string DeviceOf(object module) => (module as IModulePlacement)?.Placement ?? "cpu";

    /// <summary>Creates the fast action head.</summary>
    /// <param name="config">The model config.</param>
    /// <param name="actionDim">Action vector length.</param>
    /// <param name="min">Lower action limits (length <paramref name="actionDim"/>).</param>
    /// <param name="max">Upper action limits (length <paramref name="actionDim"/>).</param>
    /// <remarks>
    /// On the CPU the head runs on the fixed-order kernels (same bits on every x86-64 CPU); on CUDA
    /// (or ILGPU's CPU accelerator, <c>ilgpu-cpu</c>) it runs the device kernels of
    /// <see cref="GpuActionHead"/> on the same parameters.
    /// </remarks>
    public static IActionHead CreateHead(ModelConfig config, int actionDim, double[] min, double[] max)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(min);
        ArgumentNullException.ThrowIfNull(max);
        HeadConfig h = config.Head;
        var errors = new List<ValidationError>();
        if (h.Hidden.Count is < 1 or > 2 || h.Hidden.Any(w => w < 1))
        {
            errors.Add(Error(config, "head.hidden", "expected one or two positive layer widths"));
        }

        if (h.Experts < 0 || h.TopK < 1 || (h.Experts > 1 && h.TopK > h.Experts))
        {
            errors.Add(Error(config, "head.top_k", $"expected 1 <= top_k <= experts (experts {h.Experts}, top_k {h.TopK})"));
        }

        if (actionDim < 1 || min.Length != actionDim || max.Length != actionDim || min.Zip(max).Any(p => !(p.First < p.Second)))
        {
            errors.Add(Error(config, "action", $"expected {actionDim} action limits with min < max (got {min.Length} min, {max.Length} max)"));
        }

        ThrowIfAny(errors);
        DeviceSelection device = SelectHeadDevice(config); // fails clearly on 'cuda' without a CUDA device
        int obs = config.Inputs.Head.Count;
        int latent = config.Context.LatentDim;
        int input = obs + latent + (h.AgeFeatures ? 2 : 0);
        HeadNet net = Seeded(config.Seed, () => new HeadNet(input, h.Hidden, actionDim, h.Experts));
        LoadWeights(config, net, "head");
        return device.Device == ComputeDevice.Cpu
            ? new TorchActionHead(net, obs, latent, h.AgeFeatures, h.TopK, min, max)
            : CreateDeviceHead(device.Device == ComputeDevice.Cuda ? IlgpuTarget.Cuda : IlgpuTarget.Cpu, net, obs, latent, h.AgeFeatures, h.TopK, min, max);
    }

    /// <summary>The head on an ILGPU accelerator; the net and the device are released if it cannot be built.</summary>
    internal static GpuActionHead CreateDeviceHead(IlgpuTarget target, HeadNet net, int obs, int latent, bool ageFeatures, int topK, double[] min, double[] max)
    {
        IlgpuDevice? device = null;
        try
        {
            device = IlgpuDevice.Open(target, StreamPriority.Highest) ?? throw new TorchRuntimeException("the CUDA device found at start could not be opened");
            return new GpuActionHead(device, net, obs, latent, ageFeatures, topK, min, max);
        }
        catch
        {
            device?.Dispose();
            net.Dispose();
            throw;
        }
    }

    /// <summary>Creates the slow recursive context module.</summary>
    /// <param name="config">The model config.</param>
    /// <param name="upstreamSize">Latent length of a slower clock feeding this module, or 0.</param>
    public static IContextModule CreateContext(ModelConfig config, int upstreamSize = 0)
    {
        ArgumentNullException.ThrowIfNull(config);
        ContextConfig c = config.Context;
        var errors = new List<ValidationError>();
        if (c.DModel < 1 || c.Heads < 1 || c.DModel % c.Heads != 0)
        {
            errors.Add(Error(config, "context.heads", $"expected heads to divide d_model (d_model {c.DModel}, heads {c.Heads})"));
        }

        if (c.FeedForward < 1 || c.Recursion < 1 || c.History < 1 || c.LatentDim < 1)
        {
            errors.Add(Error(config, "context", "expected feed_forward, recursion, history and latent_dim >= 1"));
        }

        int obs = config.Inputs.Context.Count + config.Inputs.Goal.Count;
        if (obs < 1)
        {
            errors.Add(Error(config, "inputs.context", "expected at least one context field"));
        }

        ThrowIfAny(errors);
        DeviceSelection device = SelectDevice(config); // fails clearly on 'cuda' without a CUDA device
        // Seed + 1: the head and the context draw different streams from one config seed.
        ContextNet net = Seeded(config.Seed + 1, () => new ContextNet(obs, c.History, upstreamSize, c.DModel, c.Heads, c.FeedForward, c.LatentDim));
        LoadWeights(config, net, "context");
        return device.Device == ComputeDevice.Cpu
            ? new TorchContextModule(net, obs, c.History, upstreamSize, c.LatentDim)
            : CreateDeviceContext(device.Device == ComputeDevice.Cuda ? IlgpuTarget.Cuda : IlgpuTarget.Cpu, net, obs, c.History, upstreamSize, c.LatentDim);
    }

    /// <summary>
    /// The context on an ILGPU accelerator, on a low-priority stream of the accelerator the head on
    /// the same target shares; the net and the lease are released if it cannot be built.
    /// </summary>
    internal static GpuContextModule CreateDeviceContext(IlgpuTarget target, ContextNet net, int obs, int history, int upstreamSize, int latent)
    {
        IlgpuDevice? device = null;
        try
        {
            device = IlgpuDevice.Open(target, StreamPriority.Lowest) ?? throw new TorchRuntimeException("the CUDA device found at start could not be opened");
            return new GpuContextModule(device, net, obs, history, upstreamSize, latent);
        }
        catch
        {
            device?.Dispose();
            net.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Builds a module under TorchSharp's global seed <paramref name="seed"/>, serialised so that two
    /// builds never interleave their draws: the runtime and training get the same initial weights
    /// from the same config seed.
    /// </summary>
    /// <typeparam name="T">The module type.</typeparam>
    /// <param name="seed">The seed.</param>
    /// <param name="build">Builds the module.</param>
    /// <returns>What <paramref name="build"/> returned.</returns>
    public static T Seeded<T>(int seed, Func<T> build)
    {
        TorchRuntime.EnsureLoaded();
        lock (SeedGate)
        {
            torch.manual_seed(seed);
            return build();
        }
    }

    private static void LoadWeights(ModelConfig config, torch.nn.Module net, string part)
    {
        if (string.IsNullOrEmpty(config.Weights))
        {
            return;
        }

        string path = config.Weights;
        if (!Path.IsPathRooted(path) && config.SourcePath is not null)
        {
            path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(config.SourcePath)) ?? ".", path);
        }

        try
        {
            PolicyWeights.LoadPart(net, path, part);
        }
        catch
        {
            net.Dispose();
            throw;
        }
    }

    private static ValidationError Error(ModelConfig config, string key, string message) => new(config.SourcePath, 0, 0, key, message);

    private static void ThrowIfAny(List<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }
}
