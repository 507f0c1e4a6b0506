using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MultiRate.Recording;
using MultiRate.Runtime.Composition;
using MultiRate.Runtime.Running;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Live.Tests;

/// <summary>
/// The shipped demo in real time with <c>--live</c>'s server, and two clients built on
/// <c>@foxglove/ws-protocol</c> (the protocol maker's client) run by node: one watches, reads and sets
/// parameters; the other stops reading its socket until the run has ended.
/// </summary>
public class FoxgloveClientTests
{
    private const int Seconds = 3;

    [Fact]
    public async Task Run_WatchingAndStalledFoxgloveClients_EveryPeriodAccountedChannelsParametersAndDropsReported()
    {
        // A small queue and kernel send buffer, so the stalled client's backlog reaches its queue within the run.
        var options = new LiveOptions { ClientQueue = 256, SocketSendBufferBytes = 8192, CloseGrace = TimeSpan.FromSeconds(20) };
        using LiveServer server = LiveServer.Start(LiveTestProfile.Default, new IPEndPoint(IPAddress.Loopback, 0), options);
        using var watch = new NodeClient(server.Address, "watch", "clocks.context.budget_ms", "70", "clocks.head.budget_ms", "2");
        using var stalled = new NodeClient(server.Address, "stall");
        WaitFor(() => server.Connections == 2, "both clients connected");

        MultiRateExecutor? executor = null;
        RunSummary summary = RunDemo(server, e => executor = e);
        server.Finish(summary);
        stalled.Signal();
        server.Dispose();
        JsonElement watched = await watch.ResultAsync();
        JsonElement stall = await stalled.ResultAsync();

        // The run kept its rate: every period of every clock ran or was counted as skipped.
        Assert.Equal(Seconds * 1000, Clock(summary, "head").Ticks + Clock(summary, "head").SkippedPeriods);
        Assert.Equal(Seconds * 10, Clock(summary, "context").Ticks + Clock(summary, "context").SkippedPeriods);
        Assert.Equal(0, summary.Ledger!.Total(LedgerEntry.PeriodAccountingFault));
        Assert.False(summary.StoppedEarly);

        // The watching client: the subprotocol, messages on the channels, the summary.
        Assert.Equal("foxglove.websocket.v1", watched.GetProperty("protocol").GetString());
        JsonElement counts = watched.GetProperty("counts");
        foreach (string topic in new[] { RecordingTopics.Actions, RecordingTopics.Ticks("head"), RecordingTopics.Ticks("context"), RecordingTopics.Latents("context") })
        {
            Assert.True(counts.TryGetProperty(topic, out JsonElement n) && n.GetInt64() > 0, $"no messages on {topic}: {counts}");
        }

        Assert.Equal("default", watched.GetProperty("summary").GetProperty("profile").GetString());
        Assert.Equal("multirate.FastTick", watched.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("topic").GetString() == RecordingTopics.Ticks("head")).GetProperty("schemaName").GetString());

        // Parameters: read, set (applied by the executor's reload, broadcast), refused (a status error, the value stays).
        JsonElement[] values = [.. watched.GetProperty("parameterValues").EnumerateArray()];
        Assert.Equal(0.5, Value(values.Single(v => Id(v) == "all"), "clocks.head.budget_ms"));
        Assert.Equal(70, Value(values.Single(v => Id(v) == "set"), "clocks.context.budget_ms"));
        Assert.Contains(values, v => Id(v) is null && v.GetProperty("parameters")[0].GetProperty("name").GetString() == "clocks.context.budget_ms");
        Assert.Equal(0.5, Value(values.Single(v => Id(v) == "refused"), "clocks.head.budget_ms"));
        JsonElement refusal = watched.GetProperty("statuses").EnumerateArray().Single(s => s.GetProperty("level").GetInt32() == 2);
        Assert.Contains("clocks.head.budget_ms = 2", refusal.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("must be below the clock period", refusal.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(70_000, executor!.Profile.Clock("context").BudgetUs);
        Assert.Equal(500, executor.Profile.Clock("head").BudgetUs);

        // The stalled client lost messages and was told how many; every lost message was reported to its client.
        long stallReported = Reported(stall);
        Assert.True(stallReported > 0, $"the stalled client was told of no drops: {stall.GetProperty("statuses")}");
        Assert.Equal(server.ClientDropped, stallReported + Reported(watched));
        Assert.True(stall.GetProperty("resumed").GetBoolean());
    }

    private static RunSummary RunDemo(LiveServer server, Action<MultiRateExecutor> started)
    {
        var services = new ServiceCollection()
            .AddSingleton(server.Observer)
            .AddMultiRate(o =>
            {
                o.ProfilePath = LiveTestProfile.RatesPath;
                o.ConfigPath = Path.Combine(RepoRoot.Path, "configs/default.yaml");
                o.Mode = ExecutionMode.RealTime;
                o.Duration = TimeSpan.FromSeconds(Seconds);
            });
        using ServiceProvider provider = services.BuildServiceProvider();
        using RunSession session = provider.GetRequiredService<RunSession>();
        session.Started += (_, executor) =>
        {
            server.Attach(executor);
            started(executor);
        };
        return session.Run();
    }

    private static ClockSummary Clock(RunSummary summary, string name) => summary.Clocks.Single(c => c.Name == name);

    private static string? Id(JsonElement values) => values.TryGetProperty("id", out JsonElement id) ? id.GetString() : null;

    private static double Value(JsonElement values, string name) =>
        values.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name).GetProperty("value").GetDouble();

    /// <summary>The messages the server said this client lost (its status warnings: "... N messages dropped ...").</summary>
    private static long Reported(JsonElement client) =>
        client.GetProperty("statuses").EnumerateArray()
            .Where(s => s.GetProperty("level").GetInt32() == 1)
            .Sum(s => long.Parse(s.GetProperty("message").GetString()!.Split(' ')[4], CultureInfo.InvariantCulture));

    private static void WaitFor(Func<bool> condition, string what)
    {
        long give = Environment.TickCount64 + 30_000;
        while (!condition())
        {
            Assert.True(Environment.TickCount64 < give, "timed out waiting: " + what);
            Thread.Sleep(10);
        }
    }
}
