using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using MultiRate.Core.Errors;
using MultiRate.Core.Files;

namespace MultiRate.Core.Tests.Files;

/// <summary>Outputs that are FIFOs or sockets: never a wait without end, never a lost write.</summary>
public sealed class OutputFileSpecialFileTests : IDisposable
{
    // A guard against a regression that blocks in open(2) for ever: the test fails instead of hanging.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private readonly string _dir = Directory.CreateTempSubdirectory("multirate-output-special-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Create_FifoNobodyReads_RefusedNamingTheOptionInsteadOfWaiting()
    {
        string fifo = MakeFifo("out.mcap");

        // WaitAsync throws TimeoutException when the open waits: the test fails instead of hanging.
        Exception? attempt = await Task.Run(() => Record.Exception(() => OutputFile.Create(fifo, [], "--record").Dispose())).WaitAsync(HangGuard);

        var error = Assert.IsType<UserInputException>(attempt);
        Assert.StartsWith($"--record '{fifo}': is a FIFO that no process is reading", error.Message, StringComparison.Ordinal);
        Assert.Equal([fifo], Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public async Task Reserve_FifoNobodyReads_Refused()
    {
        string fifo = MakeFifo("junit.xml");

        Exception? attempt = await Task.Run(() => Record.Exception(() => OutputFile.Reserve(fifo, [], "--junit").Dispose())).WaitAsync(HangGuard);

        Assert.IsType<UserInputException>(attempt);
    }

    [Fact]
    public async Task Create_FifoWithAReader_EveryByteReachesTheReader()
    {
        string fifo = MakeFifo("stream.mcap");
        Task<byte[]> reader = Task.Run(() => File.ReadAllBytes(fifo));
        byte[] content = Encoding.UTF8.GetBytes(new string('x', 200_000)); // more than a pipe's 64 KiB buffer

        // The reader's open waits for a writer; retry until it is there, as a shell pipeline would.
        OutputFile? output = null;
        var clock = Stopwatch.StartNew();
        while (output is null)
        {
            try
            {
                output = OutputFile.Create(fifo, [], "--record");
            }
            catch (UserInputException) when (clock.Elapsed < HangGuard)
            {
                Thread.Yield();
            }
        }

        using (output)
        {
            output.Stream.Write(content);
            output.Commit();
        }

        // The reader sees the end of the stream once the output is done (the held write end closed too).
        Assert.Equal(content, await reader.WaitAsync(HangGuard));
        Assert.Equal([fifo], Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void Create_UnixSocket_Refused()
    {
        string path = Path.Combine(_dir, "out.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));

        var error = Assert.Throws<UserInputException>(() => OutputFile.Create(path, [], "--out"));

        Assert.Contains("is a socket", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteAndCommit_WriterFailsOnAFullDevice_ErrorNamesTheOptionAndPath()
    {
        using OutputFile output = OutputFile.Reserve("/dev/full", [], "--out");

        var error = Assert.Throws<UserInputException>(() => output.WriteAndCommit(path => File.WriteAllText(path, new string('x', 1 << 16))));

        Assert.StartsWith("--out '/dev/full': writing failed: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteAndCommit_WriterSucceeds_TargetHasTheContentAndNoPartialIsLeft()
    {
        string target = Path.Combine(_dir, "plot.png");
        using OutputFile output = OutputFile.Reserve(target, [], "--out");

        output.WriteAndCommit(path => File.WriteAllText(path, "png"));

        Assert.Equal("png", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFileSystemEntries(_dir));
    }

    private string MakeFifo(string name)
    {
        string path = Path.Combine(_dir, name);
        return Fifo.Make(path);
    }
}
