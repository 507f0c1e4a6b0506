namespace MultiRate.Training.Simulation;

/// <summary>
/// The simulated single-axis attitude loop and its expert controller, stepped at
/// <see cref="AttitudeSimulationOptions.RateHz"/>.
/// </summary>
/// <remarks>
/// <code>
/// plant      w' = (u + d(t)) / J - b w        q' = w           (semi-implicit Euler, dt = 5 ms)
/// expert     u  = Kp (q* - q) - Kd w - d_hat
/// observer   d_meas(k) = J ((w(k) - w(k-1)) / dt + b w(k-1)) - u(k-1)     (= d(k-1) exactly)
///            d_hat(k)  = d_hat(k-1) + (dt / tau) (d_meas(k) - d_hat(k-1))
/// </code>
/// The expert needs both parts: fast feedback on (q*, q, w), and d_hat, which comes from the
/// history of w and of its own past commands only (a disturbance observer, low-pass tau = 50 ms).
/// Because d_hat cancels d, the closed loop, and so (q*, q, w), barely depends on d: a head that
/// sees only the current state cannot know d_hat, while a context over the history of (w, u) can.
/// Kp and Kd place the closed loop at 3 Hz with damping 0.7. Single-threaded.
/// </remarks>
internal sealed class AttitudePlant
{
    /// <summary>Inertia (normalised).</summary>
    public const double J = 1;

    /// <summary>Viscous damping, 1/s.</summary>
    public const double B = 1;

    /// <summary>Disturbance-observer time constant, s.</summary>
    public const double ObserverTau = 0.05;

    /// <summary>Closed-loop natural frequency, rad/s (3 Hz).</summary>
    public static readonly double Omega = 2 * Math.PI * 3;

    /// <summary>Proportional gain.</summary>
    public static readonly double Kp = Omega * Omega * J;

    /// <summary>Derivative gain (damping 0.7, net of the plant's own damping).</summary>
    public static readonly double Kd = (2 * 0.7 * Omega * J) - (B * J);

    private readonly double _dt;
    private double _q;
    private double _w;
    private double _previousW;
    private double _previousU;
    private double _dHat;

    public AttitudePlant(double dt) => _dt = dt;

    /// <summary>Angle, rad.</summary>
    public double Q => _q;

    /// <summary>Rate, rad/s.</summary>
    public double W => _w;

    /// <summary>The command applied over the previous tick (what an actuator reports back).</summary>
    public double PreviousU => _previousU;

    /// <summary>The observer's current estimate of d.</summary>
    public double DHat => _dHat;

    /// <summary>Runs the observer and the expert on the current state, then advances the plant one tick under disturbance <paramref name="d"/>.</summary>
    /// <returns>The expert's command for this tick.</returns>
    public double Step(double setpoint, double d, bool first)
    {
        if (!first)
        {
            double measured = (J * (((_w - _previousW) / _dt) + (B * _previousW))) - _previousU;
            _dHat += _dt / ObserverTau * (measured - _dHat);
        }

        double u = (Kp * (setpoint - _q)) - (Kd * _w) - _dHat;
        _previousW = _w;
        _previousU = u;
        _w += _dt * (((u + d) / J) - (B * _w));
        _q += _dt * _w;
        return u;
    }
}
