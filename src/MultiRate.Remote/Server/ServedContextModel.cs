using MultiRate.Core.Modules;

namespace MultiRate.Remote.Server;

/// <summary>One context module the server hosts, under a model name, with the tensor sizes it declares.</summary>
/// <remarks>
/// Modules are not re-entrant: <see cref="Gate"/> lets one inference through at a time (a second request
/// for the same model waits for it; different models run side by side).
/// </remarks>
internal sealed class ServedContextModel(string name, IContextModule module, int upstreamSize, int recursion) : IDisposable
{
    /// <summary>Model name (the rate profile's module name).</summary>
    public string Name { get; } = name;

    /// <summary>The module.</summary>
    public IContextModule Module { get; } = module;

    /// <summary>Length of the upstream latent it reads; 0 when no slower clock feeds it.</summary>
    public int UpstreamSize { get; } = upstreamSize;

    /// <summary>The most recursion steps per update (the config's <c>context.recursion</c>).</summary>
    public int Recursion { get; } = recursion;

    /// <summary>One inference at a time.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public void Dispose()
    {
        Module.Dispose();
        Gate.Dispose();
    }
}
