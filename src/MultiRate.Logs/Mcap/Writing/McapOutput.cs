using System.IO.Hashing;

namespace MultiRate.Logs.Mcap;

/// <summary>The writer's destination: tracks the file position and the data-section CRC.</summary>
internal sealed class McapOutput
{
    private readonly Stream _stream;
    private readonly Crc32 _dataCrc = new();
    private bool _dataEnded;

    private readonly bool _flushToDisk;

    public McapOutput(Stream stream, bool flushToDisk = false)
    {
        _stream = stream;
        _flushToDisk = flushToDisk;
    }

    /// <summary>Records are serialized here, then written by <see cref="Emit"/>.</summary>
    public McapBufferWriter Scratch { get; } = new();

    /// <summary>File offset of the next byte written.</summary>
    public ulong Position { get; private set; }

    /// <summary>CRC-32 of every byte written so far (the data section, until <see cref="EndData"/>).</summary>
    public uint DataCrc => _dataCrc.GetCurrentHashAsUInt32();

    /// <summary>Writes the scratch buffer to the stream and clears it.</summary>
    public void Emit()
    {
        ReadOnlySpan<byte> bytes = Scratch.WrittenSpan;
        _stream.Write(bytes);
        if (!_dataEnded)
        {
            _dataCrc.Append(bytes);
        }

        Position += (ulong)bytes.Length;
        Scratch.Reset();
    }

    /// <summary>Stops the data-section CRC (called once Data End is written).</summary>
    public void EndData() => _dataEnded = true;

    /// <summary>Pushes written bytes to the operating system (and to the disk when asked), so a crash of the process cannot lose them.</summary>
    public void Flush()
    {
        if (_flushToDisk && _stream is FileStream file)
        {
            file.Flush(flushToDisk: true);
        }
        else
        {
            _stream.Flush();
        }
    }
}
