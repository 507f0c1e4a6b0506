using MultiRate.Core.Modules;
using MultiRate.Inference.ActionHead;
using MultiRate.Inference.ContextModule;
using TorchSharp;

namespace MultiRate.Inference.Weights;

/// <summary>
/// Saves and loads policy weights: TorchSharp's own format (<c>.dat</c>, <c>module.save/load</c>)
/// and PyTorch exports as safetensors. Pickle files are refused: unpickling runs arbitrary code.
/// </summary>
/// <remarks>
/// Layouts accepted for <c>weights:</c> in a model config:
/// a directory holding <c>head.safetensors</c> or <c>head.dat</c> and <c>context.safetensors</c> or
/// <c>context.dat</c>; or one <c>.safetensors</c> file whose names start with <c>head.</c> and
/// <c>context.</c>. Names and shapes must match the module's state dict exactly (see
/// <c>HeadNet</c> / <c>ContextNet</c> for the names); F16 and BF16 are converted to float32.
/// </remarks>
public static class PolicyWeights
{
    private static readonly string[] PickleExtensions = [".pt", ".pth", ".bin", ".pkl", ".pickle", ".ckpt", ".tar"];

    /// <summary>Writes <c>head.dat</c> and <c>context.dat</c> (TorchSharp format) into <paramref name="directory"/>.</summary>
    public static void SaveDirectory(IActionHead head, IContextModule context, string directory)
    {
        Directory.CreateDirectory(directory);
        HeadModule(head).save(Path.Combine(directory, "head.dat"));
        ContextModule(context).save(Path.Combine(directory, "context.dat"));
    }

    /// <summary>Writes one safetensors file with <c>head.</c> and <c>context.</c> prefixed names (PyTorch-readable).</summary>
    public static void ExportSafetensors(IActionHead head, IContextModule context, string path)
    {
        using var scope = torch.NewDisposeScope();
        SafetensorsWriter.Write(path, SafetensorsWriter.FromStateDict(HeadModule(head).state_dict(), "head.")
            .Concat(SafetensorsWriter.FromStateDict(ContextModule(context).state_dict(), "context.")));
    }

