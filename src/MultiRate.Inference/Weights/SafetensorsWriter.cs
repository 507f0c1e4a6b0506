using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;
using TorchSharp;

namespace MultiRate.Inference.Weights;

/// <summary>Writes safetensors files (export for PyTorch, and test fixtures with any dtype/shape).</summary>
public static class SafetensorsWriter
{
    /// <summary>One tensor to write: raw little-endian bytes with the dtype and shape to declare.</summary>
    /// <param name="Name">The tensor's name in the file.</param>
    /// <param name="DType">The safetensors dtype (e.g. <c>F32</c>).</param>
    /// <param name="Shape">The shape.</param>
    /// <param name="Data">The raw little-endian bytes.</param>
    public readonly record struct Item(string Name, string DType, long[] Shape, byte[] Data);

    /// <summary>Writes every tensor of <paramref name="stateDict"/> as F32 under <paramref name="prefix"/>.</summary>
    /// <param name="stateDict">A module's state dict.</param>
    /// <param name="prefix">Prepended to every name.</param>
    /// <returns>One item per tensor.</returns>
    public static IEnumerable<Item> FromStateDict(IReadOnlyDictionary<string, torch.Tensor> stateDict, string prefix)
    {
        foreach ((string name, torch.Tensor tensor) in stateDict)
        {
            float[] values = tensor.detach().cpu().contiguous().data<float>().ToArray();
            yield return new Item(prefix + name, "F32", tensor.shape, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
        }
    }

    /// <summary>Writes <paramref name="items"/> to a safetensors file at <paramref name="path"/>.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="items">The tensors.</param>
    public static void Write(string path, IEnumerable<Item> items)
    {
        var list = items.ToList();
        using var headerStream = new MemoryStream();
        using (var json = new Utf8JsonWriter(headerStream))
        {
            json.WriteStartObject();
            json.WriteStartObject("__metadata__");
            json.WriteString("format", "pt");
            json.WriteEndObject();
            long offset = 0;
            foreach (Item item in list)
            {
                json.WriteStartObject(item.Name);
                json.WriteString("dtype", item.DType);
                json.WriteStartArray("shape");
                foreach (long d in item.Shape)
                {
                    json.WriteNumberValue(d);
                }

                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset + item.Data.Length);
                json.WriteEndArray();
                json.WriteEndObject();
                offset += item.Data.Length;
            }

            json.WriteEndObject();
        }

        // The spec lets the header be padded with spaces; 8-byte alignment keeps the data aligned.
        while (headerStream.Length % 8 != 0)
        {
            headerStream.WriteByte((byte)' ');
        }

        using FileStream file = File.Create(path);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)headerStream.Length);
        file.Write(length);
        headerStream.Position = 0;
        headerStream.CopyTo(file);
        foreach (Item item in list)
        {
            file.Write(item.Data);
        }
    }
}
