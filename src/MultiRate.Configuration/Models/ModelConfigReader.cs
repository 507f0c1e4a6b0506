using MultiRate.Configuration.Yaml;
using MultiRate.Core.Models;
using YamlDotNet.RepresentationModel;

namespace MultiRate.Configuration.Models;

/// <summary>
/// Turns a YAML node tree into a <see cref="ModelConfig"/>, reporting structural errors into the
/// <see cref="SourceMap"/>; unreadable values get defaults and their paths are marked invalid.
/// </summary>
internal static class ModelConfigReader
{
    /// <summary>The <c>source</c> value that selects the built-in synthetic signal.</summary>
    public const string Synthetic = "synthetic";

    /// <summary>Reads the config; never throws for bad input.</summary>
    /// <param name="root">The document's root node.</param>
    /// <param name="map">Where errors go.</param>
    /// <param name="baseDirectory">Directory relative paths resolve against, or null to keep them as written.</param>
    public static ModelConfig Read(YamlNode root, SourceMap map, string? baseDirectory)
    {
        MappingReader? r = MappingReader.Open(map, root, string.Empty, "a model config", ModelConfigSchema.Root);
        var defaults = new ModelConfig { Name = string.Empty, Inputs = new ModelInputs { Head = [], Context = [] } };
        string? source = r?.Text("source");
        return new ModelConfig
        {
            Name = r?.Text("name") ?? string.Empty,
            SourcePath = map.File,
            Seed = r?.Int32("seed") ?? defaults.Seed,
            Device = r?.Enum("device", EnumNames.Device, EnumNames.TestingDevice) ?? defaults.Device,
            Weights = Resolve(r?.Text("weights"), baseDirectory, map, "weights"),
            Source = source is null || source == Synthetic ? Synthetic : Resolve(source, baseDirectory, map, "source"),
            Inputs = ReadInputs(map, r?.Value("inputs")),
            Targets = r?.Texts("targets") ?? [],
            Head = r?.Value("head") is { } h ? ReadHead(map, h) : defaults.Head,
            Context = r?.Value("context") is { } c ? ReadContext(map, c) : defaults.Context,
            Remote = r?.Value("remote") is { } rm ? RemoteSectionReader.Read(map, rm) : null,
        };
    }

    private static string? Resolve(string? value, string? baseDirectory, SourceMap map, string key)
    {
        if (value is not null && value.Contains('\0', StringComparison.Ordinal))
        {
            // Found by fuzzing: Path.GetFullPath throws ArgumentException on a NUL.
            map.Report(key, $"{key} must be a file path without NUL characters");
            return null;
        }

        if (string.IsNullOrEmpty(value) || baseDirectory is null || Path.IsPathRooted(value))
        {
            return value;
        }

        return Path.GetFullPath(Path.Combine(baseDirectory, value));
    }

    private static ModelInputs ReadInputs(SourceMap map, YamlNode? node)
    {
        MappingReader? r = node is null ? null : MappingReader.Open(map, node, "inputs", "the inputs section", ModelConfigSchema.Inputs);
        return new ModelInputs
        {
            Head = r?.Texts("head") ?? [],
            Context = r?.Texts("context") ?? [],
            Goal = r?.Texts("goal") ?? [],
        };
    }

    private static HeadConfig ReadHead(SourceMap map, YamlNode node)
    {
        var d = new HeadConfig();
        MappingReader? r = MappingReader.Open(map, node, "head", "the head section", ModelConfigSchema.Head);
        return new HeadConfig
        {
            Hidden = r?.Int32s("hidden") ?? d.Hidden,
            Experts = r?.Int32("experts") ?? d.Experts,
            TopK = r?.Int32("top_k") ?? d.TopK,
            AgeFeatures = r?.Boolean("age_features") ?? d.AgeFeatures,
            Device = r?.Enum("device", EnumNames.Device, EnumNames.TestingDevice),
        };
    }

    private static ContextConfig ReadContext(SourceMap map, YamlNode node)
    {
        var d = new ContextConfig();
        MappingReader? r = MappingReader.Open(map, node, "context", "the context section", ModelConfigSchema.Context);
        return new ContextConfig
        {
            DModel = r?.Int32("d_model") ?? d.DModel,
            Heads = r?.Int32("heads") ?? d.Heads,
            FeedForward = r?.Int32("feed_forward") ?? d.FeedForward,
            Recursion = r?.Int32("recursion") ?? d.Recursion,
            History = r?.Int32("history") ?? d.History,
            LatentDim = r?.Int32("latent_dim") ?? d.LatentDim,
            Device = r?.Enum("device", EnumNames.Device, EnumNames.TestingDevice),
        };
    }
}
