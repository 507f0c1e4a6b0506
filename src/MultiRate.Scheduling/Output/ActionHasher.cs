using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using MultiRate.Core.Sensors;

namespace MultiRate.Scheduling.Output;

/// <summary>
/// SHA-256 over every emitted action (tick index, kind, values as IEEE-754 bits), so two runs can
/// be compared for bit-identical output from outside the process.
/// </summary>
/// <remarks>The tick index rather than wall time is hashed, so a live run and its replay hash alike. No allocation per action.</remarks>
internal sealed class ActionHasher : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private string? _final;

    public void Append(long tick, ActionKind kind, ReadOnlySpan<float> action)
    {
        Span<byte> head = stackalloc byte[9];
        BinaryPrimitives.WriteInt64LittleEndian(head, tick);
        head[8] = (byte)kind;
        _hash.AppendData(head);
        if (BitConverter.IsLittleEndian)
        {
            _hash.AppendData(MemoryMarshal.AsBytes(action));
        }
        else
        {
            Span<byte> one = stackalloc byte[4];
            foreach (float v in action)
            {
                BinaryPrimitives.WriteSingleLittleEndian(one, v);
                _hash.AppendData(one);
            }
        }
    }

    public string Finish() => _final ??= Convert.ToHexStringLower(_hash.GetHashAndReset());

    public void Dispose() => _hash.Dispose();
}
