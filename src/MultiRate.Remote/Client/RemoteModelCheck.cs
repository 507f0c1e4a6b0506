using Grpc.Core;
using MultiRate.Core.Errors;
using MultiRate.Core.Models;
using MultiRate.Remote.Protocol;
using MultiRate.Remote.Tensors;

namespace MultiRate.Remote.Client;

/// <summary>
/// The start-up checks of a remote context module: the server is live, the model is ready, and its
/// metadata declares the tensors this config sends and expects. Every mismatch is a
/// <see cref="UserInputException"/> naming the config's key and both sides.
/// </summary>
internal static class RemoteModelCheck
{
    /// <summary>What this side sends and expects.</summary>
    /// <param name="ObservationSize">Columns of the history (the config's context and goal inputs).</param>
    /// <param name="Rows">Rows of history sent per update (the clock's history).</param>
    /// <param name="UpstreamSize">Length of the upstream latent sent; 0 when none.</param>
    /// <param name="LatentSize">Length of the latent expected (the config's latent_dim).</param>
    public readonly record struct Expected(int ObservationSize, int Rows, int UpstreamSize, int LatentSize);

    public static void Run(GRPCInferenceService.GRPCInferenceServiceClient client, RemoteModelConfig remote, string where, Expected expected, TimeSpan timeout)
    {
        string model = remote.Version.Length == 0 ? $"'{remote.Model}'" : $"'{remote.Model}' version '{remote.Version}'";
        try
        {
            if (!client.ServerLive(new ServerLiveRequest(), deadline: Deadline(timeout)).Live)
            {
                throw new UserInputException($"{where}: remote.url: the inference server at {remote.Url} says it is not live");
            }

            if (!client.ModelReady(new ModelReadyRequest { Name = remote.Model, Version = remote.Version }, deadline: Deadline(timeout)).Ready)
            {
                throw new UserInputException($"{where}: remote.model: the inference server at {remote.Url} has no model {model} ready");
            }

            ModelMetadataResponse meta = client.ModelMetadata(new ModelMetadataRequest { Name = remote.Model, Version = remote.Version }, deadline: Deadline(timeout));
            Compare(meta, remote, where, expected, model);
        }
        catch (RpcException ex)
        {
            throw new UserInputException($"{where}: remote.url: no answer from an inference server at {remote.Url} ({ex.StatusCode}: {ex.Status.Detail})", ex);
        }
    }

    private static void Compare(ModelMetadataResponse meta, RemoteModelConfig remote, string where, Expected e, string model)
    {
        var problems = new List<string>();
        CheckTensor(problems, meta.Inputs, "input", remote.Input, "remote.input", [e.Rows, e.ObservationSize], $"{e.Rows} rows of the {e.ObservationSize} context inputs");
        if (e.UpstreamSize > 0)
        {
            CheckTensor(problems, meta.Inputs, "input", remote.Upstream, "remote.upstream", [1, e.UpstreamSize], $"the slower clock's {e.UpstreamSize}-wide latent");
        }

        CheckTensor(problems, meta.Outputs, "output", remote.Output, "remote.output", [1, e.LatentSize], $"context.latent_dim {e.LatentSize}");
        foreach (var input in meta.Inputs)
        {
            bool known = input.Name == remote.Input || (e.UpstreamSize > 0 && input.Name == remote.Upstream);
            if (!known)
            {
                problems.Add($"remote: the server's model {model} also needs input '{input.Name}' {input.Datatype} {Fp32Tensor.Show(input.Shape)}, which this config does not send");
            }
        }

        if (problems.Count > 0)
        {
            throw new UserInputException($"{where}: the model at {remote.Url} does not match this config:\n  " + string.Join("\n  ", problems));
        }
    }

    private static void CheckTensor(List<string> problems, IList<ModelMetadataResponse.Types.TensorMetadata> declared, string kind, string name, string key, long[] shape, string why)
    {
        var t = declared.FirstOrDefault(d => d.Name == name);
        string ours = $"FP32 {Fp32Tensor.Show(shape)} ({why})";
        if (t is null)
        {
            problems.Add($"{key}: this config uses {kind} '{name}' {ours}; the server declares {kind}s {string.Join(", ", declared.Select(d => $"'{d.Name}' {d.Datatype} {Fp32Tensor.Show(d.Shape)}"))}");
            return;
        }

        bool sameShape = t.Shape.Count == shape.Length && t.Shape.Select((d, i) => d == -1 || d == shape[i]).All(ok => ok);
        if (t.Datatype != Fp32Tensor.Datatype || !sameShape)
        {
            problems.Add($"{key}: this config uses {kind} '{name}' {ours}; the server declares '{name}' {t.Datatype} {Fp32Tensor.Show(t.Shape)}");
        }
    }

    private static DateTime Deadline(TimeSpan timeout) => DateTime.UtcNow + timeout;
}
