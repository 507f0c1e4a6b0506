namespace MultiRate.Scheduling.Observation;

/// <summary>A counted fault, as reported to <see cref="IRunObserver.OnFault"/>.</summary>
public enum FaultKind
{
    /// <summary>A context module threw or returned a failed outcome: the old latent stays.</summary>
    ContextFault,

    /// <summary>A context module returned NaN or infinity: the old latent stays.</summary>
    ContextNonFinite,

    /// <summary>A context update ran past the slow path's timeout: the old latent stays.</summary>
    ContextTimeout,

    /// <summary>The slow path's circuit was open: the module was not called.</summary>
    CircuitRejected,

    /// <summary>The action head threw or returned a failed outcome: the fallback action went out.</summary>
    HeadFault,

    /// <summary>The action head returned NaN or infinity: a hold went out.</summary>
    HeadNonFinite,

    /// <summary>The action head missed its deadline: the fallback action went out.</summary>
    HeadOverrun,

    /// <summary>A sensor stream delivered nothing for longer than the dropout limit: its last value is held.</summary>
    SensorDropout,

    /// <summary>A sensor sample arrived later than the late limit (it is still used).</summary>
    SensorLate,

    /// <summary>A sensor sample older than the last one arrived: it was dropped.</summary>
    SensorOutOfOrder,

    /// <summary>A sensor sample arrived twice: the copy was dropped.</summary>
    SensorDuplicate,

    /// <summary>A sensor stream's clock jumped backwards past the limit: the stream was re-anchored.</summary>
    SensorClockJump,

    /// <summary>The actuator sink threw.</summary>
    SinkFault,
}
