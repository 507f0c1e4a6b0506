using System.Globalization;
using System.Text;
using MultiRate.Logs.ULog;

namespace MultiRate.Logs.Conversion;

/// <summary>
/// Turns ULog format definitions into <c>ros2msg</c> schema text (<c>px4_msgs/msg/PascalName</c>):
/// the same fields and types, padding left out, nested formats as dependent types.
/// </summary>
internal static class ULogRos2Schemas
{
    /// <summary>The ROS 2 type name for a ULog format, e.g. <c>sensor_combined</c> -> <c>px4_msgs/msg/SensorCombined</c>.</summary>
    public static string TypeName(string format) => "px4_msgs/msg/" + Pascal(format);

    /// <summary>The concatenated definition of <paramref name="format"/> and every format it nests.</summary>
    public static string Definition(ULogFormat format, IReadOnlyDictionary<string, ULogFormat> formats)
    {
        var text = new StringBuilder();
        var done = new HashSet<string>(StringComparer.Ordinal) { format.Name };
        var pending = new Queue<ULogFormat>();
        Append(text, format, formats, done, pending);
        while (pending.TryDequeue(out ULogFormat? nested))
        {
            text.Append("================================================================================\n");
            text.Append("MSG: ").Append(TypeName(nested.Name)).Append('\n');
            Append(text, nested, formats, done, pending);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, ULogFormat format, IReadOnlyDictionary<string, ULogFormat> formats, HashSet<string> done, Queue<ULogFormat> pending)
    {
        foreach (ULogField field in format.Fields)
        {
            if (field.IsPadding)
            {
                continue;
            }

            string type = Primitive(field) ?? "px4_msgs/" + Pascal(field.Type);
            if (Primitive(field) is null && formats.TryGetValue(field.Type, out ULogFormat? nested) && done.Add(nested.Name))
            {
                pending.Enqueue(nested);
            }

            string array = field.Type == "char" || field.ArrayLength is not int n ? string.Empty : $"[{n.ToString(CultureInfo.InvariantCulture)}]";
            text.Append(type).Append(array).Append(' ').Append(field.Name).Append('\n');
        }
    }

    /// <summary>The ROS 2 primitive for a ULog basic type; <c>char[N]</c> is a string (as the ULog decoder reads it). Null for a nested format.</summary>
    private static string? Primitive(ULogField field) => field.Type switch
    {
        "int8_t" => "int8",
        "uint8_t" => "uint8",
        "int16_t" => "int16",
        "uint16_t" => "uint16",
        "int32_t" => "int32",
        "uint32_t" => "uint32",
        "int64_t" => "int64",
        "uint64_t" => "uint64",
        "float" => "float32",
        "double" => "float64",
        "bool" => "bool",
        "char" => field.ArrayLength is null ? "uint8" : "string",
        _ => null,
    };

    private static string Pascal(string name)
    {
        var s = new StringBuilder(name.Length);
        bool upper = true;
        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            s.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return s.ToString();
    }
}
