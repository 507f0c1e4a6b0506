namespace MultiRate.Recording;

/// <summary>
/// Wraps the recording's file so that a write error (a full disk, an I/O error) is kept instead of
/// thrown: later writes are dropped, the run goes on, and <see cref="McapRunRecorder.Dispose"/> reports
/// the error once the run's summary is known. A robot run is never stopped by its own recording.
/// </summary>
/// <remarks>Written by the recorder's writer thread (and by its owner before and after it); the fault is published with a volatile write.</remarks>
internal sealed class FaultLatchingStream(Stream inner) : Stream
{
    private volatile Exception? _fault;

    /// <summary>The first write error, or null.</summary>
    public Exception? Fault => _fault;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_fault is not null)
        {
            return;
        }

        try
        {
            inner.Write(buffer);
        }
        catch (IOException ex)
        {
            _fault = ex;
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush()
    {
        if (_fault is not null)
        {
            return;
        }

        try
        {
            inner.Flush();
        }
        catch (IOException ex)
        {
            _fault = ex;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                inner.Dispose();
            }
            catch (IOException ex)
            {
                // Disposing flushes what the file stream still buffers: on a full disk that fails too.
                _fault ??= ex;
            }
        }

        base.Dispose(disposing);
    }
}
