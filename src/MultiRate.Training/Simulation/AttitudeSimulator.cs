using System.Globalization;
using MultiRate.Core.Errors;

namespace MultiRate.Training.Simulation;

/// <summary>
/// <c>multirate simulate attitude</c>: runs the simulated attitude plant with its expert controller
/// and writes the run as an MCAP log that <c>multirate train</c> and <c>replay --weights --targets</c>
/// read like any recorded log (<c>configs/sim-attitude.yaml</c>, <c>rates/sim-*.yaml</c>).
/// </summary>
/// <remarks>
/// The data is simulated, and the log says so in its metadata. Deterministic: the same options
/// give the same bytes. Thread-safe (no shared state).
/// </remarks>
public static class AttitudeSimulator
{
    /// <summary>Log time of tick 0, ns (1 s, so no message sits at time zero).</summary>
    internal const long StartNs = 1_000_000_000;

    /// <summary>Simulates and writes <paramref name="path"/> (replaced if it exists; its folder is created when missing).</summary>
    /// <returns>The number of control ticks written.</returns>
    /// <exception cref="UserInputException">Options out of range, or the file cannot be written.</exception>
    public static int Write(AttitudeSimulationOptions options, string path)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(path);
        Check(options);
        AttitudeTrace trace = Run(options);
        try
        {
            // Like train's --out, the folder is created when missing.
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
            SimulatedLogWriter.Write(stream, trace, options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"{path}: cannot write the simulated log ({ex.Message})", ex);
        }

        return trace.Count;
    }

    /// <summary>Runs the plant and the expert for <see cref="AttitudeSimulationOptions.Ticks"/> ticks.</summary>
    internal static AttitudeTrace Run(AttitudeSimulationOptions options)
    {
        Check(options);
        double dt = 1.0 / AttitudeSimulationOptions.RateHz;
        var random = new Random(options.Seed);
        var disturbance = new Disturbance(random);
        var setpoints = new SetpointSchedule(random);
        var plant = new AttitudePlant(dt);
        var trace = new AttitudeTrace(options.Ticks);
        for (int k = 0; k < trace.Count; k++)
        {
            double t = k * dt;
            double setpoint = setpoints.Next(t);
            double d = disturbance.Next(t, dt);
            trace.Setpoint[k] = setpoint;
            trace.Q[k] = plant.Q;
            trace.W[k] = plant.W;
            trace.PreviousU[k] = plant.PreviousU;
            trace.D[k] = d;
            trace.U[k] = plant.Step(setpoint, d, first: k == 0);
            trace.DHat[k] = plant.DHat;
        }

        return trace;
    }

    private static void Check(AttitudeSimulationOptions o)
    {
        if (!(o.Seconds >= AttitudeSimulationOptions.MinSeconds && o.Seconds <= AttitudeSimulationOptions.MaxSeconds))
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                $"simulate attitude: --seconds must be in [{AttitudeSimulationOptions.MinSeconds}, {AttitudeSimulationOptions.MaxSeconds}] (got {o.Seconds})"));
        }
    }
}
