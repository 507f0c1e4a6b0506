using System.Globalization;
using MultiRate.Configuration.Yaml;
using MultiRate.Core.Models;
using YamlDotNet.RepresentationModel;

namespace MultiRate.Configuration.Models;

/// <summary>Reads the model config's <c>remote</c> section, reporting every problem with its line and key.</summary>
internal static class RemoteSectionReader
{
    private const string Path = "remote";

    /// <summary>The section, or null when it is unusable (the problems are in <paramref name="map"/>).</summary>
    public static RemoteModelConfig? Read(SourceMap map, YamlNode node)
    {
        MappingReader? r = MappingReader.Open(map, node, Path, "the remote section", ModelConfigSchema.Remote);
        if (r is null)
        {
            return null;
        }

        var d = new RemoteModelConfig { Url = new Uri("http://127.0.0.1:8001"), Model = "context" };
        Uri? url = Url(map, r.Text("url"));
        string? model = Name(map, r, "model", null);
        string version = r.Text("version") ?? d.Version;
        string input = Name(map, r, "input", d.Input) ?? d.Input;
        string upstream = Name(map, r, "upstream", d.Upstream) ?? d.Upstream;
        string output = Name(map, r, "output", d.Output) ?? d.Output;
        string module = Name(map, r, "module", d.Module) ?? d.Module;
        if (input == upstream && map.IsValid("remote.upstream"))
        {
            map.Report("remote.upstream", $"upstream '{upstream}' must differ from input '{input}' (they are two tensors of one request)");
        }

        long? timeoutMs = r.Integer("timeout_ms");
        if (timeoutMs is < 1 or > 600_000)
        {
            map.Report("remote.timeout_ms", string.Create(CultureInfo.InvariantCulture, $"timeout_ms must be in 1..600000 (deadline of one call in ms), got {timeoutMs}"));
            timeoutMs = null;
        }

        return url is null || model is null
            ? null
            : new RemoteModelConfig
            {
                Url = url,
                Model = model,
                Version = version,
                Input = input,
                Upstream = upstream,
                Output = output,
                Module = module,
                Timeout = timeoutMs is long ms ? TimeSpan.FromMilliseconds(ms) : null,
            };
    }

    private static Uri? Url(SourceMap map, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(url.Host)
            || url.AbsolutePath != "/")
        {
            map.Report("remote.url", $"url '{text}' must be http://host:port or https://host:port (no path), e.g. http://127.0.0.1:8001");
            return null;
        }

        return url;
    }

    private static string? Name(SourceMap map, MappingReader r, string key, string? fallback)
    {
        string? value = r.Text(key);
        if (value is null)
        {
            return fallback;
        }

        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length != value.Length)
        {
            map.Report(r.PathOf(key), $"{key} must be a non-empty name without surrounding spaces, got '{value}'");
            return null;
        }

        return value;
    }
}
