using System.Globalization;
using System.Xml.Linq;
using MultiRate.Cli.Suites;

namespace MultiRate.Cli.Tests.Suites;

/// <summary>
/// The JUnit XML has the shape the common JUnit XSD (Apache Ant's, which Jenkins, GitLab and the GitHub Actions
/// reporters follow) requires: checked element by element here with System.Xml.
/// </summary>
[Collection("cli")]
public sealed class JUnitReportTests
{
    private static readonly string[] SuiteAttributes = ["name", "tests", "failures", "errors", "time", "timestamp", "hostname", "id", "package"];

    [Fact]
    public void Write_PassFailAndError_HasTheXsdsRequiredShape()
    {
        var report = new SuiteReport
        {
            Suite = "ci",
            CasesInSuite = 3,
            Cases =
            [
                new CaseResult { Index = 0, Name = "ok", Failures = [], TimeS = 1.25 },
                new CaseResult { Index = 1, Name = "slow <latent>", Failures = ["latent_age_ms.p99 < 250: got 300", "misses.head == 0: got 2"], TimeS = 2 },
                new CaseResult { Index = 2, Name = "bad", Failures = ["x.ulg: damaged"], Error = "x.ulg: damaged", TimeS = 0.5 },
            ],
        };

        XDocument doc = XDocument.Parse(JUnitReport.Write(report, new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc)));

        XElement root = doc.Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        XElement suite = Assert.Single(root.Elements("testsuite"));
        foreach (string a in SuiteAttributes)
        {
            Assert.NotNull(suite.Attribute(a));
        }

        Assert.Equal(("ci", "3", "1", "1", "3.750", "2026-01-02T03:04:05"), (A(suite, "name"), A(suite, "tests"), A(suite, "failures"), A(suite, "errors"), A(suite, "time"), A(suite, "timestamp")));
        Assert.Equal(["properties", "testcase", "testcase", "testcase", "system-out", "system-err"], suite.Elements().Select(e => e.Name.LocalName));
        XElement[] cases = [.. suite.Elements("testcase")];
        Assert.All(cases, c => Assert.Equal("ci", A(c, "classname")));
        Assert.All(cases, c => Assert.True(double.TryParse(A(c, "time"), NumberStyles.Float, CultureInfo.InvariantCulture, out _)));
        Assert.Empty(cases[0].Elements());
        XElement failure = Assert.Single(cases[1].Elements());
        Assert.Equal(("failure", "latent_age_ms.p99 < 250: got 300", "expectation"), (failure.Name.LocalName, A(failure, "message"), A(failure, "type")));
        Assert.Equal("latent_age_ms.p99 < 250: got 300\nmisses.head == 0: got 2", failure.Value);
        Assert.Equal("slow <latent>", A(cases[1], "name"));
        XElement error = Assert.Single(cases[2].Elements());
        Assert.Equal(("error", "bad-input"), (error.Name.LocalName, A(error, "type")));
    }

    [Fact]
    public void Test_JUnitOption_WritesTheFileCiReads()
    {
        string suite = SuiteFiles.Write("name: junit\ncases:\n" +
            SuiteFiles.Imu("pass", "    to: 1\n    expect: { ticks.head: \"== 100\" }\n") +
            SuiteFiles.Imu("fail", "    to: 1\n    expect: { ticks.head: \"> 100\" }\n"));
        string xml = Path.Combine(Path.GetDirectoryName(suite)!, "out", "junit.xml");
        Directory.CreateDirectory(Path.GetDirectoryName(xml)!);

        (int code, string stdout, string stderr) = CliRunner.Run("test", suite, "--junit", xml);

        Assert.True(code == 1, stdout + stderr);
        XElement testsuite = XDocument.Load(xml).Root!.Element("testsuite")!;
        Assert.Equal(("junit", "2", "1", "0"), (A(testsuite, "name"), A(testsuite, "tests"), A(testsuite, "failures"), A(testsuite, "errors")));
        Assert.Equal("ticks.head > 100: got 100", A(testsuite.Elements("testcase").Last().Element("failure")!, "message"));
    }

    private static string A(XElement e, string name) => e.Attribute(name)?.Value ?? throw new Xunit.Sdk.XunitException($"<{e.Name}> lacks {name}");
}
