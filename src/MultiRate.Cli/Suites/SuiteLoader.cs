using MultiRate.Configuration.Yaml;
using MultiRate.Core.Errors;
using YamlDotNet.RepresentationModel;

namespace MultiRate.Cli.Suites;

/// <summary>
/// Reads a suite file with the project's YAML loading (size and depth limits, line-numbered errors, "did you mean")
/// and checks everything that can be checked before a run: keys, comparisons, summary paths, time windows,
/// unique names and that every named file exists. Every problem is reported together.
/// </summary>
internal static class SuiteLoader
{
    private static readonly KeySpec[] TopKeys =
    [
        new("name", false, "the suite's name in reports"),
        new("cases", true, "a list of cases"),
    ];

    private static readonly KeySpec[] CaseKeys =
    [
        new("name", true, "the case's unique name"),
        new("log", false, "the sensor log to replay (default: the config's source)"),
        new("rates", true, "the rate profile (YAML)"),
        new("config", true, "the model config (YAML)"),
        new("weights", false, "with targets: true, the directory 'multirate train --out DIR' wrote"),
        new("targets", false, "true: score weights against the logged targets"),
        new("allow_truncated", false, "true: replay a damaged log up to the damage"),
        new("from", false, "start of the time window, seconds after the log's first sample"),
        new("to", false, "end of the time window, seconds after the log's first sample"),
        new("expect", false, "a mapping of summary paths to comparisons"),
        new("actions_match", false, "a golden recording the actions must equal"),
    ];

    private static readonly KeySpec[] MatchKeys =
    [
        new("recording", true, "a recording made by 'multirate replay --record'"),
        new("tolerance", false, "largest absolute difference per action value (default 0)"),
    ];

    /// <summary>Loads and checks the suite at <paramref name="path"/>.</summary>
    /// <exception cref="UserInputException">The file cannot be read or the suite is not valid (every problem, with line and key).</exception>
    public static Suite Load(string path) => Parse(InputFile.ReadText(path, "test suite"), path);

    /// <summary>Parses suite text; relative paths in it are resolved against <paramref name="path"/>'s directory.</summary>
    public static Suite Parse(string text, string path)
    {
        var map = new SourceMap(path);
        Suite? suite = YamlSource.Parse(text, map) is { } root ? Read(root, map, path) : null;
        if (map.Errors.Count > 0)
        {
            throw new ValidationException(map.SortedErrors());
        }

        return suite!;
    }

    private static Suite? Read(YamlNode root, SourceMap map, string path)
    {
        if (MappingReader.Open(map, root, string.Empty, "a test suite", TopKeys) is not { } top)
        {
            return null;
        }

        string name = top.Text("name") ?? System.IO.Path.GetFileNameWithoutExtension(path);
        string baseDir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        var cases = new List<SuiteCase>();
        if (top.Value("cases") is { } list)
        {
            if (list is not YamlSequenceNode items || items.Children.Count == 0)
            {
                map.Fail("cases", list, $"expected a list of one or more cases, got {YamlValues.Describe(list)}");
                return null;
            }

            var names = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < items.Children.Count; i++)
            {
                string casePath = $"cases[{i}]";
                map.Record(casePath, items.Children[i]);
                if (ReadCase(map, items.Children[i], casePath, i, baseDir) is not { } c)
                {
                    continue;
                }

                if (names.TryGetValue(c.Name, out int first))
                {
                    map.Report(SourceMap.Join(casePath, "name"), $"case name '{c.Name}' is already used by cases[{first}]; names must be unique");
                }
                else
                {
                    names[c.Name] = i;
                    cases.Add(c);
                }
            }
        }

