using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using MultiRate.Core.Errors;
using Serilog;
using Serilog.Settings.Configuration;

namespace MultiRate.Hosting.Telemetry;

/// <summary>
/// Builds the run's Serilog logger from a JSON file (<c>configs/logging.json</c>): the <c>Serilog</c>
/// section in Serilog.Settings.Configuration's format (sinks, levels per namespace, the async
/// wrapper), and a <c>MultiRate</c> section with <c>SummaryIntervalSeconds</c>.
/// </summary>
public static class LoggingConfiguration
{
    /// <summary>The shipped config, relative to the repository root.</summary>
    public const string DefaultPath = "configs/logging.json";

    private const string IntervalKey = "MultiRate:SummaryIntervalSeconds";
    private static readonly TimeSpan DefaultSummaryInterval = TimeSpan.FromSeconds(10);

    /// <summary>Reads <paramref name="path"/> and builds the logger.</summary>
    /// <exception cref="UserInputException">The file is missing, is not JSON, or its settings are invalid; the message names the file and the key or line.</exception>
    public static RunLogging Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            throw new UserInputException($"{path}: logging config not found (expected a JSON file with a 'Serilog' section, like configs/logging.json)");
        }

        // Before the JSON reader opens it: a FIFO would block, a device would never end.
        MultiRate.Core.IO.InputFiles.CheckRegular(full, "logging config", MultiRate.Core.IO.InputFiles.ConfigCapBytes);

        IConfigurationRoot config;
        try
        {
            config = new ConfigurationBuilder().AddJsonFile(full, optional: false, reloadOnChange: false).Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException)
        {
            if (FindJsonError(ex) is { } json)
            {
                throw new UserInputException($"{path}:{json.LineNumber + 1}:{json.BytePositionInLine + 1}: logging config is not valid JSON: {json.Message}", ex);
            }

            throw new UserInputException($"{path}: logging config could not be read: {ex.Message}", ex);
        }

        if (!config.GetSection("Serilog").Exists())
        {
            throw new UserInputException($"{path}: Serilog: missing section (expected sinks and levels, like configs/logging.json)");
        }

        TimeSpan interval = ReadInterval(config, path);
        System.Reflection.Assembly[] assemblies =
        [
            typeof(ConsoleLoggerConfigurationExtensions).Assembly,
            typeof(FileLoggerConfigurationExtensions).Assembly,
            typeof(LoggerConfigurationAsyncExtensions).Assembly,
            typeof(Serilog.Formatting.Compact.CompactJsonFormatter).Assembly,
        ];
        LoggingConfigChecks.Check(config, path, assemblies);
        var options = new ConfigurationReaderOptions(assemblies)
        {
            SectionName = "Serilog",
        };
        try
        {
            Serilog.Core.Logger logger = new LoggerConfiguration().ReadFrom.Configuration(config, options).CreateLogger();
            return new RunLogging(logger, interval);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or System.Reflection.TargetInvocationException or IOException or UnauthorizedAccessException)
        {
            string detail = ex is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner.Message : ex.Message;
            throw new UserInputException($"{path}: Serilog: invalid logging settings: {detail}", ex);
        }
    }

    /// <summary>The fallback when no config file exists: warnings and errors on stderr, no file, no summaries.</summary>
    public static RunLogging WarningsToStandardError() => new(
        new LoggerConfiguration()
            .WriteTo.Console(restrictedToMinimumLevel: Serilog.Events.LogEventLevel.Warning, standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose)
            .CreateLogger(),
        TimeSpan.Zero);

    private static JsonException? FindJsonError(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    private static TimeSpan ReadInterval(IConfiguration config, string path)
    {
        string? text = config[IntervalKey];
        if (text is null)
        {
            return DefaultSummaryInterval;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || seconds < 0 || seconds > 86_400)
        {
            throw new UserInputException($"{path}: {IntervalKey}: '{text}' is not valid; expected seconds from 0 (off) to 86400");
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
