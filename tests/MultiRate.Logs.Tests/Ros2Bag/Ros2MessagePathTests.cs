using MultiRate.Core.Errors;
using MultiRate.Logs.Abstractions;
using Xunit;

namespace MultiRate.Logs.Tests.Ros2Bag;

/// <summary>Message paths (--msg-path) are inputs too: a missing folder is named, a .msg that is not a regular file never blocks.</summary>
public sealed class Ros2MessagePathTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("multirate-ros2-msgpath-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Open_MessagePathFolderMissing_NamedInsteadOfIgnored()
    {
        string db3 = Bag();
        string typo = Path.Combine(dir, "shrae");

        var ex = Assert.Throws<UserInputException>(() => SensorLogs.Open(db3, new SensorLogOptions { MessagePaths = [typo] }).Dispose());

        Assert.Equal($"--msg-path '{typo}': is not a folder that exists; expected a folder of message definitions (pkg/msg/Type.msg, as a ROS 2 install's share/)", ex.Message);
    }

    [Fact]
    public void Open_MessagePathIsAFile_Refused()
    {
        string db3 = Bag();

        var ex = Assert.Throws<UserInputException>(() => SensorLogs.Open(db3, new SensorLogOptions { MessagePaths = [db3] }).Dispose());

        Assert.Contains("is a file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadMessages_DefinitionIsAFifo_RefusedInsteadOfWaitingForAWriter()
    {
        string share = Path.Combine(dir, "share");
        Directory.CreateDirectory(Path.Combine(share, "my_pkg", "msg"));
        Fifo.Make(Path.Combine(share, "my_pkg", "msg", "Reading.msg"));

        string db3 = Bag();

        // WaitAsync throws TimeoutException if the read blocks: the test fails instead of hanging.
        Exception? error = await Task.Run(() => Record.Exception(() =>
        {
            using ISensorLog log = SensorLogs.Open(db3, new SensorLogOptions { MessagePaths = [share] });
            _ = log.ReadMessages().ToList();
        })).WaitAsync(TimeSpan.FromSeconds(60));

        var input = Assert.IsAssignableFrom<UserInputException>(error);
        Assert.Contains("message definition", input.Message, StringComparison.Ordinal);
        Assert.Contains("is not a regular file", input.Message, StringComparison.Ordinal);
    }

    private string Bag()
    {
        string db3 = Path.Combine(dir, "c.db3");
        if (!File.Exists(db3))
        {
            Ros2BagTestData.WriteDb3(db3, [(3, "/r", "my_pkg/msg/Reading")], [(3, 10, new byte[] { 0, 1, 0, 0, 0, 0, 0xC0, 0x3F })]);
        }

        return db3;
    }
}