        return new Suite(path, name, cases);
    }

    private static SuiteCase? ReadCase(SourceMap map, YamlNode node, string at, int index, string baseDir)
    {
        if (MappingReader.Open(map, node, at, "a case", CaseKeys) is not { } r)
        {
            return null;
        }

        string? name = r.Text("name");
        string? rates = File(map, r, "rates", baseDir, directory: false);
        string? config = File(map, r, "config", baseDir, directory: false);
        string? log = File(map, r, "log", baseDir, directory: false);
        string? weights = File(map, r, "weights", baseDir, directory: true);
        bool targets = r.Boolean("targets") ?? false;
        double? from = r.Number("from");
        double? to = r.Number("to");
        ActionsMatch? match = r.Value("actions_match") is { } m ? ReadMatch(map, m, r.PathOf("actions_match"), baseDir) : null;
        IReadOnlyList<Expectation> expect = r.Value("expect") is { } e ? ReadExpect(map, e, r.PathOf("expect"), targets) : [];
        CheckWindow(map, r, from, to);
        CheckScoring(map, r, weights, targets, match);
        if (name is null || rates is null || config is null)
        {
            return null;
        }

        return new SuiteCase
        {
            Index = index,
            Name = name,
            Log = log,
            Rates = rates,
            Config = config,
            Weights = weights,
            Targets = targets,
            AllowTruncated = r.Boolean("allow_truncated") ?? false,
            FromS = from,
            ToS = to,
            Expect = expect,
            ActionsMatch = match,
        };
    }

    private static void CheckWindow(SourceMap map, MappingReader r, double? from, double? to)
    {
        if (from < 0)
        {
            map.Report(r.PathOf("from"), $"from must be 0 or more seconds, got {from}");
        }

        if (to <= 0 || (from is double f && to is double t && t <= f))
        {
            map.Report(r.PathOf("to"), $"to must be after from (and after 0), got to: {to}{(from is null ? string.Empty : $", from: {from}")}");
        }
    }

    private static void CheckScoring(SourceMap map, MappingReader r, string? weights, bool targets, ActionsMatch? match)
    {
        if (weights is not null && !targets)
        {
            map.Report(r.PathOf("weights"), "weights applies with targets: true only (the case then scores the weights against the logged targets)");
        }

        if (targets && r.Value("weights") is null)
        {
            map.Report(r.PathOf("targets"), "targets: true needs weights: DIR (a directory written by 'multirate train --out DIR')");
        }

        if (targets && (r.Value("from") is not null || r.Value("to") is not null || match is not null || r.Value("allow_truncated") is not null))
        {
            map.Report(r.PathOf("targets"), "from, to, allow_truncated and actions_match do not apply with targets: true (scoring replays the whole log)");
        }
    }

    private static ActionsMatch? ReadMatch(SourceMap map, YamlNode node, string at, string baseDir)
    {
        if (MappingReader.Open(map, node, at, "a golden-recording comparison", MatchKeys) is not { } r)
        {
            return null;
        }

        string? recording = File(map, r, "recording", baseDir, directory: false);
        double tolerance = r.Number("tolerance") ?? 0;
        if (tolerance < 0)
        {
            map.Report(r.PathOf("tolerance"), $"tolerance must be 0 or more, got {tolerance}");
        }

        return recording is null ? null : new ActionsMatch(recording, tolerance);
    }

    private static List<Expectation> ReadExpect(SourceMap map, YamlNode node, string at, bool targets)
    {
        var expect = new List<Expectation>();
        foreach (var (key, value) in YamlValues.Named(map, at, node, "expectations") ?? [])
        {
            string keyPath = SourceMap.Join(at, key);
            SummaryPath? path = SummaryPath.TryParse(key, out string? pathError);

            // Scoring has its own summary (replay --targets --json), checked once the case has run.
            string? unknown = path is null || targets ? null : SummarySchema.Check(path);
            string? text = YamlValues.Text(map, keyPath, value, "a comparison such as \"== 0\"");
            Expectation? e = path is null || text is null ? null : Expectations.Parse(path, text, out pathError);
            if ((pathError ?? unknown) is { } problem)
            {
                map.Report(keyPath, $"expect '{key}': {problem}");
            }
            else if (e is not null)
            {
                expect.Add(e);
            }
        }

        return expect;
    }

    /// <summary>The key's path resolved against the suite's directory; it must exist (a file, or a directory for weights).</summary>
    private static string? File(SourceMap map, MappingReader r, string key, string baseDir, bool directory)
    {
        if (r.Text(key) is not { } given)
        {
            return null;
        }

        string resolved = System.IO.Path.GetFullPath(given, baseDir);
        bool exists = directory ? Directory.Exists(resolved) : System.IO.File.Exists(resolved);
        if (!exists)
        {
            map.Report(r.PathOf(key), $"{key}: {(directory ? "no directory" : "no file")} '{given}' (looked for {resolved}; paths are relative to the suite file's directory)");
            return null;
        }

        return resolved;
    }
}
