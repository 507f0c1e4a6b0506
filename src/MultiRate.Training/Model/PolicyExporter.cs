using MultiRate.Inference.Weights;
using MultiRate.Training.Fitting;
using TorchSharp;

namespace MultiRate.Training.Model;

/// <summary>
/// Writes a trained policy as <c>head.safetensors</c> and <c>context.safetensors</c> (the module feeding
/// the head) in a directory (the layout <c>PolicyWeights</c> loads for <c>weights: DIR</c>), and each
/// slower module of the chain as <c>upstream/MODULE/context.safetensors</c>, with the input
/// normalisation folded into the first layers so the runtime feeds raw values.
/// </summary>
/// <remarks>
/// Folding: for y = W (x - m) / s + b, the exported layer is W' = W / s (per input column) and
/// b' = b - W' m. Without context the head's latent and age columns are zeroed, so whatever the
/// context module publishes at run time cannot change the head's output.
/// </remarks>
internal static class PolicyExporter
{
    public const string HeadFile = "head.safetensors";
    public const string ContextFile = "context.safetensors";
    public const string UpstreamFolder = "upstream";

    public static void Export(TrainablePolicy policy, string directory)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Directory.CreateDirectory(directory);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        Dictionary<string, torch.Tensor> headState = policy.Head.state_dict();
        Dictionary<string, torch.Tensor> head = Cloned(headState);
        Fold(headState, head, "experts.0.fc1", policy.HeadNormalizer, policy.HeadSize, zeroRest: policy.Mode == TrainingMode.NoContext);
        SafetensorsWriter.Write(Path.Combine(directory, HeadFile), SafetensorsWriter.FromStateDict(head, string.Empty));
        for (int l = 0; l < policy.Contexts.Count; l++)
        {
            Dictionary<string, torch.Tensor> contextState = policy.Contexts[l].state_dict();
            Dictionary<string, torch.Tensor> context = Cloned(contextState);
            Fold(contextState, context, "in_proj", policy.RowNormalizer, policy.RowSize, zeroRest: false);
            string target = l == 0 ? directory : UpstreamDirectory(directory, policy.Levels[l].Module);
            Directory.CreateDirectory(target);
            SafetensorsWriter.Write(Path.Combine(target, ContextFile), SafetensorsWriter.FromStateDict(context, string.Empty));
        }
    }

    /// <summary>Where the weights of an upstream level's module go: <c>DIR/upstream/MODULE/context.safetensors</c>.</summary>
    public static string UpstreamDirectory(string directory, string module) => Path.Combine(directory, UpstreamFolder, module);

    private static Dictionary<string, torch.Tensor> Cloned(Dictionary<string, torch.Tensor> state) =>
        state.ToDictionary(p => p.Key, p => p.Value.detach().clone());

    private static void Fold(Dictionary<string, torch.Tensor> original, Dictionary<string, torch.Tensor> state, string layer, Normalizer norm, int columns, bool zeroRest)
    {
        torch.Tensor w = state[layer + ".weight"]; // [out, in]
        torch.Tensor b = state[layer + ".bias"];
        torch.Tensor mean = torch.tensor(norm.Mean);
        torch.Tensor std = torch.tensor(norm.Std);
        torch.Tensor scaled = w.narrow(1, 0, columns) / std.unsqueeze(0);
        torch.Tensor bias = b - scaled.matmul(mean);
        torch.Tensor folded = w.clone();
        folded.narrow(1, 0, columns).copy_(scaled);
        if (zeroRest && w.shape[1] > columns)
        {
            folded.narrow(1, columns, w.shape[1] - columns).zero_();
        }

        // TorchSharp also lists a module held in an auto-property under its backing field's name
        // (e.g. experts.0.<Fc1>k__BackingField.weight): every name of the same parameter gets the
        // folded value, or the loader's later copy would overwrite the folded one.
        Replace(original, state, layer + ".weight", folded);
        Replace(original, state, layer + ".bias", bias);
    }

    private static void Replace(Dictionary<string, torch.Tensor> original, Dictionary<string, torch.Tensor> state, string name, torch.Tensor value)
    {
        torch.Tensor parameter = original[name];
        foreach (string key in original.Where(p => ReferenceEquals(p.Value, parameter) || p.Value.Handle == parameter.Handle).Select(p => p.Key))
        {
            state[key] = value;
        }
    }
}
