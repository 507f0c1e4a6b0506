namespace MultiRate.Recording;

/// <summary>
/// The JSON Schemas (draft 2020-12) of the recorded channels, stored as MCAP <c>jsonschema</c>
/// schemas so Foxglove and other tools know every field's type.
/// </summary>
internal static class RecordingSchemas
{
    public const string Encoding = "jsonschema";

    public const string Action = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "multirate.Action",
          "description": "One action handed to the actuator sink (after guard, clamp and rate limit).",
          "type": "object",
          "properties": {
            "tick": { "type": "integer", "description": "Action-clock tick index." },
            "time_ns": { "type": "integer", "description": "Run time of the action, ns from tick 0." },
            "kind": { "type": "string", "enum": ["model", "degraded", "hold", "safe"], "description": "Where the action came from." },
            "values": { "type": "array", "items": { "type": ["number", "null"] }, "description": "The action vector (null for a non-finite value)." }
          },
          "required": ["tick", "time_ns", "kind", "values"]
        }
        """;

    public const string FastTick = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "multirate.FastTick",
          "description": "Timing of one action-clock tick against its budget.",
          "type": "object",
          "properties": {
            "tick": { "type": "integer", "description": "Action-clock tick index." },
            "time_ns": { "type": "integer", "description": "Scheduled time of the tick, ns from tick 0." },
            "latency_us": { "type": "number", "description": "Measured head compute time, us (0 when the head did not run)." },
            "decision_us": { "type": "number", "description": "Compute time the deadline decision used, us (measured in real time, the cost model's in virtual time)." },
            "budget_us": { "type": "number", "description": "The clock's budget at this tick, us." },
            "outcome": { "type": "string", "enum": ["ok", "stale", "stale_safe", "miss", "fault", "dropped"] },
            "missed": { "type": "boolean", "description": "The deadline was missed (outcome miss or dropped): a fallback went out." },
            "latent_version": { "type": "integer", "description": "Version of the latent the head read (0 when none)." },
            "latent_age_ms": { "type": "number", "description": "Age of that latent at the tick, ms (-1 when none)." }
          },
          "required": ["tick", "time_ns", "latency_us", "decision_us", "budget_us", "outcome", "missed", "latent_version", "latent_age_ms"]
        }
        """;

    public const string SlowTick = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "multirate.SlowTick",
          "description": "One slow-clock trigger: skipped, or its update's timing against the budget.",
          "type": "object",
          "properties": {
            "tick": { "type": "integer", "description": "That clock's tick index." },
            "time_ns": { "type": "integer", "description": "Trigger time, ns from tick 0." },
            "finished_ns": { "type": "integer", "description": "Run time the update finished (the trigger time when skipped)." },
            "latency_us": { "type": "number", "description": "Measured compute time, us (0 when skipped)." },
            "budget_us": { "type": "number", "description": "The clock's budget, us." },
            "outcome": { "type": "string", "enum": ["completed", "skipped", "faulted", "rejected"] },
            "missed": { "type": "boolean", "description": "The trigger was skipped because the previous update still ran." },
            "recursion_steps": { "type": "integer", "description": "Recursion steps the update used (0 when none)." }
          },
          "required": ["tick", "time_ns", "finished_ns", "latency_us", "budget_us", "outcome", "missed", "recursion_steps"]
        }
        """;

    public const string Latent = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "multirate.Latent",
          "description": "A latent snapshot as it became visible to its readers.",
          "type": "object",
          "properties": {
            "clock": { "type": "string", "description": "The clock that computed it." },
            "version": { "type": "integer", "description": "Monotonic version, 1 for the first." },
            "tick": { "type": "integer", "description": "Index of the slow tick whose inputs produced it." },
            "source_time_ns": { "type": "integer", "description": "Time of that tick, ns from tick 0: the age is measured from here." },
            "computed_at_ns": { "type": "integer", "description": "When the computation finished, ns from tick 0." },
            "published_ns": { "type": "integer", "description": "When it became visible, ns from tick 0." },
            "age_at_publish_ms": { "type": "number", "description": "published_ns - source_time_ns, ms." },
            "l2_norm": { "type": "number", "description": "Euclidean norm of the latent vector." },
            "recursion_steps": { "type": "integer", "description": "Recursion steps the context module ran." },
            "dimension": { "type": "integer", "description": "Length of the latent vector." }
          },
          "required": ["clock", "version", "tick", "source_time_ns", "computed_at_ns", "published_ns", "age_at_publish_ms", "l2_norm", "recursion_steps", "dimension"]
        }
        """;

    public const string Fault = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "multirate.Fault",
          "description": "One counted fault (each one also counted once in the run ledger, under the same name).",
          "type": "object",
          "properties": {
            "kind": { "type": "string", "enum": ["misses", "head_faults", "non_finite_actions", "sink_faults", "context_faults", "context_non_finite", "context_timeouts", "circuit_open_rejections", "sensor_dropouts", "sensor_late", "sensor_out_of_order", "sensor_duplicates", "sensor_clock_jumps", "period_accounting_faults", "stop_timeouts"], "description": "What went wrong: the ledger entry that counted it (the same name as its counter in the run summary; docs/vocabulary.md)." },
            "source": { "type": "string", "description": "Where: a clock name, a sensor stream name, or sink." },
            "tick": { "type": "integer", "description": "Tick index of the clock it happened on (the action clock for sensor and sink faults)." },
            "time_ns": { "type": "integer", "description": "Run time of the fault, ns from tick 0." }
          },
          "required": ["kind", "source", "tick", "time_ns"]
        }
        """;

    /// <summary>The run summary's schema: the one schema file of <see cref="Summaries.RunSummaryJson"/>.</summary>
    public static string Summary => Summaries.RunSummaryJson.Schema;
}
