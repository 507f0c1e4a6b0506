using Grpc.Core;
using Grpc.Core.Interceptors;

namespace MultiRate.Remote.Tests.Runs;

/// <summary>
/// A server-side interceptor standing in for the network and a misbehaving server: it delays every
/// <c>ModelInfer</c> reply, or drops some (never answers; the client's deadline ends the call).
/// </summary>
/// <remarks>gRPC creates an interceptor per call: what the calls share lives in <see cref="Plan"/>.</remarks>
internal sealed class ServerFaults(ServerFaults.Plan plan) : Interceptor
{
    private TimeSpan Delay => plan.Delay;

    private int DropEvery => plan.DropEvery;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!context.Method.EndsWith("/ModelInfer", StringComparison.Ordinal))
        {
            return await continuation(request, context);
        }

        int n = plan.Count();
        if (DropEvery > 0 && n % DropEvery == 0)
        {
            // A dropped reply: the request arrived, no answer ever leaves (until the client gives up).
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.CancellationToken);
        }

        return await continuation(request, context);
    }

    /// <summary>The faults to inject and the calls seen.</summary>
    /// <param name="Delay">Added before every reply.</param>
    /// <param name="DropEvery">Every n-th call gets no reply (0: none).</param>
    public sealed record Plan(TimeSpan Delay, int DropEvery = 0)
    {
        private int _calls;

        /// <summary>ModelInfer calls seen.</summary>
        public int Calls => Volatile.Read(ref _calls);

        /// <summary>Counts one call; returns its number (from 1).</summary>
        public int Count() => Interlocked.Increment(ref _calls);
    }
}