    /// <summary>Loads the part named <paramref name="part"/> (<c>head</c> or <c>context</c>) from a config's weights path.</summary>
    internal static void LoadPart(torch.nn.Module module, string weightsPath, string part)
    {
        if (Directory.Exists(weightsPath))
        {
            string st = Path.Combine(weightsPath, part + ".safetensors");
            string dat = Path.Combine(weightsPath, part + ".dat");
            if (File.Exists(st))
            {
                LoadSafetensors(module, st, string.Empty);
            }
            else if (File.Exists(dat))
            {
                LoadTorchSharp(module, dat);
            }
            else
            {
                throw new WeightsException(weightsPath, [$"expected {part}.safetensors or {part}.dat in this directory"]);
            }

            return;
        }

        RefusePickle(weightsPath);
        if (!File.Exists(weightsPath))
        {
            throw new WeightsException(weightsPath, ["file or directory not found"]);
        }

        if (weightsPath.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase))
        {
            LoadSafetensors(module, weightsPath, part + ".");
        }
        else
        {
            throw new WeightsException(weightsPath, [$"expected a .safetensors file or a directory with {part}.safetensors / {part}.dat"]);
        }
    }

    /// <summary>Loads TorchSharp-format weights (strict: every name and shape must match).</summary>
    internal static void LoadTorchSharp(torch.nn.Module module, string path)
    {
        RefusePickle(path);
        try
        {
            using var noGrad = torch.no_grad();
            var loaded = new Dictionary<string, bool>(StringComparer.Ordinal);

            // Not strict: files from earlier builds also hold backing-field copies of the expert
            // tensors (see LegacyTensorNames); completeness is checked below instead.
            module.load(path, strict: false, loadedParameters: loaded);
            string[] missing = [.. module.state_dict().Keys.Where(k => !loaded.GetValueOrDefault(k)).Order(StringComparer.Ordinal)];
            string[] unexpected = [.. loaded.Keys.Where(k => !module.state_dict().ContainsKey(k) && LegacyTensorNames.Canonical(k) is null).Order(StringComparer.Ordinal)];
            if (missing.Length > 0 || unexpected.Length > 0)
            {
                throw new WeightsException(path, [.. missing.Select(m => $"missing tensor '{m}'"), .. unexpected.Select(u => $"unexpected tensor '{u}' (the model has no parameter of that name)")]);
            }

            RefuseNonFinite(module, path);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or System.Runtime.InteropServices.ExternalException or FormatException)
        {
            throw new WeightsException(path, [$"not loadable as TorchSharp weights for this model: {ex.Message}"]);
        }
    }

    /// <summary>
    /// Loads safetensors weights whose names (after <paramref name="prefix"/>) must equal the module's
    /// state dict. Every mismatch is reported in one <see cref="WeightsException"/>.
    /// </summary>
    internal static void LoadSafetensors(torch.nn.Module module, string path, string prefix)
    {
        RefusePickle(path);
        SafetensorsFile file = SafetensorsFile.Open(path);
        Dictionary<string, torch.Tensor> expected = module.state_dict();

        // Canonical names first; a legacy backing-field copy only stands in for a missing canonical one.
        var entries = new Dictionary<string, SafetensorEntry>(file.Entries, StringComparer.Ordinal);
        foreach ((string name, SafetensorEntry legacy) in file.Entries)
        {
            if (LegacyTensorNames.Canonical(name) is { } canonical)
            {
                entries.Remove(name);
                entries.TryAdd(canonical, legacy);
            }
        }

        var problems = new List<string>();
        var matched = new List<(torch.Tensor Target, SafetensorEntry Entry)>();
        foreach ((string name, torch.Tensor target) in expected)
        {
            if (!entries.TryGetValue(prefix + name, out SafetensorEntry? entry))
            {
                problems.Add($"missing tensor '{prefix}{name}' (expected F32 {SafetensorEntry.FormatShape(target.shape)})");
                continue;
            }

            bool ok = true;
            if (!entry.Shape.SequenceEqual(target.shape))
            {
                problems.Add($"tensor '{entry.Name}': shape {SafetensorEntry.FormatShape(entry.Shape)}, expected {SafetensorEntry.FormatShape(target.shape)}");
                ok = false;
            }

            if (!SafetensorEntry.IsSupported(entry.DType))
            {
                problems.Add($"tensor '{entry.Name}': dtype {entry.DType}, expected F32 (or F16/BF16, converted)");
                ok = false;
            }

            if (ok)
            {
                matched.Add((target, entry));
            }
        }

        foreach (string name in entries.Keys.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            if (!expected.ContainsKey(name[prefix.Length..]))
            {
                problems.Add($"unexpected tensor '{name}' (the model has no parameter of that name)");
            }
        }

        if (problems.Count > 0)
        {
            throw new WeightsException(path, problems);
        }

        using var noGrad = torch.no_grad();
        foreach ((torch.Tensor target, SafetensorEntry entry) in matched)
        {
            // copy_ writes in place, so views the action head holds on these parameters stay valid.
            using torch.Tensor source = torch.tensor(file.ReadFloats(entry), entry.Shape);
            target.copy_(source);
        }
    }

    /// <summary>Refuses a module holding NaN or infinite values, naming the first such tensor.</summary>
    private static void RefuseNonFinite(torch.nn.Module module, string path)
    {
        foreach ((string name, torch.Tensor tensor) in module.state_dict())
        {
            using torch.Tensor finite = torch.isfinite(tensor).all();
            if (!finite.item<bool>())
            {
                throw new WeightsException(path, [$"tensor '{name}' holds NaN or infinite values; weights must be finite numbers"]);
            }
        }
    }

    private static void RefusePickle(string path)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        bool zip = false;
        if (File.Exists(path))
        {
            // Before opening: a FIFO would block the open, a device would never end.
            MultiRate.Core.IO.InputFiles.CheckRegular(path, "weights file", MultiRate.Core.IO.InputFiles.WeightsCapBytes);
            Span<byte> magic = stackalloc byte[4];
            using FileStream s = File.OpenRead(path);
            zip = s.Read(magic) == 4 && magic[0] == (byte)'P' && magic[1] == (byte)'K' && magic[2] == 3 && magic[3] == 4;
        }

        if (PickleExtensions.Contains(ext) || zip)
        {
            throw new WeightsException(path, [
                "refusing to load a PyTorch pickle/zip checkpoint: unpickling can run arbitrary code. " +
                "Export the state dict as safetensors instead, e.g. in Python: " +
                "safetensors.torch.save_file(model.state_dict(), 'head.safetensors')"]);
        }
    }

    private static torch.nn.Module HeadModule(IActionHead head) => head switch
    {
        TorchActionHead t => t.Net,
        Gpu.GpuActionHead g => g.Net ?? throw new ArgumentException("this device head was built from parameters alone (no TorchSharp module), so it cannot be saved", nameof(head)),
        _ => throw new ArgumentException("only heads created by PolicyFactory can be saved", nameof(head)),
    };

    private static torch.nn.Module ContextModule(IContextModule context) => context switch
    {
        TorchContextModule t => t.Net,
        Gpu.Context.GpuContextModule g => g.Net ?? throw new ArgumentException("this device context was built from parameters alone (no TorchSharp module), so it cannot be saved", nameof(context)),
        _ => throw new ArgumentException("only context modules created by PolicyFactory can be saved", nameof(context)),
    };
}
