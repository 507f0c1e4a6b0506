using MultiRate.Configuration.Yaml;

namespace MultiRate.Configuration.Models;

/// <summary>The keys of a model config, with what each means (shown in error messages).</summary>
internal static class ModelConfigSchema
{
    /// <summary>Top-level keys.</summary>
    public static readonly IReadOnlyList<KeySpec> Root =
    [
        new("name", true, "the config's name, a string"),
        new("seed", false, "seed for weight initialisation, an integer (default 1)"),
        new("device", false, "where the models run: cpu | cuda | auto (default cpu)"),
        new("weights", false, "weights file (.dat or .safetensors) relative to this file, or null for the seeded init"),
        new("source", false, "sensor log relative to this file, or \"synthetic\" for the built-in signal (default synthetic)"),
        new("inputs", true, "field paths per module: { head: [...], context: [...], goal: [...] }"),
        new("targets", false, "training target field paths, a list (default empty)"),
        new("head", false, "the action head: { hidden, experts, top_k, age_features }"),
        new("context", false, "the context module: { d_model, heads, feed_forward, recursion, history, latent_dim }"),
        new("remote", false, "a context module served over the Open Inference Protocol: { url, model, version, input, upstream, output, module, timeout_ms }"),
    ];

    /// <summary>Keys of the inputs section.</summary>
    public static readonly IReadOnlyList<KeySpec> Inputs =
    [
        new("head", true, "field paths the head reads every tick, a non-empty list like ['/topic.field']"),
        new("context", true, "field paths in the context history window, a non-empty list like ['/topic.field']"),
        new("goal", false, "goal/task field paths given to the context module, a list (default empty)"),
    ];

    /// <summary>Keys of the head section.</summary>
    public static readonly IReadOnlyList<KeySpec> Head =
    [
        new("hidden", false, "hidden layer widths: 1 or 2 integers, each 1..65536 (default [1024])"),
        new("experts", false, "number of experts, 0..256; 0 or 1 = dense (default 0)"),
        new("top_k", false, "experts run per tick, 1..max(1, experts) (default 1)"),
        new("age_features", false, "feed the latent's age to the head, true or false (default true)"),
        new("device", false, "where the head runs: cpu | cuda | auto (default: the top-level device)"),
    ];

    /// <summary>Keys of the context section.</summary>
    public static readonly IReadOnlyList<KeySpec> Context =
    [
        new("d_model", false, "token width, 1..65536, divisible by heads (default 128)"),
        new("heads", false, "attention heads, dividing d_model (default 4)"),
        new("feed_forward", false, "feed-forward width, 1..262144 (default 512)"),
        new("recursion", false, "most recursion steps per update, 1..64 (default 8)"),
        new("device", false, "where the context module runs: cpu | cuda | auto (default: the top-level device)"),
        new("history", false, "observation rows in the history window, 1..65536 (default 16)"),
        new("latent_dim", false, "published latent length, 1..65536 (default 64)"),
    ];

    /// <summary>Keys of the remote section.</summary>
    public static readonly IReadOnlyList<KeySpec> Remote =
    [
        new("url", true, "the inference server, http://host:port (HTTP/2 cleartext) or https://host:port"),
        new("model", true, "the served model's name, e.g. context"),
        new("version", false, "the model version (default: the server's choice)"),
        new("input", false, "the history input tensor's name (default history)"),
        new("upstream", false, "the upstream-latent input tensor's name (default upstream)"),
        new("output", false, "the latent output tensor's name (default latent)"),
        new("module", false, "the rate profile's context module it computes (default context)"),
        new("timeout_ms", false, "deadline of one call in ms, 1..600000 (default: the module's clock budget)"),
    ];
}
