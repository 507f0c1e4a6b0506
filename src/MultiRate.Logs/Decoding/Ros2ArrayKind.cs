namespace MultiRate.Logs.Decoding;

/// <summary>Whether a field is a single value, a fixed array or a (bounded) sequence.</summary>
internal enum Ros2ArrayKind
{
    /// <summary>A single value.</summary>
    None,

    /// <summary><c>T[N]</c>: exactly N elements, no length prefix in CDR.</summary>
    Fixed,

    /// <summary><c>T[&lt;=N]</c>: a u32 count prefix, at most N elements.</summary>
    Bounded,

    /// <summary><c>T[]</c>: a u32 count prefix.</summary>
    Unbounded,
}
