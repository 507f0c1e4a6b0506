namespace MultiRate.Training.Simulation;

/// <summary>
/// One simulated run, tick by tick: what the log holds (state, previous command, command) and the
/// ground truth it does not offer as an input (d and the observer's d_hat).
/// </summary>
/// <remarks>Row i is tick i at <c>i * 5 ms</c>; the state is measured before the tick's command is applied.</remarks>
internal sealed class AttitudeTrace
{
    public AttitudeTrace(int ticks)
    {
        Setpoint = new double[ticks];
        Q = new double[ticks];
        W = new double[ticks];
        PreviousU = new double[ticks];
        U = new double[ticks];
        D = new double[ticks];
        DHat = new double[ticks];
    }

    public int Count => U.Length;

    public double[] Setpoint { get; }

    public double[] Q { get; }

    public double[] W { get; }

    public double[] PreviousU { get; }

    public double[] U { get; }

    public double[] D { get; }

    public double[] DHat { get; }
}
