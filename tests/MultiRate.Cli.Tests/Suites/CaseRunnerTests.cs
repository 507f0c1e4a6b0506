using MultiRate.Cli.Suites;
using MultiRate.Runtime.Running;

namespace MultiRate.Cli.Tests.Suites;

public sealed class CaseRunnerTests
{
    [Fact]
    public void Run_StopSignalBeforeTheCase_FailsWithoutRunning()
    {
        Suite suite = SuiteLoader.Parse("cases:\n" + SuiteFiles.Imu("i", "    to: 1\n"), SuiteFiles.Repo("tests", "suites", "stop.yaml"));
        SuiteCase c = suite.Cases[0];
        using var stop = new CancellationTokenSource();
        stop.Cancel();

        CaseResult result = CaseRunner.Run(c, RunPlan.Load(c.Rates, c.Config), stop.Token);

        Assert.False(result.Passed);
        Assert.Equal([CaseRunner.Stopped], result.Failures);
        Assert.Null(result.Summary);
    }

    [Fact]
    public void Run_NoExpectations_PassesWithTheSummary()
    {
        Suite suite = SuiteLoader.Parse("cases:\n" + SuiteFiles.Imu("i", "    to: 1\n"), SuiteFiles.Repo("tests", "suites", "plain.yaml"));
        SuiteCase c = suite.Cases[0];

        CaseResult result = CaseRunner.Run(c, RunPlan.Load(c.Rates, c.Config), CancellationToken.None);

        Assert.True(result.Passed, string.Join("; ", result.Failures));
        // 1 s at 100 Hz: 100 head ticks, then the end-of-run ramp to the safe action.
        Assert.Equal(100, (int)result.Summary!["ticks"]!["head"]!);
        Assert.True((int)result.Summary!["actions"]! > 100);
    }
}
