using Microsoft.Win32.SafeHandles;
using MultiRate.Core.Errors;

namespace MultiRate.Core.Files;

/// <summary>
/// One output file of a command, written so that no input is ever destroyed and no reader ever sees a
/// half-written file: the path is refused when it is the same file as any input (device and inode
/// compared, so hard and symbolic links are caught); the content goes to <c>&lt;name&gt;.partial</c>
/// beside it and is renamed over <c>&lt;name&gt;</c> by <see cref="Commit"/>; an exclusive lock on
/// <c>&lt;name&gt;.lock</c> refuses a second writer to the same path. A device (<c>/dev/null</c>,
/// <c>/dev/full</c>) is written in place: there is nothing to rename and nothing to protect. So is a
/// FIFO, once a reader is known to be there (<see cref="FifoReaderCheck"/>): a FIFO nobody reads is
/// refused instead of waiting for ever; a socket is refused.
/// </summary>
/// <remarks>
/// Disposed without <see cref="Commit"/> (an error, or a crash), the <c>.partial</c> file stays as
/// written and the target is untouched. Every refusal is a <see cref="UserInputException"/> naming the
/// option and the path (exit 2). Not thread-safe: one owner.
/// </remarks>
public sealed class OutputFile : IDisposable
{
    /// <summary>Suffix of the file written until <see cref="Commit"/>.</summary>
    public const string PartialSuffix = ".partial";

    /// <summary>Suffix of the lock file held while writing.</summary>
    public const string LockSuffix = ".lock";

    private readonly FileStream? _lock;
    private readonly SafeFileHandle? _fifoWriteEnd;
    private readonly string _lockPath;
    private FileStream? _stream;
    private bool _committed;
    private bool _disposed;

    private OutputFile(string path, string option, bool direct, FileStream? lockStream, SafeFileHandle? fifoWriteEnd = null)
    {
        Path = path;
        Option = option;
        IsDirect = direct;
        WritePath = direct ? path : path + PartialSuffix;
        _lockPath = path + LockSuffix;
        _lock = lockStream;
        _fifoWriteEnd = fifoWriteEnd;
    }

    /// <summary>The output's final path.</summary>
    public string Path { get; }

    /// <summary>The option that named it (for messages), e.g. <c>--record</c>.</summary>
    public string Option { get; }

    /// <summary>Where the content is written until <see cref="Commit"/>: <c>&lt;name&gt;.partial</c>, or the device itself.</summary>
    public string WritePath { get; }

    /// <summary>True for a device written in place (no <c>.partial</c>, no rename, no lock).</summary>
    public bool IsDirect { get; }

    /// <summary>Checks the path and takes the lock, opening nothing else: for writers that take a path (<see cref="WritePath"/>).</summary>
    /// <param name="path">The output path.</param>
    /// <param name="inputs">Every input of the command (null entries are ignored).</param>
    /// <param name="option">The option naming the output, for messages (e.g. <c>--record</c>).</param>
    /// <exception cref="UserInputException">The path is an input, a directory, a socket, a FIFO no process reads, locked by another writer, or cannot be written.</exception>
    public static OutputFile Reserve(string path, IEnumerable<string?> inputs, string option)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(inputs);
        CheckNotAnInput(path, inputs, option);
        FileIdentity? target = Identify(path, option);
        if (target is { Kind: FileKind.Directory })
        {
            throw new UserInputException($"{option} '{path}': is a directory (expected a file path)");
        }

        if (target is { Kind: FileKind.Fifo })
        {
            return new OutputFile(path, option, direct: true, lockStream: null, FifoReaderCheck.HoldWriteEnd(path, option));
        }

        if (target is { Kind: FileKind.Other })
        {
            throw new UserInputException($"{option} '{path}': is a socket or another special file (expected a file path, a device or a FIFO)");
        }

        if (target is { Kind: FileKind.Device })
        {
            return new OutputFile(path, option, direct: true, lockStream: null);
        }

