using MultiRate.Cli.Reporting;
using ScottPlot;
using ScottPlot.Plottables;

namespace MultiRate.Cli.Tests.Reporting;

public class ReportFiguresTests
{
    [Fact]
    public void Fit_BudgetFarAboveTheData_AxisFitsTheDataAndTheBudgetIsOffScale()
    {
        AxisFit fit = PlotScale.Fit([12, 60, 35], 500);

        Assert.Equal(66, fit.Max, 9);
        Assert.Equal(ReferenceMark.OffScale, fit.Reference);
    }

    [Fact]
    public void Fit_BudgetWithinReach_AxisHoldsTheBudgetAsALine()
    {
        Assert.Equal(new AxisFit(110, ReferenceMark.Line), PlotScale.Fit([12, 60], 100) with { Max = Math.Round(PlotScale.Fit([12, 60], 100).Max, 9) });
        Assert.Equal(ReferenceMark.Line, PlotScale.Fit([], 500).Reference);
        Assert.Equal(new AxisFit(1, ReferenceMark.None), PlotScale.Fit([], null));
    }

    [Fact]
    public void Fit_OneJitTickAmongThousands_AxisStopsAtTheBulkAndTheOutlierIsCounted()
    {
        double[] latencies = [43_000, .. Enumerable.Range(0, 1999).Select(i => 10.0 + (i % 51))];
        Assert.Equal(60, Percentile.Of(latencies, 99));

        AxisFit fit = PlotScale.Fit(latencies, 500);

        Assert.Equal(60 * PlotScale.Headroom, fit.Max, 9);
        Assert.Equal((ReferenceMark.OffScale, 1, 43_000.0), (fit.Reference, fit.Beyond, fit.BeyondMax));
        Assert.Equal("1 tick beyond, up to 43000 us →", PlotScale.BeyondText(fit, "us", rightEdge: true));
        Assert.Null(PlotScale.BeyondText(PlotScale.Fit([1, 2, 3], null), "us", rightEdge: true));
    }

    [Fact]
    public void Histogram_HeadLatenciesFarUnderTheBudget_XAxisFitsTheDataBudgetMarkedAtTheRightEdge()
    {
        ClockSeries head = Series("head", true, 200, i => 10 + (i % 50), budgetUs: 500);

        Plot plot = ReportFigures.Histogram(head);

        AxisLimits limits = plot.Axes.GetLimits();
        Assert.Equal(0, limits.Left);
        Assert.Equal(59 * PlotScale.Headroom, limits.Right, 6);
        Annotation marker = Assert.Single(plot.GetPlottables().OfType<Annotation>());
        Assert.Equal("budget 500 us (off scale) →", marker.LabelText);
        Assert.Equal(Alignment.UpperRight, marker.Alignment);
        Assert.Empty(plot.GetPlottables().OfType<VerticalLine>());
        Assert.Equal("head: compute latency of the 200 ticks that ran", plot.Axes.Title.Label.Text);
    }

    [Fact]
    public void Histogram_BudgetNearTheData_BudgetLineOnTheAxis()
    {
        ClockSeries head = Series("head", true, 200, i => 300 + i, budgetUs: 500);

        Plot plot = ReportFigures.Histogram(head);

        Assert.Equal(500 * PlotScale.Headroom, plot.Axes.GetLimits().Right, 6);
        Assert.Equal(500, Assert.Single(plot.GetPlottables().OfType<VerticalLine>()).X);
        Assert.Empty(plot.GetPlottables().OfType<Annotation>());
    }

    [Fact]
    public void LatencyOverTime_FivePlannerTicks_LabelledPointsAndTheBudgetOffTheTop()
    {
        ClockSeries planner = Series("planner", false, 5, i => 34_000 + (1000 * i), budgetUs: 400_000, periodS: 1);

        Plot plot = ReportFigures.LatencyOverTime(planner);

        AxisLimits limits = plot.Axes.GetLimits();
        Assert.Equal((0.0, 38_000 * PlotScale.Headroom), (limits.Bottom, Math.Round(limits.Top, 6)));
        Assert.Equal((-0.2, 4.2), (Math.Round(limits.Left, 9), Math.Round(limits.Right, 9)));
        Assert.Equal(["34000 us", "35000 us", "36000 us", "37000 us", "38000 us"], plot.GetPlottables().OfType<Text>().Select(t => t.LabelText));
        Assert.Equal("↑ budget 400000 us (off scale)", Assert.Single(plot.GetPlottables().OfType<Annotation>()).LabelText);
        Assert.Equal(9, Assert.Single(plot.GetPlottables().OfType<Scatter>()).MarkerSize);
    }

    [Fact]
    public void Misses_ActionAndContextClocks_TitlesUseTheVocabularysDefinitions()
    {
        ClockSeries head = Series("head", true, 100, _ => 40, budgetUs: 500, missedEvery: 10);
        ClockSeries context = Series("context", false, 30, _ => 2000, budgetUs: 60_000, missedEvery: 15);

        Plot h = ReportFigures.Misses(head, [0.5, 0.6, 0.7]);
        Plot c = ReportFigures.Misses(context, []);

        Assert.Equal("head: misses (no model result by the deadline) 10 of 100 ticks; fallbacks sent 3", h.Axes.Title.Label.Text);
        Assert.Equal("context: skipped triggers (previous update still running) 2 of 30 ticks", c.Axes.Title.Label.Text);
        Assert.Equal(10 * PlotScale.Headroom, h.Axes.GetLimits().Top, 9);
    }

    [Fact]
    public void LatentAge_LimitWithinReach_ALineAtTheLimit()
    {
        ClockSeries head = Series("head", true, 100, _ => 40, budgetUs: 500);

        Plot plot = ReportFigures.LatentAge(head, 250);

        Assert.Equal(250, Assert.Single(plot.GetPlottables().OfType<HorizontalLine>()).Y);
        Assert.Equal(250 * PlotScale.Headroom, plot.Axes.GetLimits().Top, 9);
    }

    private static ClockSeries Series(string name, bool action, int n, Func<int, double> latencyUs, double budgetUs, double periodS = 0.001, int missedEvery = 0)
    {
        var s = new ClockSeries(name, action);
        for (int i = 0; i < n; i++)
        {
            s.TickIndex.Add(i);
            s.TimeS.Add(i * periodS);
            s.LatencyUs.Add(latencyUs(i));
            s.BudgetUs.Add(budgetUs);
            s.Missed.Add(missedEvery > 0 && i % missedEvery == missedEvery - 1);
            s.LatentAgeMs.Add(action ? 100 + (i % 100) : -1);
        }

        return s;
    }
}
