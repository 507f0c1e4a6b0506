namespace MultiRate.Hosting.FaultInjection;

/// <summary>A fault the harness can inject (a row of the fault matrix).</summary>
public enum InjectedFault
{
    /// <summary>The context module throws.</summary>
    ContextThrows,

    /// <summary>The context module never returns (an infinite virtual compute time).</summary>
    ContextHangs,

    /// <summary>The context module takes 10x its declared latency.</summary>
    ContextSlow10x,

    /// <summary>The context module returns a NaN latent.</summary>
    ContextNaN,

    /// <summary>The action head takes twice its budget.</summary>
    HeadOverrun,

    /// <summary>The action head throws.</summary>
    HeadThrows,

    /// <summary>The action head returns NaN.</summary>
    HeadNaN,

    /// <summary>The action head returns +Inf.</summary>
    HeadInf,

    /// <summary>The sensor stream delivers nothing.</summary>
    SensorDropout,

    /// <summary>The sensor stream's samples arrive 30 ms late.</summary>
    SensorLate,

    /// <summary>Every other sensor sample is an older one (out of order).</summary>
    SensorOutOfOrder,

    /// <summary>Every sensor sample is delivered twice.</summary>
    SensorDuplicate,

    /// <summary>The sensor stream's clock jumps 1 s backwards (and forward again when the fault clears).</summary>
    SensorClockJump,

    /// <summary>The actuator sink throws.</summary>
    SinkThrows,
}
