namespace MultiRate.Logs.ULog;

/// <summary>A default parameter value (<c>Q</c> record).</summary>
/// <param name="Name">Parameter name.</param>
/// <param name="Value">Default value.</param>
/// <param name="DefaultTypes">Bit field: bit 0 = system-wide default, bit 1 = default of the current setup.</param>
public sealed record ULogDefaultParameter(string Name, double Value, byte DefaultTypes);
