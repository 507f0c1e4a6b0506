using System.Text.Json;
using MultiRate.Core.Errors;
using MultiRate.Hosting.Telemetry;
using Serilog;

namespace MultiRate.Hosting.Tests.Telemetry;

public class LoggingConfigurationTests
{
    private static string Root { get; } = RepoRoot.Path;

    [Fact]
    public void Load_ShippedConfigWithTempFilePath_WritesCompactJsonLinesAndAppliesNamespaceLevels()
    {
        string dir = TempDir();
        string shipped = File.ReadAllText(Path.Combine(Root, LoggingConfiguration.DefaultPath));
        string logPath = Path.Combine(dir, "multirate-.json").Replace("\\", "/", StringComparison.Ordinal);
        string config = shipped
            .Replace("\"logs/multirate-.json\"", JsonSerializer.Serialize(logPath), StringComparison.Ordinal)
            .Replace("\"MultiRate.Scheduling\": \"Information\"", "\"MultiRate.Scheduling\": \"Warning\"", StringComparison.Ordinal);
        Assert.NotEqual(shipped, config);
        string path = Path.Combine(dir, "logging.json");
        File.WriteAllText(path, config);

        using (RunLogging logging = LoggingConfiguration.Load(path))
        {
            Assert.Equal(TimeSpan.FromSeconds(10), logging.SummaryInterval);
            logging.Logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, "MultiRate.Runtime.Reload.ProfileWatcher")
                .Information("Profile {Path} reloaded: {Changes}", "p.yaml", "clocks.head.budget_us 500 -> 400");
            logging.Logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, "MultiRate.Scheduling.Executor")
                .Information("filtered out by the namespace level");
        }

        string file = Assert.Single(Directory.GetFiles(dir, "multirate-*.json"));
        string[] lines = File.ReadAllLines(file);
        using JsonDocument line = JsonDocument.Parse(Assert.Single(lines));
        Assert.Equal("Profile {Path} reloaded: {Changes}", line.RootElement.GetProperty("@mt").GetString());
        Assert.Equal("clocks.head.budget_us 500 -> 400", line.RootElement.GetProperty("Changes").GetString());
        Assert.Equal("multirate", line.RootElement.GetProperty("Application").GetString());
    }

    [Fact]
    public void Load_MissingFile_UserInputExceptionNamesTheFile()
    {
        string path = Path.Combine(TempDir(), "nope.json");

        var ex = Assert.Throws<UserInputException>(() => LoggingConfiguration.Load(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BrokenJson_MessageHasFileAndLine()
    {
        string path = Path.Combine(TempDir(), "bad.json");
        File.WriteAllText(path, "{\n  \"Serilog\": {\n    \"MinimumLevel\": ,\n  }\n}\n");

        var ex = Assert.Throws<UserInputException>(() => LoggingConfiguration.Load(path));

        Assert.StartsWith(path + ":3:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownLevel_UserInputExceptionNamesFileAndSection()
    {
        string path = Path.Combine(TempDir(), "level.json");
        File.WriteAllText(path, """{ "Serilog": { "MinimumLevel": { "Default": "Loud" } } }""");

        var ex = Assert.Throws<UserInputException>(() => LoggingConfiguration.Load(path));

        Assert.StartsWith(path + ": Serilog:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Loud", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("soon")]
    public void Load_BadSummaryInterval_MessageNamesTheKey(string value)
    {
        string path = Path.Combine(TempDir(), "interval.json");
        File.WriteAllText(path, $$"""{ "Serilog": { "MinimumLevel": "Information" }, "MultiRate": { "SummaryIntervalSeconds": "{{value}}" } }""");

        var ex = Assert.Throws<UserInputException>(() => LoggingConfiguration.Load(path));

        Assert.Contains("MultiRate:SummaryIntervalSeconds", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    private static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "multirate-logging-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
