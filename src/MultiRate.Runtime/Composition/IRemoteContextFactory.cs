using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;

namespace MultiRate.Runtime.Composition;

/// <summary>
/// Builds the context module a model config's <c>remote</c> section names (a client of an inference
/// server). The seam through which a composition root above the runtime supplies the network client:
/// register one in DI and <see cref="TorchModuleFactory"/> uses it for that module.
/// </summary>
public interface IRemoteContextFactory
{
    /// <summary>Connects to the server and checks the model against the config (a mismatch is a <see cref="Core.Errors.UserInputException"/>).</summary>
    /// <param name="remote">The config's remote section.</param>
    /// <param name="config">The whole config (observation and latent sizes, recursion).</param>
    /// <param name="clock">The slow clock that runs the module (its budget bounds one call).</param>
    /// <param name="upstreamSize">Length of the slower clock's latent fed to the module; 0 when none.</param>
    IContextModule Create(RemoteModelConfig remote, ModelConfig config, ClockDefinition clock, int upstreamSize);
}
