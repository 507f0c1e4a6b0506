using System.Globalization;
using System.Text.Json.Nodes;
using MultiRate.Logs.Mcap;
using Xunit;

namespace MultiRate.Logs.Tests.Mcap;

/// <summary>The foxglove/mcap conformance suite (tests/data/mcap-conformance, see its HOW-TO-USE.md).</summary>
public sealed class McapConformanceTests
{
    public static TheoryData<string> AllFiles => [.. McapConformanceCase.AllNames()];

    public static TheoryData<string> IndexedFiles => [.. McapConformanceCase.AllNames().Where(n => McapConformanceCase.Load(n).QualifiesForIndexedRead)];

    public static TheoryData<string> WriteFiles => [.. McapConformanceCase.AllNames().Where(n => McapConformanceCase.Load(n).QualifiesForWrite)];

    [Fact]
    public void Suite_CaseCounts_MatchHowTo()
    {
        Assert.Equal(416, AllFiles.Count);
        Assert.Equal(16, IndexedFiles.Count);
        Assert.Equal(208, WriteFiles.Count);
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void StreamedRead_ConformanceFile_MatchesExpected(string name)
    {
        McapConformanceCase testCase = McapConformanceCase.Load(name);
        using FileStream file = File.OpenRead(testCase.McapPath);
        var reader = new McapStreamReader(file, testCase.McapPath);

        var actual = new JsonArray(reader.ReadRecords().Where(r => r is not McapMessageIndex).Select(r => (JsonNode)McapJsonProjection.Project(r)).ToArray());

        AssertJsonEqual(testCase.Records, actual);
    }

    [Theory]
    [MemberData(nameof(IndexedFiles))]
    public void IndexedRead_ConformanceFile_MatchesExpected(string name)
    {
        McapConformanceCase testCase = McapConformanceCase.Load(name);
        using FileStream file = File.OpenRead(testCase.McapPath);
        McapIndexedReader reader = McapIndexedReader.Open(file, testCase.McapPath);

        JsonArray messages = ToArray(reader.ReadMessages().Select(McapJsonProjection.Project));
        var actual = new JsonObject
        {
            ["schemas"] = ToArray(reader.Schemas.Values.OrderBy(s => s.Id).Select(McapJsonProjection.Project)),
            ["channels"] = ToArray(reader.Channels.Values.OrderBy(c => c.Id).Select(McapJsonProjection.Project)),
            ["messages"] = messages,
            ["statistics"] = reader.Statistics is null ? null : McapJsonProjection.Project(reader.Statistics),
        };
        var expected = new JsonObject
        {
            ["schemas"] = ToArray(DistinctById(testCase, "Schema")),
            ["channels"] = ToArray(DistinctById(testCase, "Channel")),
            ["messages"] = ToArray(testCase.RecordsOfType("Message").OrderBy(m => Number(m, "log_time")).Select(Clone)),
            ["statistics"] = testCase.RecordsOfType("Statistics").Select(Clone).FirstOrDefault(),
        };

        AssertJsonEqual(expected, actual);
    }

    [Theory]
    [MemberData(nameof(WriteFiles))]
    public void Write_ConformanceFile_MatchesBytes(string name)
    {
        McapConformanceCase testCase = McapConformanceCase.Load(name);
        byte[] expected = File.ReadAllBytes(testCase.McapPath);

        byte[] actual = McapConformanceReplay.Write(testCase);

        Assert.True(expected.AsSpan().SequenceEqual(actual), McapConformanceReplay.DescribeFirstDifference(expected, actual));
    }

    private static IEnumerable<JsonObject> DistinctById(McapConformanceCase testCase, string type) =>
        testCase.RecordsOfType(type).DistinctBy(r => Number(r, "id")).OrderBy(r => Number(r, "id")).Select(Clone);

    private static ulong Number(JsonObject record, string field) =>
        ulong.Parse(McapConformanceCase.Field(record, field)!.GetValue<string>(), CultureInfo.InvariantCulture);

    private static JsonObject Clone(JsonObject node) => node.DeepClone().AsObject();

    private static JsonArray ToArray(IEnumerable<JsonObject> items) => new(items.Select(i => (JsonNode)i).ToArray());

    private static void AssertJsonEqual(JsonNode expected, JsonNode actual)
    {
        if (!JsonNode.DeepEquals(expected, actual))
        {
            Assert.Equal(expected.ToJsonString(), actual.ToJsonString());
        }
    }
}
