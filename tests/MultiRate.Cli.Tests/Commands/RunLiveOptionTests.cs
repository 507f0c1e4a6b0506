using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace MultiRate.Cli.Tests.Commands;

/// <summary><c>run --live [HOST:]PORT</c>: bad values and a port in use are exit 2 naming the option; with <c>--record</c> both work.</summary>
[Collection("cli")]
public sealed class RunLiveOptionTests
{
    [Theory]
    [InlineData("70000", "--live 70000: the port must be a whole number from 1 to 65535")]
    [InlineData("0", "--live 0: the port must be a whole number from 1 to 65535")]
    [InlineData("127.0.0.1:", "--live 127.0.0.1:: the port must be a whole number from 1 to 65535")]
    [InlineData("robot.local:8765", "--live robot.local:8765: 'robot.local' is not an IP address")]
    public void Run_BadLiveValue_Exit2NamingTheOption(string value, string message)
    {
        var (code, _, err) = CliRunner.Run("run", "--seconds", "0.1", "--live", value);

        Assert.Equal(2, code);
        Assert.Contains(message, err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LivePortInUse_Exit2NamingTheOptionAndTheRunDoesNotStart()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (code, stdout, err) = CliRunner.Run("run", "--seconds", "0.1", "--json", "--live", $"127.0.0.1:{port}");

        Assert.Equal(2, code);
        Assert.Contains($"--live 127.0.0.1:{port}: the port is in use", err, StringComparison.Ordinal);
        Assert.Empty(stdout);
    }

    [Fact]
    public void Run_LiveAndRecord_BothServedAndRecorded()
    {
        int port = FreePort();
        string record = Path.Combine(Directory.CreateTempSubdirectory("multirate-live-").FullName, "run.mcap");

        // The run's notes (live address, recording) go to the process's stderr: captured here for the test.
        var notes = new StringWriter();
        TextWriter before = Console.Error;
        Console.SetError(notes);
        (int code, string stdout, string err) result;
        try
        {
            result = CliRunner.Run("run", "--seconds", "0.3", "--json", "--no-realtime", "--live", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--record", record);
        }
        finally
        {
            Console.SetError(before);
        }

        var (code, stdout, _) = result;
        string err = notes.ToString();
        Assert.True(code == 0, result.err + err);
        Assert.Contains($"live: serving ws://127.0.0.1:{port}/", err, StringComparison.Ordinal);
        Assert.Contains("clocks.head.budget_ms", err, StringComparison.Ordinal);
        Assert.Contains($"to {record}", err, StringComparison.Ordinal);
        Assert.True(File.Exists(record));
        Assert.Equal(300, JsonNode.Parse(stdout)!["ticks"]!["head"]!.GetValue<long>() + JsonNode.Parse(stdout)!["skipped_periods"]!["head"]!.GetValue<long>());
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
