using MultiRate.Runtime.Reload;
using MultiRate.Hosting.Telemetry;
using MultiRate.Scheduling.Executor;
using Spectre.Console;

namespace MultiRate.Cli.Dashboard;

/// <summary>
/// The dashboard of <c>run</c>/<c>replay</c>: a live table (terminal) or a plain line per second
/// (redirected output), drawn from its own normal-priority background thread, never from a clock thread.
/// </summary>
/// <remarks>
/// <see cref="Start"/> runs on the caller of <c>RunSession.Started</c>; the frames are drawn on the
/// thread <c>multirate-dashboard</c>, which only reads counters and the <see cref="LiveStats"/>
/// recorders. Live frames: at most 4 a second (<see cref="LiveInterval"/>), on the terminal's
/// alternate screen (see <see cref="ScreenFrame"/>), or, where the terminal has none, redrawn in
/// place with one final frame. While the live display is up, standard error is held
/// (<see cref="LogCapture"/>): its last lines are shown in the display's log panel and all of them
/// are printed once the display has ended. Nothing else may write to standard output between
/// <see cref="Start"/> and <see cref="Stop"/>.
/// </remarks>
internal sealed class LiveDashboard : IDisposable
{
    /// <summary>Shortest time between two live frames (4 Hz).</summary>
    public static readonly TimeSpan LiveInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Log lines the live display's log panel shows (the newest).</summary>
    public const int LogPanelLines = 6;

    /// <summary>Shortest time between two plain lines.</summary>
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(1);

    private readonly IAnsiConsole _console;
    private readonly LiveStats? _live;
    private readonly Func<ReloadResult?>? _reload;
    private readonly string _verb;
    private readonly TimeProvider _time;
    private readonly ManualResetEventSlim _stop = new();
    private Thread? _thread;
    private DashboardSampler? _sampler;
    private LogCapture.Redirect? _capture;
    private (int Width, int Height) _size;

    public LiveDashboard(IAnsiConsole console, DashboardMode mode, string verb, LiveStats? live, Func<ReloadResult?>? reload, TimeProvider? time = null)
    {
        _console = console;
        Mode = mode;
        _verb = verb;
        _live = live;
        _reload = reload;
        _time = time ?? TimeProvider.System;
    }

    public DashboardMode Mode { get; }

    /// <summary>Frames (or plain lines) drawn so far.</summary>
    public int Frames { get; private set; }

    /// <summary>Why the dashboard stopped drawing early, if it did (the run is never affected).</summary>
    public Exception? Error { get; private set; }

    /// <summary>Starts drawing <paramref name="executor"/> (no-op when <see cref="Mode"/> is off).</summary>
    public void Start(MultiRateExecutor executor)
    {
        if (Mode == DashboardMode.Off || _thread is not null)
        {
            return;
        }

        _sampler = new DashboardSampler(executor, _live, _reload, _verb, _time);
        if (Mode == DashboardMode.Live)
        {
            // Lines on stderr (the console log sink's warnings) would land inside the table: hold them for the log panel.
            _capture = LogCapture.CaptureStandardError();
        }

        _thread = new Thread(Loop) { IsBackground = true, Name = "multirate-dashboard", Priority = ThreadPriority.Normal };
        _thread.Start();
    }

    /// <summary>Ends the display (live mode: the final frame, or the full screen closed) and prints the log lines it held.</summary>
    public void Stop()
    {
        _stop.Set();
        _thread?.Join();
        _capture?.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Stop();
        _stop.Dispose();
    }

    /// <summary>
    /// The refresh loop: waits, and draws whenever <paramref name="gate"/> allows, until <paramref name="wait"/>
    /// reports the stop signal. Separate from the thread so tests can drive it on a fake clock.
    /// </summary>
    /// <param name="gate">The rate limit.</param>
    /// <param name="wait">Waits up to the given time; true when asked to stop.</param>
    /// <param name="sample">Reads the run.</param>
    /// <param name="show">Draws one frame.</param>
    /// <param name="finalFrame">Draw once more after the stop (once the gate allows).</param>
    internal void RunLoop(RefreshGate gate, Func<TimeSpan, bool> wait, Func<DashboardSnapshot> sample, Action<DashboardSnapshot> show, bool finalFrame)
    {
        while (!wait(gate.UntilOpen()))
        {
            if (gate.TryEnter())
            {
                show(sample());
                Frames++;
            }
        }

        if (finalFrame)
        {
            Thread.Sleep(gate.UntilOpen());
            gate.TryEnter();
            show(sample());
            Frames++;
        }
    }

    /// <summary>The console's own writer: plain lines are log-like and must not be wrapped at the console width.</summary>
    private TextWriter PlainOut => _console.Profile.Out.Writer;

    private DashboardSnapshot SampleWithLog()
    {
        DashboardSnapshot frame = _sampler!.Sample();
        return _capture is { Capture: { } log } ? frame with { Log = log.Last(LogPanelLines), LogTotal = log.Total } : frame;
    }

    private void DrawFullScreen(DashboardSnapshot frame)
    {
        (int Width, int Height) size = (_console.Profile.Width, _console.Profile.Height);
        string text = ScreenFrame.Compose(DashboardRenderer.Render(frame, size.Width), size.Width, size.Height, _console.Profile.Capabilities.ColorSystem, eraseFirst: size != _size);
        _size = size;
        TextWriter output = _console.Profile.Out.Writer;
        output.Write(text);
        output.Flush();
    }

    private void Loop()
    {
        try
        {
            if (Mode == DashboardMode.Live && _console.Profile.Capabilities.AlternateBuffer)
            {
                // No final frame: the screen it would be drawn on closes at once; the summary table follows.
                var gate = new RefreshGate(LiveInterval, _time, openAtStart: true);
                _console.AlternateScreen(() =>
                {
                    _console.Cursor.Hide();
                    try
                    {
                        RunLoop(gate, _stop.Wait, SampleWithLog, DrawFullScreen, finalFrame: false);
                    }
                    finally
                    {
                        _console.Cursor.Show();
                    }
                });
            }
            else if (Mode == DashboardMode.Live)
            {
                var gate = new RefreshGate(LiveInterval, _time, openAtStart: true);
                _console.Live(new Markup(string.Empty)).AutoClear(false).Start(ctx =>
                    RunLoop(gate, _stop.Wait, SampleWithLog, frame =>
                    {
                        ctx.UpdateTarget(DashboardRenderer.Render(frame, _console.Profile.Width));
                        ctx.Refresh();
                    }, finalFrame: true));
            }
            else
            {
                var gate = new RefreshGate(PlainInterval, _time, openAtStart: false);
                RunLoop(gate, _stop.Wait, _sampler!.Sample, frame => PlainOut.WriteLine(DashboardRenderer.PlainLine(frame)), finalFrame: false);
            }
        }
#pragma warning disable CA1031 // A broken terminal must not take the run down: the dashboard just stops drawing.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Error = ex;
        }
    }
}
