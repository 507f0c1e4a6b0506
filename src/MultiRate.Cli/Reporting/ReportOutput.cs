using MultiRate.Core.Files;

namespace MultiRate.Cli.Reporting;

/// <summary>How <c>multirate report</c> writes its files: each through <see cref="OutputFile"/>, never over the recording it reads.</summary>
internal static class ReportOutput
{
    /// <summary>The option named in messages.</summary>
    public const string Option = "multirate report: --out";

    /// <summary>Writes <c>summary.md</c> (or any text file of the report).</summary>
    public static void WriteText(string path, string text, string recording) => OutputFile.WriteAllText(path, text, [recording], Option);
}
