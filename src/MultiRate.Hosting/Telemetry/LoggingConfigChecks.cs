using System.Reflection;
using Microsoft.Extensions.Configuration;
using MultiRate.Core.Errors;
using Serilog.Configuration;

namespace MultiRate.Hosting.Telemetry;

/// <summary>
/// What Serilog.Settings.Configuration lets through silently: a sink name that matches no sink
/// (the entry is dropped, and with it every warning it would have carried), a misspelt section,
/// and a file sink whose directory cannot be written (the sink fails on every event and says so
/// only to SelfLog). Each is reported before the run starts, naming the file and the key.
/// </summary>
internal static class LoggingConfigChecks
{
    /// <summary>The keys Serilog.Settings.Configuration reads from the <c>Serilog</c> section.</summary>
    private static readonly string[] KnownSections =
        ["Using", "MinimumLevel", "WriteTo", "AuditTo", "Enrich", "Properties", "Filter", "Destructure", "LevelSwitches", "FilterSwitches"];

    /// <summary>Throws <see cref="UserInputException"/> for the first silent failure found.</summary>
    public static void Check(IConfiguration config, string path, IReadOnlyCollection<Assembly> sinkAssemblies)
    {
        IConfigurationSection serilog = config.GetSection("Serilog");
        foreach (IConfigurationSection child in serilog.GetChildren())
        {
            if (!KnownSections.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                throw new UserInputException($"{path}: Serilog:{child.Key}: unknown section; expected one of {string.Join(", ", KnownSections)}");
            }
        }

        HashSet<string> sinks = SinkNames(sinkAssemblies);
        CheckSinks(serilog.GetSection("WriteTo"), path, sinks);
        CheckSinks(serilog.GetSection("AuditTo"), path, sinks);
    }

    private static void CheckSinks(IConfigurationSection writeTo, string path, HashSet<string> sinks)
    {
        foreach (IConfigurationSection entry in writeTo.GetChildren())
        {
            string? name = entry["Name"] ?? entry.Value;
            string key = entry.Path;
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new UserInputException($"{path}: {key}: a sink needs a Name (known sinks: {string.Join(", ", sinks.Order(StringComparer.Ordinal))})");
            }

            if (!sinks.Contains(name))
            {
                throw new UserInputException(
                    $"{path}: {key}:Name: unknown sink '{name}'; known sinks: {string.Join(", ", sinks.Order(StringComparer.Ordinal))} " +
                    "(an unknown sink would be dropped silently, and its warnings with it)");
            }

            // Wrappers (Async, Conditional, ...) hold their sinks under Args:configure.
            CheckSinks(entry.GetSection("Args:configure"), path, sinks);
            if (name.Equals("File", StringComparison.OrdinalIgnoreCase) && entry["Args:path"] is { } file)
            {
                CheckWritable(file, $"{key}:Args:path", path);
            }
        }
    }

    /// <summary>The directory of a log file must exist or be creatable, and accept a new file.</summary>
    private static void CheckWritable(string file, string key, string path)
    {
        try
        {
            string full = Path.GetFullPath(Environment.ExpandEnvironmentVariables(file));
            if (Directory.Exists(full))
            {
                throw new UserInputException($"{path}: {key}: '{file}' is a directory; expected a log file path such as logs/multirate-.json");
            }

            string directory = Path.GetDirectoryName(full) ?? ".";
            Directory.CreateDirectory(directory);
            string probe = Path.Combine(directory, $".multirate-write-check-{Environment.ProcessId}-{Guid.NewGuid():N}");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UserInputException($"{path}: {key}: cannot write log files to '{file}': {ex.Message}", ex);
        }
    }

    /// <summary>Sink names: the extension methods on <see cref="LoggerSinkConfiguration"/> in the sink assemblies.</summary>
    private static HashSet<string> SinkNames(IReadOnlyCollection<Assembly> assemblies)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Assembly assembly in assemblies.Append(typeof(LoggerSinkConfiguration).Assembly))
        {
            foreach (Type type in assembly.GetExportedTypes().Where(t => t.IsAbstract && t.IsSealed))
            {
                foreach (MethodInfo method in type.GetMethods(BindingFlags.Public | BindingFlags.Static))
                {
                    ParameterInfo[] ps = method.GetParameters();
                    if (ps.Length > 0 && ps[0].ParameterType == typeof(LoggerSinkConfiguration))
                    {
                        names.Add(method.Name);
                    }
                }
            }
        }

        // Built into LoggerSinkConfiguration itself.
        names.Add("Logger");
        names.Add("Sink");
        return names;
    }
}
