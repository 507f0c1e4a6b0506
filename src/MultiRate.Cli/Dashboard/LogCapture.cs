using System.Text;
using System.Text.RegularExpressions;

namespace MultiRate.Cli.Dashboard;

/// <summary>
/// Holds the text written to standard error while the live display is up (the Serilog console sink,
/// warnings of the run), line by line, so it can be shown in the display's log panel instead of being
/// written over it, and printed once the display has ended.
/// </summary>
/// <remarks>
/// Any thread may write (Serilog's async worker, the run's threads); the dashboard thread reads. The
/// console sink reads <see cref="Console.Error"/> at each event, so swapping it is enough to catch
/// every line; ANSI colour codes are removed (the panel has its own colours). At most
/// <see cref="HeldLines"/> lines are kept (the oldest go first, counted in <see cref="Dropped"/>); the
/// log file has them all.
/// </remarks>
internal sealed partial class LogCapture : TextWriter
{
    /// <summary>Lines kept for printing after the display.</summary>
    public const int HeldLines = 1000;

    private readonly Lock _gate = new();
    private readonly StringBuilder _partial = new();
    private readonly Queue<string> _lines = new();
    private long _total;

    /// <inheritdoc />
    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Complete lines written so far.</summary>
    public long Total
    {
        get
        {
            lock (_gate)
            {
                return _total;
            }
        }
    }

    /// <summary>Lines that were dropped to keep at most <see cref="HeldLines"/>.</summary>
    public long Dropped
    {
        get
        {
            lock (_gate)
            {
                return _total - _lines.Count;
            }
        }
    }

    /// <summary>Swaps <see cref="Console.Error"/> for a new capture; disposing the result puts the original back and prints what was held on it.</summary>
    public static Redirect CaptureStandardError()
    {
        var capture = new LogCapture();
        TextWriter original = Console.Error;
        Console.SetError(TextWriter.Synchronized(capture));
        return new Redirect(capture, original);
    }

    /// <inheritdoc />
    public override void Write(char value)
    {
        lock (_gate)
        {
            Append(value);
        }
    }

    /// <inheritdoc />
    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        lock (_gate)
        {
            foreach (char c in value)
            {
                Append(c);
            }
        }
    }

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    /// <summary>The last <paramref name="n"/> complete lines, oldest first.</summary>
    public IReadOnlyList<string> Last(int n)
    {
        lock (_gate)
        {
            return [.. _lines.Skip(Math.Max(0, _lines.Count - n))];
        }
    }

    /// <summary>Every line held, oldest first, with a line still unfinished (no newline yet) at the end.</summary>
    public IReadOnlyList<string> Held()
    {
        lock (_gate)
        {
            return _partial.Length == 0 ? [.. _lines] : [.. _lines, Clean(_partial.ToString())];
        }
    }

    private void Append(char c)
    {
        if (c == '\n')
        {
            _lines.Enqueue(Clean(_partial.ToString()));
            _partial.Clear();
            _total++;
            if (_lines.Count > HeldLines)
            {
                _lines.Dequeue();
            }
        }
        else if (c != '\r')
        {
            _partial.Append(c);
        }
    }

    private static string Clean(string line) => AnsiCode().Replace(line, string.Empty);

    [GeneratedRegex(@"\x1B\[[0-?]*[ -/]*[@-~]")]
    private static partial Regex AnsiCode();

    /// <summary>A swapped <see cref="Console.Error"/>; dispose to restore it and print the held lines.</summary>
    internal sealed class Redirect(LogCapture capture, TextWriter original) : IDisposable
    {
        private bool _disposed;

        /// <summary>The capture.</summary>
        public LogCapture Capture => capture;

        /// <inheritdoc />
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Console.SetError(original);
            long dropped = capture.Dropped;
            if (dropped > 0)
            {
                original.WriteLine($"({dropped} earlier log lines from the run are in the log file only)");
            }

            foreach (string line in capture.Held())
            {
                original.WriteLine(line);
            }

            original.Flush();
        }
    }
}
