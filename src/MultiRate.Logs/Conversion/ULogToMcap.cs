using System.Text;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Decoding;
using MultiRate.Logs.Mcap;
using MultiRate.Logs.ULog;

namespace MultiRate.Logs.Conversion;

/// <summary>
/// Converts a PX4 ULog file to MCAP: every data message re-encoded as a ROS 2 CDR message with a
/// <c>ros2msg</c> schema generated from its ULog format (<c>px4_msgs/msg/SensorCombined</c>, ...),
/// on topic <c>/name/multi_id</c>, log time = the ULog timestamp.
/// </summary>
/// <remarks>Streams: memory is bounded by the ULog reader's reorder window and one MCAP chunk.</remarks>
public static class ULogToMcap
{
    /// <summary>Writes every message of <paramref name="ulogPath"/> to <paramref name="output"/> as MCAP.</summary>
    /// <param name="ulogPath">The ULog file.</param>
    /// <param name="output">Where the MCAP goes (left open).</param>
    /// <param name="options">Writer options (compression, chunk size); the header profile is set to <c>ros2</c>.</param>
    /// <returns>The number of messages written.</returns>
    /// <exception cref="LogFormatException">The ULog file cannot be read.</exception>
    public static long Convert(string ulogPath, Stream output, McapWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ulogPath);
        ArgumentNullException.ThrowIfNull(output);
        McapWriterOptions writerOptions = options ?? new McapWriterOptions();
        writerOptions.Profile = "ros2";
        using ULogFile ulog = ULogFile.Open(ulogPath);
        using var writer = new McapWriter(output, writerOptions, leaveOpen: true);
        var schemas = new Dictionary<string, (ushort Id, Ros2MsgSchema Schema)>(StringComparer.Ordinal);
        var channels = new Dictionary<string, (ushort Id, Ros2MsgSchema Schema)>(StringComparer.Ordinal);
        var formatOf = ulog.Topics.ToDictionary(t => t.Name, t => t.Schema, StringComparer.Ordinal);
        long count = 0;
        foreach (LogMessage message in ulog.ReadMessages())
        {
            if (!channels.TryGetValue(message.Topic, out (ushort Id, Ros2MsgSchema Schema) channel))
            {
                string format = formatOf[message.Topic];
                if (!schemas.TryGetValue(format, out (ushort Id, Ros2MsgSchema Schema) schema))
                {
                    string name = ULogRos2Schemas.TypeName(format);
                    string text = ULogRos2Schemas.Definition(ulog.Formats[format], ulog.Formats);
                    schema = (writer.AddSchema(name, "ros2msg", Encoding.UTF8.GetBytes(text)), Ros2MsgSchema.Parse(name, text, ulogPath));
                    schemas[format] = schema;
                }

                channel = (writer.AddChannel(schema.Id, "/" + message.Topic, "cdr"), schema.Schema);
                channels[message.Topic] = channel;
            }

            byte[] cdr = CdrSerializer.Serialize(channel.Schema, message.Data);
            ulong time = (ulong)Math.Max(0, message.LogTimeNs);
            writer.WriteMessage(channel.Id, (uint)count, time, time, cdr);
            count++;
        }

        writer.Finish();
        return count;
    }
}
