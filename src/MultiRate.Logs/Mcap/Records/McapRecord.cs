namespace MultiRate.Logs.Mcap;

/// <summary>One MCAP record, as read from or written to a file.</summary>
/// <remarks>Records are immutable. Byte fields may share the buffer they were read from.</remarks>
public abstract record McapRecord
{
    /// <summary>The record's opcode.</summary>
    public abstract McapOpcode Opcode { get; }
}
