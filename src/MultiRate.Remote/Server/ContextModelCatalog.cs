using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Remote.Protocol;
using MultiRate.Remote.Tensors;
using MultiRate.Runtime.Composition;

namespace MultiRate.Remote.Server;

/// <summary>
/// The models a server hosts: every context module of a rate profile, built exactly as an in-process run
/// builds it (the same <see cref="TorchModuleFactory"/>, so the same seeds and weights), each under its
/// profile module's name.
/// </summary>
internal sealed class ContextModelCatalog : IDisposable
{
    /// <summary>Tensor names the served models use (the <c>remote</c> section's defaults).</summary>
    public const string HistoryTensor = "history";

    /// <summary>The upstream latent input's name.</summary>
    public const string UpstreamTensor = "upstream";

    /// <summary>The latent output's name.</summary>
    public const string LatentTensor = "latent";

    /// <summary>The one version served.</summary>
    public const string Version = "1";

    private readonly Dictionary<string, ServedContextModel> _models;

    public ContextModelCatalog(IEnumerable<ServedContextModel> models)
    {
        _models = models.ToDictionary(m => m.Name, StringComparer.Ordinal);
    }

    /// <summary>Model names, slowest clock first.</summary>
    public IReadOnlyCollection<string> Names => _models.Keys;

    /// <summary>Builds every context module of <paramref name="profile"/> from <paramref name="config"/> (its <c>remote</c> section ignored: the server computes in-process).</summary>
    public static ContextModelCatalog Build(RateProfile profile, ModelConfig config)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(config);
        PolicyModules modules = new TorchModuleFactory().Create(profile, config with { Remote = null });
        modules.Head.Dispose();
        var served = new List<ServedContextModel>();
        foreach (KeyValuePair<string, IContextModule> kv in modules.Contexts)
        {
            ClockDefinition clock = profile.Clocks.First(c => c.Module == kv.Key);
            bool hasUpstream = profile.Handoffs.Any(h => h.To == clock.Name);
            served.Add(new ServedContextModel(kv.Key, kv.Value, hasUpstream ? config.Context.LatentDim : 0, config.Context.Recursion));
        }

        return new ContextModelCatalog(served);
    }

    /// <summary>The model called <paramref name="name"/>, or null.</summary>
    public ServedContextModel? Find(string name) => _models.GetValueOrDefault(name);

    /// <summary>What <c>ModelMetadata</c> answers for <paramref name="model"/>.</summary>
    public static ModelMetadataResponse Metadata(ServedContextModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var response = new ModelMetadataResponse { Name = model.Name, Platform = "multirate_torchsharp" };
        response.Versions.Add(Version);
        response.Inputs.Add(Tensor(HistoryTensor, -1, model.Module.ObservationSize));
        if (model.UpstreamSize > 0)
        {
            response.Inputs.Add(Tensor(UpstreamTensor, 1, model.UpstreamSize));
        }

        response.Outputs.Add(Tensor(LatentTensor, 1, model.Module.LatentSize));
        return response;
    }

    public void Dispose()
    {
        foreach (ServedContextModel m in _models.Values)
        {
            m.Dispose();
        }
    }

    private static ModelMetadataResponse.Types.TensorMetadata Tensor(string name, long rows, long width)
    {
        var t = new ModelMetadataResponse.Types.TensorMetadata { Name = name, Datatype = Fp32Tensor.Datatype };
        t.Shape.Add(rows);
        t.Shape.Add(width);
        return t;
    }
}
