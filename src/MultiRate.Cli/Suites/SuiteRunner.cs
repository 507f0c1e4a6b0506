using System.Runtime.ExceptionServices;
using MultiRate.Core.Errors;
using MultiRate.Runtime.Running;

namespace MultiRate.Cli.Suites;

/// <summary>Runs a shard of a suite: loads every case's profile and config first (a bad one stops everything), then the cases, <c>jobs</c> at a time.</summary>
internal static class SuiteRunner
{
    /// <summary>Runs the cases of <paramref name="suite"/> that <paramref name="shard"/> holds; the report lists them in suite order whatever finished first.</summary>
    /// <exception cref="UserInputException">A case's rate profile or model config is not valid, or an expectation names a clock its profile lacks (named with the case).</exception>
    public static SuiteReport Run(Suite suite, Shard shard, int jobs, CancellationToken cancellation)
    {
        SuiteCase[] selected = [.. suite.Cases.Where(c => shard.Holds(c.Index))];
        RunPlan?[] plans = [.. selected.Select(Plan)];
        string[] unknownClocks = [.. selected.Zip(plans).Where(p => p.Second is not null).SelectMany(p => ClockKeys.Problems(p.First, p.Second!.Profile))];
        if (unknownClocks.Length > 0)
        {
            throw new UserInputException($"{suite.Path}: {string.Join(Environment.NewLine + suite.Path + ": ", unknownClocks)}");
        }

        var results = new CaseResult[selected.Length];
        // A stop signal ends the case in progress on the safe action; the rest then stop at once, and the report says so.
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) };
        try
        {
            Parallel.For(0, selected.Length, options, i => results[i] = CaseRunner.Run(selected[i], plans[i], cancellation));
        }
        catch (AggregateException ex)
        {
            // Bad input is a case's failure already; whatever else escaped a case is reported as itself, not as "one or more errors".
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }

        return new SuiteReport
        {
            Suite = suite.Name,
            CasesInSuite = suite.Cases.Count,
            Shard = shard == Shard.All ? null : shard,
            Cases = results,
        };
    }

    /// <summary>The case's plan, loaded (and validated) before anything runs; scoring loads its own.</summary>
    private static RunPlan? Plan(SuiteCase c)
    {
        if (c.Targets)
        {
            return null;
        }

        try
        {
            return RunPlan.Load(c.Rates, c.Config);
        }
        catch (UserInputException ex)
        {
            throw new UserInputException($"case '{c.Name}': {ex.Message}", ex);
        }
    }
}