        return new OutputFile(path, option, direct: false, Lock(path, option));
    }

    /// <summary>As <see cref="Reserve"/>, and opens <see cref="Stream"/> on <see cref="WritePath"/>.</summary>
    /// <inheritdoc cref="Reserve" path="/param"/>
    /// <exception cref="UserInputException">As <see cref="Reserve"/>.</exception>
    public static OutputFile Create(string path, IEnumerable<string?> inputs, string option)
    {
        OutputFile output = Reserve(path, inputs, option);
        try
        {
            output._stream = new FileStream(output.WritePath, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1 << 16);
            return output;
        }
        catch (Exception ex) when (IsIo(ex))
        {
            output.Dispose();
            throw new UserInputException($"{option} '{path}': cannot create {output.WritePath}: {ex.Message} (expected a writable file path)", ex);
        }
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8) to <paramref name="path"/> through a checked, locked, renamed output.</summary>
    /// <exception cref="UserInputException">As <see cref="Reserve"/>, or the write failed (e.g. the disk is full).</exception>
    public static void WriteAllText(string path, string text, IEnumerable<string?> inputs, string option)
    {
        using OutputFile output = Create(path, inputs, option);
        try
        {
            using (var writer = new StreamWriter(output.Stream, leaveOpen: true))
            {
                writer.Write(text);
            }
        }
        catch (Exception ex) when (IsIo(ex))
        {
            throw output.Failed(ex);
        }

        output.Commit();
    }

    /// <summary>
    /// Runs <paramref name="writeToPath"/> on <see cref="WritePath"/> (for a writer that takes a path, such as a
    /// plotting library) and commits; a failed write (a full disk, an I/O error) becomes <see cref="Failed"/>.
    /// </summary>
    /// <exception cref="UserInputException">The write or the commit failed.</exception>
    public void WriteAndCommit(Action<string> writeToPath)
    {
        ArgumentNullException.ThrowIfNull(writeToPath);
        try
        {
            writeToPath(WritePath);
        }
        catch (Exception ex) when (IsIo(ex))
        {
            throw Failed(ex);
        }

        Commit();
    }

    /// <summary>Refuses <paramref name="path"/> (or its <c>.partial</c> or <c>.lock</c>) when it is the same file as an input.</summary>
    /// <exception cref="UserInputException">It is.</exception>
    public static void CheckNotAnInput(string path, IEnumerable<string?> inputs, string option)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        FileIdentity?[] outputs = [Identify(path, option), Identify(path + PartialSuffix, option), Identify(path + LockSuffix, option)];
        foreach (string input in inputs.OfType<string>().Where(i => i.Length > 0))
        {
            FileIdentity? id = Identify(input, "input");
            if (id is { Kind: not FileKind.Device } && outputs.Contains(id))
            {
                throw new UserInputException(
                    $"{option} '{path}': is the same file as the input '{input}'; writing it would destroy that input (choose another output path)");
            }
        }
    }

    /// <summary>The stream on <see cref="WritePath"/> (from <see cref="Create"/>); its owner may dispose it before <see cref="Commit"/>.</summary>
    public Stream Stream => _stream ?? throw new InvalidOperationException($"{Path}: reserved without a stream; write to {WritePath}");

    /// <summary>A failure while writing, as the error to report: names the option and the path.</summary>
    public UserInputException Failed(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        string kept = IsDirect ? string.Empty : $"; what was written is in {WritePath}";
        return new UserInputException($"{Option} '{Path}': writing failed: {error.Message}{kept}", error);
    }

    /// <summary>Flushes the content to disk and renames <see cref="WritePath"/> over <see cref="Path"/>; then releases the lock.</summary>
    /// <exception cref="UserInputException">Flushing or renaming failed (e.g. the disk is full); the target is untouched.</exception>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
        {
            return;
        }

        try
        {
            FlushToDisk();
            if (!IsDirect)
            {
                File.Move(WritePath, Path, overwrite: true);
            }
        }
        catch (Exception ex) when (IsIo(ex))
        {
            throw Failed(ex);
        }

        _committed = true;
        ReleaseLock();
    }

    /// <summary>Closes the output. Without <see cref="Commit"/>, the <c>.partial</c> file stays as written and the target is untouched.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            _stream?.Dispose();
        }
        catch (Exception ex) when (IsIo(ex))
        {
            // The write already failed or will be reported by the owner; the partial file stays as it is.
        }

        ReleaseLock();
    }

    private void FlushToDisk()
    {
        if (_stream is { CanWrite: true })
        {
            _stream.Flush(flushToDisk: !IsDirect);
            _stream.Dispose();
        }
        else if (!IsDirect && File.Exists(WritePath))
        {
            // The owner closed the stream: fsync through a second handle, so the rename never exposes unwritten data.
            using var sync = new FileStream(WritePath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            sync.Flush(flushToDisk: true);
        }
        else if (!IsDirect)
        {
            throw new FileNotFoundException($"{WritePath} was not written");
        }
    }

    private static FileStream Lock(string path, string option)
    {
        string lockPath = path + LockSuffix;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            FileStream stream;
            try
            {
                // FileShare.None takes an exclusive flock(2) on Unix: a second writer's open fails at once.
                stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
            }
            catch (IOException ex) when (File.Exists(lockPath))
            {
                throw new UserInputException($"{option} '{path}': another process is writing it (it holds {lockPath}); wait for it to finish or choose another path", ex);
            }
            catch (Exception ex) when (IsIo(ex))
            {
                throw new UserInputException($"{option} '{path}': cannot write there: {ex.Message} (expected a writable file path)", ex);
            }

            // The previous holder deletes the lock file when done: a lock on a deleted file locks nothing, so try again.
            if (FileIdentity.Of(stream.SafeFileHandle) == FileIdentity.Of(lockPath) || !OperatingSystem.IsLinux())
            {
                return stream;
            }

            stream.Dispose();
        }

        throw new UserInputException($"{option} '{path}': another process keeps taking {lockPath}; choose another path");
    }

    private void ReleaseLock()
    {
        _fifoWriteEnd?.Dispose();
        if (_lock is null || !_lock.CanRead)
        {
            return;
        }

        try
        {
            File.Delete(_lockPath);
        }
        catch (Exception ex) when (IsIo(ex))
        {
            // A stale lock file is harmless: the lock is the flock, released below.
        }

        _lock.Dispose();
    }

    private static FileIdentity? Identify(string path, string option)
    {
        try
        {
            return FileIdentity.Of(path);
        }
        catch (Exception ex) when (IsIo(ex))
        {
            throw new UserInputException($"{option} '{path}': {ex.Message}", ex);
        }
    }

    private static bool IsIo(Exception ex) => ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException;
}
