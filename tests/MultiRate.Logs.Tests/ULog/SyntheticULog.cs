using static MultiRate.Logs.Tests.ULog.ULogTestWriter;

namespace MultiRate.Logs.Tests.ULog;

/// <summary>A tiny ULog with a nested type, arrays, a string, padding and two instances of one topic.</summary>
internal static class SyntheticULog
{
    public const string Vec3 = "vec3:float x;float y;float z;";

    public const string Imu = "imu:uint64_t timestamp;vec3 accel;vec3[2] history;char[8] name;int16_t[3] raw;bool ok;uint8_t[3] _padding0;";

    /// <summary>Header, definitions, then a data section touching every record type.</summary>
    public static byte[] Build() =>
        Definitions(new ULogTestWriter(startTimestampUs: 1_000_000))
            .Add(0, 1, "imu")
            .Add(1, 2, "imu")
            .Data(1, ImuData(2_000_000, 1.5f, "left"))
            .Logged('6', 2_000_100, "hello")
            .Data(2, ImuData(1_999_000, -2f, "right")) // lags the other instance: must be reordered
            .Tagged('4', 3, 2_000_200, "tagged")
            .Dropout(25)
            .Sync()
            .Parameter("MC_GAIN", 0.75f)
            .Record('Z', [1, 2, 3]) // a record type from the future: skipped
            .Data(1, ImuData(2_001_000, 3f, "left", withPadding: false)) // trailing padding left out
            .Remove(2)
            .Raw(new byte[20]) // the logger's zero padding at the end
            .ToArray();

    public static ULogTestWriter Definitions(ULogTestWriter w) =>
        w.Flags()
            .Format(Vec3)
            .Format(Imu)
            .Info("char[3] sys_name", "PX4"u8.ToArray())
            .Info("uint32_t ver_sw_release", I32(42))
            .MultiInfo(false, "char[2] cal", "ab"u8.ToArray())
            .MultiInfo(true, "char[2] cal", "cd"u8.ToArray())
            .MultiInfo(false, "char[2] cal", "ef"u8.ToArray())
            .Parameter("MC_GAIN", 0.5f)
            .Parameter("SYS_ID", 7)
            .DefaultParameter(0b11, "SYS_ID", 1);

    /// <summary>An imu payload: accel = (ax, 0, -9.81), history = [(1,2,3),(4,5,6)], raw = [-1, 0, 300], ok.</summary>
    public static byte[][] ImuData(ulong timestampUs, float ax, string name, bool withPadding = true) =>
    [
        U64Bytes(timestampUs),
        F32(ax), F32(0), F32(-9.81f),
        F32(1), F32(2), F32(3), F32(4), F32(5), F32(6),
        Chars(name, 8),
        U16(unchecked((ushort)-1)), U16(0), U16(300),
        [1],
        withPadding ? [0xAA, 0xAA, 0xAA] : [],
    ];
}
