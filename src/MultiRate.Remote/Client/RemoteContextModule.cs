using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Remote.Protocol;
using MultiRate.Remote.Tensors;

namespace MultiRate.Remote.Client;

/// <summary>
/// A context module computed by an inference server: one <c>ModelInfer</c> per update over one
/// long-lived HTTP/2 channel.
/// </summary>
/// <remarks>
/// <see cref="Update"/> runs on the slow runner's compute thread (never the clock thread) and blocks for
/// at most the call's deadline, so a slow or silent server ends as a counted timeout and the thread is
/// never left stuck. Failures are outcomes, not exceptions: an unreachable server is a fault and starts
/// the <see cref="ReconnectBackoff"/>; a reply past the deadline is a timeout; a reply of the wrong size
/// is a fault. The slow path's Polly pipeline (timeout, breaker, fallback to the last latent) and the
/// run's ledger see them as they see an in-process module's. The latent is stamped by the caller with
/// the robot's clock at the trigger, so its age includes the round trip and no clock is shared with the
/// server. Allocates the request and the latent per update (slow path only).
/// </remarks>
internal sealed class RemoteContextModule : IContextModule
{
    private readonly GrpcChannel _channel;
    private readonly GRPCInferenceService.GRPCInferenceServiceClient _client;
    private readonly RemoteModelConfig _remote;
    private readonly int _upstreamSize;
    private readonly TimeSpan _timeout;
    private readonly ReconnectBackoff _backoff;
    private readonly long _origin = Stopwatch.GetTimestamp();

    public RemoteContextModule(GrpcChannel channel, RemoteModelConfig remote, int observationSize, int latentSize, int historyLength, int upstreamSize, TimeSpan timeout, ReconnectBackoff backoff)
    {
        _channel = channel;
        _client = new GRPCInferenceService.GRPCInferenceServiceClient(channel);
        _remote = remote;
        ObservationSize = observationSize;
        LatentSize = latentSize;
        HistoryLength = historyLength;
        _upstreamSize = upstreamSize;
        _timeout = timeout;
        _backoff = backoff;
    }

    public int ObservationSize { get; }

    public int LatentSize { get; }

    public int HistoryLength { get; }

    /// <summary>Why the last update failed, for diagnostics off the hot path; null after a success.</summary>
    public string? LastFault { get; private set; }

    /// <summary>Calls made (test and bench hook).</summary>
    public long Calls { get; private set; }

    public void WarmUp(int iterations)
    {
        // Opens the HTTP/2 connection and settles the client's first-call costs before deadlines are armed.
        float[] history = new float[HistoryLength * ObservationSize];
        for (int i = 0; i < Math.Min(iterations, 3); i++)
        {
            _ = Update(new ContextRequest(i, 0, history, HistoryLength, null, Core.Budgets.AnytimeBudget.FixedSteps(1)));
        }
    }

    public ContextResult Update(in ContextRequest request)
    {
        long now = (long)Stopwatch.GetElapsedTime(_origin).TotalNanoseconds;
        if (!_backoff.MayTry(now))
        {
            LastFault = $"server {_remote.Url} unreachable; next try in {(_backoff.NextAttemptNs - now) / 1_000_000} ms";
            return new ContextResult(ModuleOutcome.Faulted, null, 0);
        }

        if (request.HistoryRows < 1 || request.History.Length < request.HistoryRows * ObservationSize)
        {
            LastFault = "history shorter than its row count";
            return new ContextResult(ModuleOutcome.Faulted, null, 0);
        }

        ModelInferRequest call = BuildRequest(request);
        Calls++;
        ModelInferResponse reply;
        try
        {
            reply = _client.ModelInfer(call, deadline: DateTime.UtcNow + _timeout);
        }
        catch (RpcException ex)
        {
            LastFault = $"{ex.StatusCode}: {ex.Status.Detail}";
            if (ex.StatusCode == StatusCode.DeadlineExceeded)
            {
                return new ContextResult(ModuleOutcome.TimedOut, null, 0);
            }

            if (ex.StatusCode == StatusCode.Unavailable)
            {
                _backoff.Unreachable((long)Stopwatch.GetElapsedTime(_origin).TotalNanoseconds);
            }

            return new ContextResult(ModuleOutcome.Faulted, null, 0);
        }

        _backoff.Answered();
        return Read(reply);
    }

    public void Dispose() => _channel.Dispose();

    private ModelInferRequest BuildRequest(in ContextRequest request)
    {
        var call = new ModelInferRequest { ModelName = _remote.Model, ModelVersion = _remote.Version };
        var history = new ModelInferRequest.Types.InferInputTensor { Name = _remote.Input, Datatype = Fp32Tensor.Datatype };
        history.Shape.Add(request.HistoryRows);
        history.Shape.Add(ObservationSize);
        call.Inputs.Add(history);
        call.RawInputContents.Add(Fp32Tensor.ToRaw(request.History.Span[..(request.HistoryRows * ObservationSize)]));
        if (_upstreamSize > 0)
        {
            // No upstream latent yet: zeros, as the in-process module stages them.
            float[] up = new float[_upstreamSize];
            request.Upstream?.Values.AsSpan(0, Math.Min(_upstreamSize, request.Upstream.Values.Length)).CopyTo(up);
            var upstream = new ModelInferRequest.Types.InferInputTensor { Name = _remote.Upstream, Datatype = Fp32Tensor.Datatype };
            upstream.Shape.Add(1);
            upstream.Shape.Add(_upstreamSize);
            call.Inputs.Add(upstream);
            call.RawInputContents.Add(Fp32Tensor.ToRaw(up));
        }

        call.Outputs.Add(new ModelInferRequest.Types.InferRequestedOutputTensor { Name = _remote.Output });
        call.Parameters["max_steps"] = new InferParameter { Int64Param = request.Budget.MaxSteps };
        if (!request.Budget.Fixed)
        {
            call.Parameters["budget_us"] = new InferParameter { Int64Param = Math.Max(1, request.Budget.BudgetNs / 1000) };
        }

        return call;
    }

    private ContextResult Read(ModelInferResponse reply)
    {
        for (int i = 0; i < reply.Outputs.Count; i++)
        {
            ModelInferResponse.Types.InferOutputTensor output = reply.Outputs[i];
            if (output.Name != _remote.Output)
            {
                continue;
            }

            float[]? latent = output.Datatype == Fp32Tensor.Datatype
                ? Fp32Tensor.Read(reply.RawOutputContents.Count > i ? reply.RawOutputContents[i] : null, output.Contents, LatentSize)
                : null;
            if (latent is null)
            {
                LastFault = $"output '{output.Name}' is {output.Datatype} {Fp32Tensor.Show(output.Shape)}, expected FP32 with {LatentSize} values";
                return new ContextResult(ModuleOutcome.Faulted, null, 0);
            }

            int steps = reply.Parameters.TryGetValue("recursion_steps", out InferParameter? p) ? (int)p.Int64Param : 0;
            LastFault = null;
            return new ContextResult(ModuleOutcome.Ok, latent, steps);
        }

        LastFault = $"reply has no output '{_remote.Output}'";
        return new ContextResult(ModuleOutcome.Faulted, null, 0);
    }
}
