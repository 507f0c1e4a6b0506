using CsCheck;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.ULog;
using Xunit;

namespace MultiRate.Logs.Tests.ULog;

public sealed class ULogErrorTests
{
    private static readonly string SamplePath = RepoPaths.TestData("px4-ulog-pyulog", "sample.ulg");

    [Fact]
    public void Open_BadMagic_ThrowsAtOffsetZero()
    {
        byte[] bytes = SyntheticULog.Build();
        bytes[1] = (byte)'X';

        LogFormatException e = Assert.Throws<LogFormatException>(() => ULogFile.Open(new MemoryStream(bytes)));
        Assert.Equal(0, e.Offset);
        Assert.False(e.IsTruncation);
        Assert.Contains("magic", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_HeaderCut_ThrowsTruncation()
    {
        LogFormatException e = Assert.Throws<LogFormatException>(() => ULogFile.Open(new MemoryStream(SyntheticULog.Build()[..10])));
        Assert.True(e.IsTruncation);
        Assert.Equal("file header", e.Record);
    }

    [Fact]
    public void Open_MissingFile_ThrowsNamingThePath()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-dir-multirate", "x.ulg");
        LogFormatException e = Assert.Throws<LogFormatException>(() => ULogFile.Open(path));
        Assert.Equal(path, e.Path);
    }

    [Fact]
    public void ReadMessages_FileCutMidRecord_YieldsEverythingBeforeThenThrowsTruncation()
    {
        byte[] all = File.ReadAllBytes(SamplePath);
        const int Cut = 2_000_000;
        using ULogFile file = ULogFile.Open(new MemoryStream(all[..Cut]));
        long count = 0;

        LogFormatException e = Assert.Throws<LogFormatException>(() =>
        {
            foreach (LogMessage _ in file.ReadMessages())
            {
                count++;
            }
        });

        Assert.True(e.IsTruncation);
        Assert.InRange(e.Offset, Cut - 3 - ushort.MaxValue, Cut - 1);
        Assert.InRange(count, 20_000, 45_000); // about half of the 64542 messages
        Assert.Throws<LogFormatException>(() => file.Topics);
    }

    [Fact]
    public void Topics_FileCutWithAllowTruncated_EndsCleanlyAndSaysWhere()
    {
        byte[] all = File.ReadAllBytes(SamplePath);
        const int Cut = 2_000_000;
        using ULogFile full = ULogFile.Open(new MemoryStream(all));
        using ULogFile file = ULogFile.Open(new MemoryStream(all[..Cut]), new ULogReaderOptions { AllowTruncated = true });

        Assert.InRange(file.TruncatedAt!.Value, Cut - 3 - ushort.MaxValue, Cut - 1);
        long total = file.Topics.Sum(t => t.Count);
        Assert.InRange(total, 1, full.Topics.Sum(t => t.Count) - 1);
        Assert.Equal(total, file.ReadMessages().LongCount());
    }

    [Fact]
    public void ReadMessages_AddReferencesUnknownFormat_ThrowsNamingIt()
    {
        byte[] bytes = new ULogTestWriter().Flags().Format("a:uint64_t timestamp;missing m;").Add(0, 1, "a").ToArray();
        using ULogFile file = ULogFile.Open(new MemoryStream(bytes));

        LogFormatException e = Assert.Throws<LogFormatException>(() => file.ReadMessages().ToList());
        Assert.Contains("'missing'", e.Message, StringComparison.Ordinal);
        Assert.Equal(bytes.Length - 7, e.Offset); // the 'A' record: 3 header bytes, multi_id, msg_id (2), "a"
    }

    [Fact]
    public void ReadMessages_RecursiveFormats_ThrowInsteadOfRecursingForever()
    {
        byte[] bytes = new ULogTestWriter().Format("a:uint64_t timestamp;b x;").Format("b:a y;").Add(0, 1, "a").ToArray();
        using ULogFile file = ULogFile.Open(new MemoryStream(bytes));

        LogFormatException e = Assert.Throws<LogFormatException>(() => file.ReadMessages().ToList());
        Assert.Contains("acyclic", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadMessages_FormatWithoutTimestamp_Throws()
    {
        byte[] bytes = new ULogTestWriter().Format("a:float x;").Add(0, 1, "a").ToArray();
        using ULogFile file = ULogFile.Open(new MemoryStream(bytes));

        LogFormatException e = Assert.Throws<LogFormatException>(() => file.ReadMessages().ToList());
        Assert.Contains("timestamp", e.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a:float[99999999] x;")]
    [InlineData("a:float[0] x;")]
    [InlineData("a:float[] x;")]
    [InlineData("no colon")]
    [InlineData("a:float;")]
    [InlineData("a:uint64_t timestamp;float x;float x;")] // found by the corruption fuzzing below: one JSON object cannot hold both
    public void Open_MalformedFormat_Throws(string format)
    {
        byte[] bytes = new ULogTestWriter().Format(format).ToArray();
        LogFormatException e = Assert.Throws<LogFormatException>(() => ULogFile.Open(new MemoryStream(bytes)));
        Assert.Equal(16, e.Offset);
    }

    [Fact]
    public void ReadMessages_FormatLargerThanARecord_Throws()
    {
        byte[] bytes = new ULogTestWriter().Format("a:uint64_t timestamp;double[9000] x;").Add(0, 1, "a").ToArray();
        using ULogFile file = ULogFile.Open(new MemoryStream(bytes));
        Assert.Throws<LogFormatException>(() => file.ReadMessages().ToList());
    }

    [Fact]
    public void ReadMessages_DataForUnknownMsgId_Throws()
    {
        byte[] bytes = SyntheticULog.Definitions(new ULogTestWriter()).Add(0, 1, "imu").Data(9, [1, 2, 3]).ToArray();
        using ULogFile file = ULogFile.Open(new MemoryStream(bytes));

        LogFormatException e = Assert.Throws<LogFormatException>(() => file.ReadMessages().ToList());
        Assert.Contains("got 9", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadMessages_DataOfWrongSize_ThrowsNamingTopicAndSizes()
    {
        byte[] bytes = SyntheticULog.Definitions(new ULogTestWriter()).Add(0, 1, "imu").Data(1, new byte[10]).ToArray();
        using ULogFile file = ULogFile.Open(new MemoryStream(bytes));

        LogFormatException e = Assert.Throws<LogFormatException>(() => file.ReadMessages().ToList());
        Assert.Equal("data record for 'imu/0'", e.Record);
        Assert.Equal("59 to 62 message bytes as format 'imu' says, got 10", e.Expected);
        Assert.Equal(bytes.Length - 15, e.Offset);
    }

    [Fact]
    public void ReadMessages_GarbageBetweenRecords_ThrowsCorruptionNotTruncation()
    {
        byte[] bytes = SyntheticULog.Definitions(new ULogTestWriter()).Add(0, 1, "imu").Raw([0xFF, 0xFF, 0x01, 9, 9, 9]).ToArray();
        using ULogFile file = ULogFile.Open(new MemoryStream(bytes));

        LogFormatException e = Assert.Throws<LogFormatException>(() => file.ReadMessages().ToList());
        Assert.False(e.IsTruncation);
        Assert.Equal(bytes.Length - 6, e.Offset);
    }

    [Fact]
    public void ReadMessages_NonZeroBytesAfterZeroPadding_ThrowsCorruption()
    {
        byte[] bytes = SyntheticULog.Definitions(new ULogTestWriter()).Add(0, 1, "imu").Raw([0, 0, 0, 0, 7]).ToArray();
        using ULogFile file = ULogFile.Open(new MemoryStream(bytes));
        Assert.False(Assert.Throws<LogFormatException>(() => file.Topics).IsTruncation);
    }

    [Fact]
    public void Open_UnknownIncompatibleFlag_Throws()
    {
        byte[] bytes = new ULogTestWriter().Flags(incompat0: 0b10).ToArray();
        LogFormatException e = Assert.Throws<LogFormatException>(() => ULogFile.Open(new MemoryStream(bytes)));
        Assert.Contains("incompatible", e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void AnyApi_RandomByteCorruption_OnlyThrowsLogFormatException()
    {
        byte[] original = SyntheticULog.Build();
        Gen.Select(Gen.Int[0, original.Length - 1], Gen.Byte, Gen.Int[1, original.Length]).Sample(t =>
        {
            byte[] bytes = (byte[])original.Clone();
            bytes[t.Item1] = t.Item2;
            bytes = bytes[..t.Item3];
            try
            {
                using ULogFile file = ULogFile.Open(new MemoryStream(bytes));
                _ = file.Topics;
                _ = file.Info;
                foreach (LogMessage _ in file.ReadMessages())
                {
                }
            }
            catch (LogFormatException)
            {
                // The only acceptable failure.
            }
        }, seed: "0000ljmwAm0e", iter: 3000, threads: 1);
    }
}
