namespace MultiRate.Logs.ULog;

/// <summary>The basic field types of a ULog format definition.</summary>
internal enum ULogPrimitive
{
    /// <summary>Not a basic type: the field is a nested format.</summary>
    None,
    Int8,
    UInt8,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Float,
    Double,
    Bool,
    Char,
}
