using System.Globalization;
using System.Text.Json.Nodes;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using MultiRate.Training;
using MultiRate.Training.Evaluation;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary>
/// <c>multirate replay --weights DIR --targets [--log L] [--config C] [--rates R] [--json]</c>: the
/// trained policy through the runtime in virtual time, scored against the logged targets (MSE, R^2
/// per dimension) on the validation time range.
/// </summary>
internal static class EvaluateCommand
{
    public static int Execute(EvaluateArgs a, TextWriter stdout, TextWriter stderr, IAnsiConsole console, CancellationToken cancellation)
    {
        EvaluationReport r = PolicyEvaluator.Evaluate(new EvaluateRequest(a.Weights, a.Log, a.Config, a.Rates) { LogReading = a.LogReading }, cancellation);
        foreach (string w in r.Warnings)
        {
            stderr.WriteLine("warning: " + w);
        }

        if (a.Json)
        {
            Json.Write(stdout, ToJson(r));
            return 0;
        }

        var table = new Table().AddColumns("target", "MSE", "R^2");
        for (int i = 0; i < r.Targets.Count; i++)
        {
            table.AddRow(Markup.Escape(r.Targets[i]), Inv($"{r.Validation.Mse[i]:G4}"), r.Validation.R2[i] is double v ? Inv($"{v:F4}") : "n/a (constant)");
        }

        table.AddRow("mean", Inv($"{r.Validation.MeanMse:G4}"), r.Validation.MeanR2 is double m ? Inv($"{m:F4}") : "n/a");
        console.WriteLine(Inv($"{r.Mode} weights, replayed under {r.Summary.Profile}: {r.Validation.Count} action ticks scored from {r.ValidationStartRunNs / 1e9:F3} to {r.ValidationEndRunNs / 1e9:F3} s ({r.ModelActions} from the head)"));
        console.Write(table);
        return 0;
    }

    internal static JsonObject ToJson(EvaluationReport r) => new()
    {
        ["mode"] = r.Mode,
        ["profile"] = r.Summary.Profile,
        ["validation_start_s"] = r.ValidationStartRunNs / 1e9,
        ["validation_end_s"] = r.ValidationEndRunNs / 1e9,
        ["samples"] = r.Validation.Count,
        ["model_actions"] = r.ModelActions,
        ["targets"] = new JsonArray([.. r.Targets.Select(t => JsonValue.Create(t))]),
        ["mse"] = new JsonArray([.. r.Validation.Mse.Select(v => JsonValue.Create(v))]),
        ["r2"] = new JsonArray([.. r.Validation.R2.Select(v => v is double d ? JsonValue.Create(d) : null)]),
        ["mean_mse"] = r.Validation.MeanMse,
        ["mean_r2"] = r.Validation.MeanR2,
        ["actions_sha256"] = r.Summary.ActionsSha256,
    };

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
