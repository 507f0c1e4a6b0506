using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace MultiRate.Cli.Suites;

/// <summary>
/// The report as JUnit XML, in the shape GitHub Actions test reporters, GitLab's <c>artifacts:reports:junit</c>
/// and Jenkins' JUnit plugin read: <c>testsuites</c> holding one <c>testsuite</c> with a <c>testcase</c> per case,
/// a <c>failure</c> per failed case (an <c>error</c> for a bad input), and <c>time</c> in seconds everywhere.
/// </summary>
/// <remarks>
/// The attributes the common JUnit XSD (Apache Ant's) requires are all present: on testsuite name, tests,
/// failures, errors, time, timestamp, hostname, id and package, with properties, system-out and system-err
/// children; on testcase name, classname and time; on failure and error message and type.
/// </remarks>
internal static class JUnitReport
{
    /// <summary>The XML text of <paramref name="report"/>, stamped with <paramref name="timestamp"/> (UTC).</summary>
    public static string Write(SuiteReport report, DateTime timestamp)
    {
        double total = report.Cases.Sum(c => c.TimeS);
        int errors = report.Cases.Count(c => c.Error is not null);
        int failures = report.Failed - errors;
        var suite = new XElement(
            "testsuite",
            new XAttribute("name", report.Suite),
            new XAttribute("tests", report.Cases.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", errors),
            new XAttribute("skipped", 0),
            new XAttribute("time", Seconds(total)),
            new XAttribute("timestamp", timestamp.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            new XAttribute("hostname", "localhost"),
            new XAttribute("id", 0),
            new XAttribute("package", "multirate"),
            new XElement("properties", Property("cases_in_suite", report.CasesInSuite), report.Shard is null ? null : Property("shard", report.Shard)),
            report.Cases.Select(c => Case(report.Suite, c)),
            new XElement("system-out"),
            new XElement("system-err"));
        var root = new XElement(
            "testsuites",
            new XAttribute("name", "multirate test"),
            new XAttribute("tests", report.Cases.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", errors),
            new XAttribute("time", Seconds(total)),
            suite);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            new XDocument(root).Save(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }

    private static XElement Case(string suite, CaseResult c)
    {
        var element = new XElement(
            "testcase",
            new XAttribute("name", c.Name),
            new XAttribute("classname", suite),
            new XAttribute("time", Seconds(c.TimeS)));
        if (!c.Passed)
        {
            // message: the first problem (reporters show it in one line); the text: every problem, one per line.
            string kind = c.Error is null ? "failure" : "error";
            element.Add(new XElement(
                kind,
                new XAttribute("message", c.Error ?? c.Failures[0]),
                new XAttribute("type", c.Error is null ? "expectation" : "bad-input"),
                string.Join('\n', c.Failures)));
        }

        return element;
    }

    private static XElement Property(string name, object value) =>
        new("property", new XAttribute("name", name), new XAttribute("value", Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));

    private static string Seconds(double s) => s.ToString("0.000", CultureInfo.InvariantCulture);
}
