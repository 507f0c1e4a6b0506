using System.Buffers.Binary;
using System.Text.Json;

namespace MultiRate.Inference.Weights;

/// <summary>
/// Reads the safetensors format: a little-endian u64 header length, a JSON header
/// <c>{name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__": {...}}</c>, then the raw
/// data. Parsed here directly (no pickle, no code execution).
/// </summary>
internal sealed class SafetensorsFile
{
    private const long MaxHeaderBytes = 100L * 1024 * 1024;

    private SafetensorsFile(string path, long dataStart, Dictionary<string, SafetensorEntry> entries)
    {
        Path = path;
        DataStart = dataStart;
        Entries = entries;
    }

    public string Path { get; }

    public long DataStart { get; }

    public IReadOnlyDictionary<string, SafetensorEntry> Entries { get; }

    /// <summary>Reads and checks the header; every malformed entry is reported together.</summary>
    /// <exception cref="WeightsException">The file is not valid safetensors.</exception>
    public static SafetensorsFile Open(string path)
    {
        MultiRate.Core.IO.InputFiles.CheckRegular(path, "weights file", MultiRate.Core.IO.InputFiles.WeightsCapBytes);
        using FileStream stream = File.OpenRead(path);
        long length = stream.Length;
        Span<byte> prefix = stackalloc byte[8];
        if (length < 8 || stream.Read(prefix) != 8)
        {
            throw new WeightsException(path, [$"byte 0: expected an 8-byte little-endian header length, but the file has {length} bytes"]);
        }

        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (headerLength > (ulong)(length - 8) || headerLength > MaxHeaderBytes)
        {
            throw new WeightsException(path, [$"byte 0: header length {headerLength} does not fit the file ({length} bytes); is this a safetensors file?"]);
        }

        byte[] header = new byte[headerLength];
        stream.ReadExactly(header);
        long dataStart = 8 + (long)headerLength;
        if (System.Text.Unicode.Utf8.ToUtf16(header, new char[header.Length], out int validBytes, out _, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
        {
            // JsonDocument would throw an undocumented exception type on invalid UTF-8 in a name.
            throw new WeightsException(path, [$"byte {8 + validBytes}: the JSON header is not valid UTF-8"]);
        }

        var entries = new Dictionary<string, SafetensorEntry>(StringComparer.Ordinal);
        var problems = new List<string>();
        try
        {
            using JsonDocument doc = JsonDocument.Parse(header);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new WeightsException(path, ["byte 8: expected the JSON header to be an object"]);
            }

            foreach (JsonProperty property in doc.RootElement.EnumerateObject())
            {
                if (property.Name == "__metadata__")
                {
                    continue;
                }

                SafetensorEntry? entry = ParseEntry(property, length - dataStart, problems);
                if (entry is not null && !entries.TryAdd(entry.Name, entry))
                {
                    // JSON allows a repeated key; the tensor it names would be ambiguous.
                    problems.Add($"tensor '{entry.Name}': named more than once in the header");
                }
            }

            AddOverlaps(entries.Values, problems);
        }
        catch (JsonException ex)
        {
            throw new WeightsException(path, [$"byte {8 + (ex.BytePositionInLine ?? 0)} (header line {(ex.LineNumber ?? 0) + 1}): malformed JSON header: {ex.Message}"]);
        }

        if (problems.Count > 0)
        {
            throw new WeightsException(path, problems);
        }

        return new SafetensorsFile(path, dataStart, entries);
    }

    /// <summary>Two tensors whose data ranges share bytes: one of them would read the other's values.</summary>
    private static void AddOverlaps(IEnumerable<SafetensorEntry> entries, List<string> problems)
    {
        SafetensorEntry? previous = null;
        foreach (SafetensorEntry e in entries.Where(e => e.End > e.Begin).OrderBy(e => e.Begin).ThenBy(e => e.End))
        {
            if (previous is not null && e.Begin < previous.End)
            {
                problems.Add($"tensor '{e.Name}': data_offsets [{e.Begin}, {e.End}] overlap tensor '{previous.Name}' [{previous.Begin}, {previous.End}]");
            }

            if (previous is null || e.End > previous.End)
            {
                previous = e;
            }
        }
    }

    /// <summary>Reads one tensor as float32, converting F16 and BF16.</summary>
    public float[] ReadFloats(SafetensorEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        byte[] raw = new byte[entry.End - entry.Begin];
        using (FileStream stream = File.OpenRead(Path))
        {
            stream.Position = DataStart + entry.Begin;
            stream.ReadExactly(raw);
        }

        float[] values = new float[entry.Elements];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = entry.DType switch
            {
                "F32" => BinaryPrimitives.ReadSingleLittleEndian(raw.AsSpan(i * 4)),
                "F16" => (float)BinaryPrimitives.ReadHalfLittleEndian(raw.AsSpan(i * 2)),
                "BF16" => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(raw.AsSpan(i * 2)) << 16),
                _ => throw new WeightsException(Path, [$"{entry.Name}: dtype {entry.DType} is not supported (expected F32, F16 or BF16)"]),
            };
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                // A model computing with NaN or Inf weights yields no usable action: refuse it at load.
                throw new WeightsException(Path, [$"tensor '{entry.Name}': element {i} is {values[i]}; weights must be finite numbers"]);
            }
        }

        return values;
    }

    private static SafetensorEntry? ParseEntry(JsonProperty property, long dataLength, List<string> problems)
    {
        string name = property.Name;
        JsonElement value = property.Value;
        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty("dtype", out JsonElement dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String
            || !value.TryGetProperty("shape", out JsonElement shapeElement) || shapeElement.ValueKind != JsonValueKind.Array
            || !value.TryGetProperty("data_offsets", out JsonElement offsetsElement) || offsetsElement.ValueKind != JsonValueKind.Array
            || offsetsElement.GetArrayLength() != 2)
        {
            problems.Add($"{name}: expected {{\"dtype\": string, \"shape\": [ints], \"data_offsets\": [begin, end]}}");
            return null;
        }

        var shape = new List<long>();
        foreach (JsonElement dim in shapeElement.EnumerateArray())
        {
            if (dim.ValueKind != JsonValueKind.Number || !dim.TryGetInt64(out long d) || d < 0)
            {
                problems.Add($"{name}: shape must hold non-negative integers");
                return null;
            }

            shape.Add(d);
        }

        if (!offsetsElement[0].TryGetInt64(out long begin) || !offsetsElement[1].TryGetInt64(out long end) || begin < 0 || end < begin || end > dataLength)
        {
            problems.Add($"{name}: data_offsets [{offsetsElement[0]}, {offsetsElement[1]}] are outside the data section ({dataLength} bytes)");
            return null;
        }

        var entry = new SafetensorEntry(name, dtypeElement.GetString()!, shape.ToArray(), begin, end);
        int size = SafetensorEntry.ElementSize(entry.DType);
        long? elements = entry.CheckedElements;
        long? bytes = null;
        if (elements is long n)
        {
            try
            {
                bytes = checked(n * Math.Max(size, 1));
            }
            catch (OverflowException)
            {
            }
        }

        if (bytes is null)
        {
            problems.Add($"{name}: {entry.DType} {SafetensorEntry.FormatShape(entry.Shape)} has more than 2^63 bytes of elements; the shape is corrupt");
            return null;
        }

        if (size > 0 && bytes != end - begin)
        {
            problems.Add($"{name}: {entry.DType} {SafetensorEntry.FormatShape(entry.Shape)} needs {bytes} bytes but data_offsets span {end - begin}");
            return null;
        }

        if (elements > Array.MaxLength)
        {
            problems.Add($"{name}: {entry.DType} {SafetensorEntry.FormatShape(entry.Shape)} has {elements} elements, more than one tensor can be loaded ({Array.MaxLength})");
            return null;
        }

        return entry;
    }
}
