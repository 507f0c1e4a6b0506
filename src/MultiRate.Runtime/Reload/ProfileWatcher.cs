using MultiRate.Configuration.Rates;
using MultiRate.Core.Errors;
using MultiRate.Core.Rates;
using MultiRate.Scheduling.Executor;
using Serilog;

namespace MultiRate.Runtime.Reload;

/// <summary>
/// Budget hot reload: watches the running profile's file and, after each save settles, validates
/// the edit against the profile in use. A valid edit goes to <see cref="MultiRateExecutor.Reload"/>
/// (in effect at the next base tick) with an Information line listing what changed; an invalid one is
/// rejected with a Warning line listing every error, and the old values stay.
/// </summary>
/// <remarks>
/// File events arrive on the watcher's thread and are debounced (editors write a file in several
/// steps, or save by rename); the edit is then read and applied on a timer thread. Neither is ever
/// a clock thread. The decision itself is <see cref="TryApply"/>, which needs no file system.
/// </remarks>
public sealed class ProfileWatcher : IDisposable
{
    /// <summary>How long the file must stay quiet before an edit is read.</summary>
    public static readonly TimeSpan DefaultDebounce = TimeSpan.FromMilliseconds(250);

    private readonly Func<RateProfile> _current;
    private readonly Action<RateProfile> _apply;
    private readonly ILogger _log;
    private readonly TimeSpan _debounce;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private FileSystemWatcher? _watcher;
    private ITimer? _timer;
    private RateProfile? _requested;
    private string? _lastText;
    private ReloadResult? _lastResult;
    private bool _missingReported;

    /// <summary>Watches <paramref name="path"/> and reloads <paramref name="executor"/>.</summary>
    /// <param name="path">The profile file the run was started with.</param>
    /// <param name="executor">The running executor.</param>
    /// <param name="log">Where the reload lines go.</param>
    /// <param name="debounce">Quiet time before an edit is read (default <see cref="DefaultDebounce"/>).</param>
    public ProfileWatcher(string path, MultiRateExecutor executor, ILogger log, TimeSpan? debounce = null)
        : this(path, () => executor.Profile, executor.Reload, log, debounce, null)
    {
        ArgumentNullException.ThrowIfNull(executor);
    }

    internal ProfileWatcher(string path, Func<RateProfile> current, Action<RateProfile> apply, ILogger log, TimeSpan? debounce, TimeProvider? time)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(log);
        Path = System.IO.Path.GetFullPath(path);
        _current = current;
        _apply = apply;
        _log = log.ForContext<ProfileWatcher>();
        _debounce = debounce ?? DefaultDebounce;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The watched file.</summary>
    public string Path { get; }

    /// <summary>The last edit's result (null before the first edit); read from any thread.</summary>
    public ReloadResult? LastResult => Volatile.Read(ref _lastResult);

    /// <summary>Edits applied so far.</summary>
    public int Applied { get; private set; }

    /// <summary>Edits rejected so far.</summary>
    public int Rejected { get; private set; }

    /// <summary>Starts watching the file.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_watcher is not null)
            {
                return;
            }

            _lastText = TryRead();
            _timer = _time.CreateTimer(_ => ReloadFromFile(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _watcher = new FileSystemWatcher(System.IO.Path.GetDirectoryName(Path)!, System.IO.Path.GetFileName(Path))
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName | NotifyFilters.CreationTime,
            };
            _watcher.Changed += (_, _) => Poke();
            _watcher.Created += (_, _) => Poke();
            _watcher.Deleted += (_, _) => Poke();
            _watcher.Renamed += (_, e) =>
            {
                if (string.Equals(e.FullPath, Path, StringComparison.Ordinal) || string.Equals(e.OldFullPath, Path, StringComparison.Ordinal))
                {
                    Poke();
                }
            };
            _watcher.EnableRaisingEvents = true;
        }
    }

    /// <summary>
    /// Validates <paramref name="yamlText"/> as an edit of the profile in use and, when valid and
    /// different, hands it to the executor. Logs the outcome. Thread-safe.
    /// </summary>
    public ReloadResult TryApply(string yamlText)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        lock (_gate)
        {
            // Compare with the last edit handed over, which the executor may not have applied yet.
            RateProfile baseline = _requested ?? _current();
            ReloadResult result;
            try
            {
                RateProfile updated = RateProfileLoader.ParseEdit(yamlText, Path, baseline);
                IReadOnlyList<string> changes = ProfileDiff.Describe(baseline, updated);
                if (changes.Count == 0)
                {
                    result = new ReloadResult(ReloadOutcome.Unchanged, [], []);
                    _log.Debug("Profile {Path} saved with no live change", Path);
                }
                else
                {
                    _apply(updated);
                    _requested = updated;
                    Applied++;
                    result = new ReloadResult(ReloadOutcome.Applied, changes, []);
                    _log.Information("Profile {Path} reloaded, in effect from the next tick: {Changes}", Path, string.Join("; ", changes));
                }
            }
            catch (ValidationException ex)
            {
                string[] errors = [.. ex.Errors.Select(e => e.ToString())];
                Rejected++;
                result = new ReloadResult(ReloadOutcome.Rejected, [], errors);
                _log.Warning("Profile {Path} edit rejected, the old values stay: {Errors}", Path, string.Join("; ", errors));
            }

            Volatile.Write(ref _lastResult, result);
            return result;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _watcher?.Dispose();
            _timer?.Dispose();
            _watcher = null;
        }
    }

    /// <summary>A file event: (re)starts the quiet period.</summary>
    internal void Poke() => _timer?.Change(_debounce, Timeout.InfiniteTimeSpan);

    /// <summary>Reads the file after the quiet period and applies it unless the text is unchanged.</summary>
    internal void ReloadFromFile()
    {
        string? text = TryRead();
        if (text is null || text == Volatile.Read(ref _lastText))
        {
            // Missing mid-save (a rename is coming) or the same bytes again (editors raise several events).
            return;
        }

        Volatile.Write(ref _lastText, text);
        TryApply(text);
    }

    private string? TryRead()
    {
        if (!File.Exists(Path))
        {
            // Still gone after the quiet period: not an editor's save-by-rename but a deletion. Said once.
            if (!_missingReported && _watcher is not null)
            {
                _missingReported = true;
                _log.Warning("Profile {Path} was deleted or moved away; the run keeps the profile it loaded, and a file saved there again is reloaded", Path);
            }

            return null;
        }

        _missingReported = false;
        try
        {
            return MultiRate.Core.IO.InputFiles.ReadText(Path, "rate profile", MultiRate.Core.IO.InputFiles.ConfigCapBytes);
        }
        catch (UserInputException ex)
        {
            _log.Warning("Profile {Path} cannot be reloaded: {Reason}", Path, ex.Message);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _log.Debug("Profile {Path} not readable yet: {Reason}", Path, ex.Message);
            return null;
        }
    }
}
