using System.Globalization;
using System.Text.Json.Nodes;
using MultiRate.Cli.Infrastructure;
using MultiRate.Core.Errors;
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
    private static readonly string[] Flags = ["targets", "json"];
    private static readonly string[] Valued = ["weights", "log", "config", "rates"];

    public static int Execute(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, IAnsiConsole console, CancellationToken cancellation)
    {
        CliArgs a = CliArgs.Parse("replay --targets", args, Flags, Valued);
        if (a.Positionals.Count > 0)
        {
            throw new UserInputException($"multirate replay: unexpected argument '{a.Positionals[0]}'");
        }

        string weights = a.Get("weights") ?? throw new UserInputException("multirate replay --targets: missing --weights DIR (a directory written by 'multirate train --out DIR')");
        EvaluationReport r = PolicyEvaluator.Evaluate(new EvaluateRequest(weights, a.Get("log"), a.Get("config"), a.Get("rates")), cancellation);
        foreach (string w in r.Warnings)
        {
            stderr.WriteLine("warning: " + w);
        }

        if (a.Has("json"))
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

    private static JsonObject ToJson(EvaluationReport r) => new()
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
