using MultiRate.Core.Modules;
using MultiRate.Inference.ActionHead;
using MultiRate.Inference.ContextModule;

namespace MultiRate.Inference;

/// <summary>How many trainable parameters a module built by <see cref="PolicyFactory"/> holds.</summary>
/// <remarks>For reports (the models benchmark's sizes) without making the TorchSharp modules public.</remarks>
public static class ModuleParameters
{
    /// <summary>Parameters of a head from <see cref="PolicyFactory.CreateHead"/>.</summary>
    /// <param name="head">The head.</param>
    /// <returns>The number of scalar parameters.</returns>
    /// <exception cref="ArgumentException">The head was not built by <see cref="PolicyFactory"/>.</exception>
    public static long Count(IActionHead head) => head switch
    {
        TorchActionHead torch => Count(torch.Net),
        Gpu.GpuActionHead gpu => gpu.ParameterCount,
        _ => throw new ArgumentException("not a head built by PolicyFactory", nameof(head)),
    };

    /// <summary>Parameters of a context module from <see cref="PolicyFactory.CreateContext"/>.</summary>
    /// <param name="context">The context module.</param>
    /// <returns>The number of scalar parameters.</returns>
    /// <exception cref="ArgumentException">The module was not built by <see cref="PolicyFactory"/>.</exception>
    public static long Count(IContextModule context) => context switch
    {
        TorchContextModule torch => Count(torch.Net),
        Gpu.Context.GpuContextModule gpu => gpu.ParameterCount,
        _ => throw new ArgumentException("not a context module built by PolicyFactory", nameof(context)),
    };

    private static long Count(TorchSharp.torch.nn.Module module) => module.parameters().Sum(p => p.numel());
}
