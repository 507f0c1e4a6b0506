using MultiRate.Core.Models;
using MultiRate.Core.Rates;

namespace MultiRate.Runtime.Composition;

/// <summary>Creates the modules a profile names. The default builds TorchSharp models; register your own through DI.</summary>
public interface IModuleFactory
{
    /// <summary>Creates every module of <paramref name="profile"/> from <paramref name="config"/>.</summary>
    PolicyModules Create(RateProfile profile, ModelConfig config);
}
