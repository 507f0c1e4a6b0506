namespace MultiRate.Logs.Mcap;

/// <summary>The Header record: the first record of every MCAP file.</summary>
/// <param name="Profile">Profile (e.g. <c>ros2</c>), or empty.</param>
/// <param name="Library">The writing library, or empty.</param>
public sealed record McapHeader(string Profile, string Library) : McapRecord
{
    /// <inheritdoc />
    public override McapOpcode Opcode => McapOpcode.Header;
}
