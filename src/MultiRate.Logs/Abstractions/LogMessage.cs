using System.Text.Json.Nodes;

namespace MultiRate.Logs.Abstractions;

/// <summary>One decoded message: its log time, topic and fields by name.</summary>
/// <param name="LogTimeNs">Log time in nanoseconds.</param>
/// <param name="Topic">Topic name.</param>
/// <param name="Data">Decoded fields (objects, arrays, numbers, strings).</param>
public sealed record LogMessage(long LogTimeNs, string Topic, JsonObject Data);
