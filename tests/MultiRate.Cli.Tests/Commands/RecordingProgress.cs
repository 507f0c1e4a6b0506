using MultiRate.Core.Files;

namespace MultiRate.Cli.Tests.Commands;

/// <summary>How far a recording in progress has got: while a run records, its bytes are in <c>&lt;name&gt;.partial</c>.</summary>
internal static class RecordingProgress
{
    /// <summary>Bytes written so far to <paramref name="recording"/> (its <c>.partial</c> while the run goes on).</summary>
    public static long Bytes(string recording)
    {
        string partial = recording + OutputFile.PartialSuffix;
        return File.Exists(partial) ? new FileInfo(partial).Length : File.Exists(recording) ? new FileInfo(recording).Length : 0;
    }
}
