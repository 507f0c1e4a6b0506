namespace MultiRate.Logs.ULog;

/// <summary>A ULog format definition (<c>F</c> record): a named list of fields.</summary>
/// <param name="Name">Format name, e.g. <c>sensor_combined</c>.</param>
/// <param name="Fields">Fields in wire order, padding included.</param>
public sealed record ULogFormat(string Name, IReadOnlyList<ULogField> Fields);
