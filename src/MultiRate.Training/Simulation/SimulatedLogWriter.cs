using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MultiRate.Logs.Mcap;

namespace MultiRate.Training.Simulation;

/// <summary>
/// Writes an <see cref="AttitudeTrace"/> as MCAP through the project's writer: JSON messages with
/// <c>jsonschema</c> schemas (as the recorder writes them), and a <c>simulation</c> metadata record
/// that labels the log as simulated and names the plant, seed and rate.
/// </summary>
/// <remarks>
/// Topics: <c>/plant/state</c> (setpoint, q, w, u_prev: what a robot's sensors and actuator feedback
/// report), <c>/plant/command</c> (u: the expert's command, the training target) and
/// <c>/plant/truth</c> (d, d_hat: ground truth for analysis, never a model input in the shipped
/// config). No wall-clock time is written, so the bytes depend only on the trace and options.
/// </remarks>
internal static class SimulatedLogWriter
{
    public const string StateTopic = "/plant/state";
    public const string CommandTopic = "/plant/command";
    public const string TruthTopic = "/plant/truth";

    private const string StateSchema = """
        {"$schema":"https://json-schema.org/draft/2020-12/schema","title":"multirate.sim.AttitudeState","description":"Simulated attitude loop, measured at the control tick before its command is applied.","type":"object","properties":{"setpoint":{"type":"number","description":"Attitude setpoint q*, rad."},"q":{"type":"number","description":"Angle, rad."},"w":{"type":"number","description":"Rate, rad/s."},"u_prev":{"type":"number","description":"The command applied over the previous tick."}},"required":["setpoint","q","w","u_prev"]}
        """;

    private const string CommandSchema = """
        {"$schema":"https://json-schema.org/draft/2020-12/schema","title":"multirate.sim.AttitudeCommand","description":"The expert controller's command at the tick: u = Kp (q* - q) - Kd w - d_hat.","type":"object","properties":{"u":{"type":"number","description":"Torque command (J = 1)."}},"required":["u"]}
        """;

    private const string TruthSchema = """
        {"$schema":"https://json-schema.org/draft/2020-12/schema","title":"multirate.sim.AttitudeTruth","description":"Simulation ground truth: the hidden disturbance and the expert's observer estimate of it.","type":"object","properties":{"d":{"type":"number","description":"Disturbance torque."},"d_hat":{"type":"number","description":"Disturbance-observer estimate used by the expert."}},"required":["d","d_hat"]}
        """;

    public static void Write(Stream stream, AttitudeTrace trace, AttitudeSimulationOptions options)
    {
        using var writer = new McapWriter(stream, new McapWriterOptions { Library = "MultiRate simulator", Profile = string.Empty }, leaveOpen: true);
        ushort state = writer.AddChannel(writer.AddSchema("multirate.sim.AttitudeState", "jsonschema", Encoding.UTF8.GetBytes(StateSchema)), StateTopic, "json", [new("simulated", "true")]);
        ushort command = writer.AddChannel(writer.AddSchema("multirate.sim.AttitudeCommand", "jsonschema", Encoding.UTF8.GetBytes(CommandSchema)), CommandTopic, "json", [new("simulated", "true")]);
        ushort truth = writer.AddChannel(writer.AddSchema("multirate.sim.AttitudeTruth", "jsonschema", Encoding.UTF8.GetBytes(TruthSchema)), TruthTopic, "json", [new("simulated", "true")]);
        writer.AddMetadata("simulation", Metadata(options));
        var buffer = new ArrayBufferWriter<byte>(256);
        long stepNs = 1_000_000_000L / AttitudeSimulationOptions.RateHz;
        for (int k = 0; k < trace.Count; k++)
        {
            ulong time = (ulong)(AttitudeSimulator.StartNs + (k * stepNs));
            uint sequence = (uint)k;
            writer.WriteMessage(state, sequence, time, time, Json(buffer, ("setpoint", trace.Setpoint[k]), ("q", trace.Q[k]), ("w", trace.W[k]), ("u_prev", trace.PreviousU[k])));
            writer.WriteMessage(command, sequence, time, time, Json(buffer, ("u", trace.U[k])));
            writer.WriteMessage(truth, sequence, time, time, Json(buffer, ("d", trace.D[k]), ("d_hat", trace.DHat[k])));
        }

        writer.Finish();
    }

    private static KeyValuePair<string, string>[] Metadata(AttitudeSimulationOptions options) =>
    [
        new("simulated", "true"),
        new("plant", "single-axis attitude loop with a drifting hidden disturbance (docs/guides/training.md)"),
        new("equations", "w' = (u + d)/J - b w; q' = w; u = Kp (q* - q) - Kd w - d_hat"),
        new("seed", options.Seed.ToString(CultureInfo.InvariantCulture)),
        new("seconds", options.Seconds.ToString("R", CultureInfo.InvariantCulture)),
        new("rate_hz", AttitudeSimulationOptions.RateHz.ToString(CultureInfo.InvariantCulture)),
    ];

    private static ReadOnlySpan<byte> Json(ArrayBufferWriter<byte> buffer, params ReadOnlySpan<(string Name, double Value)> fields)
    {
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach ((string name, double value) in fields)
            {
                json.WriteNumber(name, value);
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan;
    }
}
