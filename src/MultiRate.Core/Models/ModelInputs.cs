namespace MultiRate.Core.Models;

/// <summary>Which observation fields feed which module, as log field paths (e.g. <c>/imu.angular_velocity.x</c>).</summary>
public sealed record ModelInputs
{
    /// <summary>Fields the fast head reads every tick.</summary>
    public required IReadOnlyList<string> Head { get; init; }

    /// <summary>Fields in the context module's history window.</summary>
    public required IReadOnlyList<string> Context { get; init; }

    /// <summary>Optional goal/task fields given to the context module.</summary>
    public IReadOnlyList<string> Goal { get; init; } = [];
}
