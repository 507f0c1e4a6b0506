namespace MultiRate.Core.Models;

/// <summary>
/// A context module served by an inference server over the Open Inference Protocol (KServe v2 gRPC)
/// instead of computed in-process: the model config's <c>remote</c> section.
/// </summary>
/// <remarks>
/// The served model reads the history window (<see cref="Input"/>, FP32 [rows, observation size]) and,
/// when a slower clock feeds this module, that clock's latent (<see cref="Upstream"/>, FP32 [1, latent]);
/// it returns the latent (<see cref="Output"/>, FP32 [1, latent_dim]).
/// </remarks>
public sealed record RemoteModelConfig
{
    /// <summary>Server address, <c>http://host:port</c> (HTTP/2 cleartext) or <c>https://host:port</c>.</summary>
    public required Uri Url { get; init; }

    /// <summary>The served model's name.</summary>
    public required string Model { get; init; }

    /// <summary>The model version; empty lets the server choose.</summary>
    public string Version { get; init; } = string.Empty;

    /// <summary>Name of the history input tensor (default <c>history</c>).</summary>
    public string Input { get; init; } = "history";

    /// <summary>Name of the upstream-latent input tensor (default <c>upstream</c>); sent only when a slower clock feeds the module.</summary>
    public string Upstream { get; init; } = "upstream";

    /// <summary>Name of the latent output tensor (default <c>latent</c>).</summary>
    public string Output { get; init; } = "latent";

    /// <summary>The profile's context module the server computes (default <c>context</c>); the others stay in-process.</summary>
    public string Module { get; init; } = "context";

    /// <summary>Deadline of one call; null = the module's clock budget (so a late reply is a counted timeout, never a stuck thread).</summary>
    public TimeSpan? Timeout { get; init; }
}
