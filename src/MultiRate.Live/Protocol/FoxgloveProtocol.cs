namespace MultiRate.Live.Protocol;

/// <summary>The names the Foxglove WebSocket protocol v1 fixes (its <c>docs/spec.md</c>).</summary>
internal static class FoxgloveProtocol
{
    /// <summary>The WebSocket subprotocol both sides must agree on.</summary>
    public const string Subprotocol = "foxglove.websocket.v1";

    /// <summary>Binary opcode of a server's message data frame.</summary>
    public const byte MessageData = 0x01;

    /// <summary>Bytes before the payload of a message data frame: opcode, subscription id (u32), receive time (u64).</summary>
    public const int MessageDataHeader = 1 + 4 + 8;

    /// <summary>Capability: clients may get and set parameters.</summary>
    public const string Parameters = "parameters";

    /// <summary>Capability: clients may subscribe to parameter updates.</summary>
    public const string ParametersSubscribe = "parametersSubscribe";

    /// <summary>Status levels.</summary>
    public const int Info = 0;

    /// <summary>Status level of a warning.</summary>
    public const int Warning = 1;

    /// <summary>Status level of an error.</summary>
    public const int Error = 2;
}
