using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using MultiRate.Core.Budgets;
using MultiRate.Core.Latent;
using MultiRate.Core.Modules;
using MultiRate.Remote.Protocol;
using MultiRate.Remote.Tensors;

namespace MultiRate.Remote.Server;

/// <summary>
/// The Open Inference Protocol's service over a <see cref="ContextModelCatalog"/>: liveness, readiness,
/// metadata and one context update per <c>ModelInfer</c>.
/// </summary>
/// <remarks>
/// Request parameters (optional): <c>max_steps</c> (int64, the most recursion steps; default the config's
/// recursion) and <c>budget_us</c> (int64: stop the recursion early when the next step would not fit, as
/// a <c>latest</c>-mode clock does in-process; absent: run exactly <c>max_steps</c>, as deterministic mode
/// does). The response carries <c>recursion_steps</c>. Bad requests are <see cref="StatusCode.InvalidArgument"/>
/// naming the tensor; an unknown model is <see cref="StatusCode.NotFound"/>.
/// </remarks>
internal sealed class ContextInferenceService(ContextModelCatalog catalog) : GRPCInferenceService.GRPCInferenceServiceBase
{
    public override Task<ServerLiveResponse> ServerLive(ServerLiveRequest request, ServerCallContext context) =>
        Task.FromResult(new ServerLiveResponse { Live = true });

    public override Task<ServerReadyResponse> ServerReady(ServerReadyRequest request, ServerCallContext context) =>
        Task.FromResult(new ServerReadyResponse { Ready = true });

    public override Task<ServerMetadataResponse> ServerMetadata(ServerMetadataRequest request, ServerCallContext context)
    {
        var response = new ServerMetadataResponse { Name = "multirate", Version = typeof(ContextInferenceService).Assembly.GetName().Version?.ToString() ?? "0" };
        return Task.FromResult(response);
    }

    public override Task<ModelReadyResponse> ModelReady(ModelReadyRequest request, ServerCallContext context) =>
        Task.FromResult(new ModelReadyResponse { Ready = catalog.Find(request.Name) is not null && IsServedVersion(request.Version) });

    public override Task<ModelMetadataResponse> ModelMetadata(ModelMetadataRequest request, ServerCallContext context) =>
        Task.FromResult(ContextModelCatalog.Metadata(Model(request.Name, request.Version)));

    public override async Task<ModelInferResponse> ModelInfer(ModelInferRequest request, ServerCallContext context)
    {
        ServedContextModel model = Model(request.ModelName, request.ModelVersion);
        int obs = model.Module.ObservationSize;
        (float[] history, int rows) = History(request, obs);
        float[]? upstream = model.UpstreamSize > 0 ? Input(request, ContextModelCatalog.UpstreamTensor, 1, model.UpstreamSize) : null;
        int maxSteps = (int)Math.Clamp(Parameter(request, "max_steps") ?? model.Recursion, 1, model.Recursion);
        long? budgetUs = Parameter(request, "budget_us");

        await model.Gate.WaitAsync(context.CancellationToken).ConfigureAwait(false);
        ContextResult result;
        try
        {
            long started = Stopwatch.GetTimestamp();
            AnytimeBudget budget = budgetUs is long us && us > 0
                ? new AnytimeBudget(us * 1000, maxSteps, fixedSteps: false, () => (long)Stopwatch.GetElapsedTime(started).TotalNanoseconds)
                : AnytimeBudget.FixedSteps(maxSteps);
            LatentSnapshot? up = upstream is null ? null : new LatentSnapshot(1, 0, 0, 0, 0, upstream);
            var update = new ContextRequest(0, 0, history, rows, up, budget);
            result = model.Module.Update(in update);
        }
        finally
        {
            model.Gate.Release();
        }

        if (result.Outcome != ModuleOutcome.Ok || result.Latent is null)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"model '{model.Name}' update ended {result.Outcome}"));
        }

        var response = new ModelInferResponse { ModelName = model.Name, ModelVersion = ContextModelCatalog.Version, Id = request.Id };
        var output = new ModelInferResponse.Types.InferOutputTensor { Name = ContextModelCatalog.LatentTensor, Datatype = Fp32Tensor.Datatype };
        output.Shape.Add(1);
        output.Shape.Add(result.Latent.Length);
        response.Outputs.Add(output);
        response.RawOutputContents.Add(Fp32Tensor.ToRaw(result.Latent));
        response.Parameters["recursion_steps"] = new InferParameter { Int64Param = result.RecursionSteps };
        return response;
    }

    private static bool IsServedVersion(string version) => version.Length == 0 || version == ContextModelCatalog.Version;

    private ServedContextModel Model(string name, string version)
    {
        if (catalog.Find(name) is not { } model)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"no model '{name}' here (served: {string.Join(", ", catalog.Names)})"));
        }

        return IsServedVersion(version)
            ? model
            : throw new RpcException(new Status(StatusCode.NotFound, $"model '{name}' has no version '{version}' (served: {ContextModelCatalog.Version})"));
    }

    private static (float[] Values, int Rows) History(ModelInferRequest request, int obs)
    {
        int index = IndexOf(request, ContextModelCatalog.HistoryTensor);
        var tensor = request.Inputs[index];
        if (tensor.Shape.Count != 2 || tensor.Shape[1] != obs || tensor.Shape[0] is < 1 or > 65536)
        {
            throw Invalid($"input '{tensor.Name}' must be FP32 [rows, {obs}] with 1..65536 rows, got {tensor.Datatype} {Fp32Tensor.Show(tensor.Shape)}");
        }

        int rows = (int)tensor.Shape[0];
        return (Input(request, index, rows, obs), rows);
    }

    private static float[] Input(ModelInferRequest request, string name, int rows, int width) => Input(request, IndexOf(request, name), rows, width);

    private static float[] Input(ModelInferRequest request, int index, int rows, int width)
    {
        var tensor = request.Inputs[index];
        if (tensor.Datatype != Fp32Tensor.Datatype || tensor.Shape.Count != 2 || tensor.Shape[0] != rows || tensor.Shape[1] != width)
        {
            throw Invalid($"input '{tensor.Name}' must be FP32 [{rows}, {width}], got {tensor.Datatype} {Fp32Tensor.Show(tensor.Shape)}");
        }

        var raw = request.RawInputContents.Count > index ? request.RawInputContents[index] : null;
        return Fp32Tensor.Read(raw, tensor.Contents, rows * width)
            ?? throw Invalid($"input '{tensor.Name}' must carry {rows * width} FP32 values (raw or fp32_contents)");
    }

    private static int IndexOf(ModelInferRequest request, string name)
    {
        for (int i = 0; i < request.Inputs.Count; i++)
        {
            if (request.Inputs[i].Name == name)
            {
                return i;
            }
        }

        throw Invalid($"missing input '{name}' (sent: {string.Join(", ", request.Inputs.Select(t => t.Name))})");
    }

    private static long? Parameter(ModelInferRequest request, string name) =>
        request.Parameters.TryGetValue(name, out InferParameter? p) && p.ParameterChoiceCase == InferParameter.ParameterChoiceOneofCase.Int64Param ? p.Int64Param : null;

    private static RpcException Invalid(string message) =>
        new(new Status(StatusCode.InvalidArgument, message.ToString(CultureInfo.InvariantCulture)));
}
