namespace MultiRate.Training.Simulation;

/// <summary>
/// The attitude setpoint q*(t): holds, then every 1 to 3 s (seeded) moves to a new angle drawn in
/// [-0.5, 0.5] rad along a 0.4 s raised-cosine ramp.
/// </summary>
/// <remarks>
/// Smooth moves rather than steps keep the PD term's spikes small, so the command's variance is
/// the disturbance's and not a few step transients. Single-threaded; call <see cref="Next"/> once
/// per tick, in time order.
/// </remarks>
internal sealed class SetpointSchedule(Random random)
{
    /// <summary>Duration of one move, seconds.</summary>
    public const double MoveSeconds = 0.4;

    /// <summary>Largest setpoint magnitude, rad.</summary>
    public const double Range = 0.5;

    private double _from;
    private double _to;
    private double _moveStart = -MoveSeconds;
    private double _nextMove = 1 + (2 * random.NextDouble());

    /// <summary>q* at <paramref name="t"/> seconds.</summary>
    public double Next(double t)
    {
        if (t >= _nextMove)
        {
            _from = _to;
            _to = Range * ((2 * random.NextDouble()) - 1);
            _moveStart = t;
            _nextMove = t + 1 + (2 * random.NextDouble());
        }

        double s = Math.Clamp((t - _moveStart) / MoveSeconds, 0, 1);
        return _from + ((_to - _from) * 0.5 * (1 - Math.Cos(Math.PI * s)));
    }
}
