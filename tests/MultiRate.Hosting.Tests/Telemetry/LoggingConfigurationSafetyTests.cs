using MultiRate.Core.Errors;
using MultiRate.Hosting.Telemetry;

namespace MultiRate.Hosting.Tests.Telemetry;

/// <summary>Logging settings that Serilog would drop silently are refused at start, naming the file and the key.</summary>
public class LoggingConfigurationSafetyTests
{
    [Theory]
    [InlineData("Consol", "Serilog:WriteTo:0:Name: unknown sink 'Consol'")]
    [InlineData("Seq", "Serilog:WriteTo:0:Name: unknown sink 'Seq'")]
    public void Load_UnknownSink_RefusedNamingTheKey(string sink, string expected)
    {
        string path = Write($$"""{ "Serilog": { "WriteTo": [ { "Name": "{{sink}}" } ] } }""");

        var ex = Assert.Throws<UserInputException>(() => LoggingConfiguration.Load(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownSinkInsideAsync_RefusedNamingTheNestedKey()
    {
        string path = Write("""{ "Serilog": { "WriteTo": [ { "Name": "Async", "Args": { "configure": [ { "Name": "Console" }, { "Name": "Fiel" } ] } } ] } }""");

        var ex = Assert.Throws<UserInputException>(() => LoggingConfiguration.Load(path));

        Assert.Contains("Serilog:WriteTo:0:Args:configure:1:Name: unknown sink 'Fiel'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FilePathUnderARegularFile_RefusedAsUnwritable()
    {
        string dir = Directory.CreateTempSubdirectory("multirate-logcfg-").FullName;
        string blocker = Path.Combine(dir, "not-a-dir");
        File.WriteAllText(blocker, "x");
        string logPath = Path.Combine(blocker, "multirate-.json").Replace("\\", "/", StringComparison.Ordinal);
        string path = Write($$"""{ "Serilog": { "WriteTo": [ { "Name": "File", "Args": { "path": "{{logPath}}" } } ] } }""");

        var ex = Assert.Throws<UserInputException>(() => LoggingConfiguration.Load(path));

        Assert.Contains("Serilog:WriteTo:0:Args:path: cannot write log files to", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MisspeltSection_Refused()
    {
        string path = Write("""{ "Serilog": { "WritTo": [ { "Name": "Console" } ] } }""");

        var ex = Assert.Throws<UserInputException>(() => LoggingConfiguration.Load(path));

        Assert.Contains("Serilog:WritTo: unknown section", ex.Message, StringComparison.Ordinal);
    }

    private static string Write(string json)
    {
        string dir = Directory.CreateTempSubdirectory("multirate-logcfg-").FullName;
        string path = Path.Combine(dir, "logging.json");
        File.WriteAllText(path, json);
        return path;
    }
}
