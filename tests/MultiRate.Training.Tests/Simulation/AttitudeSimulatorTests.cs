using MultiRate.Configuration.Models;
using MultiRate.Core.Models;
using MultiRate.Core.Errors;
using MultiRate.Logs;
using MultiRate.Logs.Abstractions;
using MultiRate.Training.Data;
using MultiRate.Training.Simulation;
using MultiRate.Tests.Shared;

namespace MultiRate.Training.Tests.Simulation;

public sealed class AttitudeSimulatorTests
{
    private static readonly AttitudeTrace Long = AttitudeSimulator.Run(new AttitudeSimulationOptions { Seconds = 120, Seed = 3 });

    [Fact]
    public void Write_SameSeed_WritesTheSameBytesAndAnotherSeedDoesNot()
    {
        string dir = Path.Combine(Temp(), "created");
        var options = new AttitudeSimulationOptions { Seconds = 5, Seed = 11 };

        AttitudeSimulator.Write(options, Path.Combine(dir, "a.mcap"));
        AttitudeSimulator.Write(options, Path.Combine(dir, "b.mcap"));
        AttitudeSimulator.Write(options with { Seed = 12 }, Path.Combine(dir, "c.mcap"));

        byte[] a = File.ReadAllBytes(Path.Combine(dir, "a.mcap"));
        Assert.Equal(a, File.ReadAllBytes(Path.Combine(dir, "b.mcap")));
        Assert.NotEqual(a, File.ReadAllBytes(Path.Combine(dir, "c.mcap")));
    }

    [Fact]
    public void Write_Log_ReadsBackThroughTheLogReaderWithTheConfigsFields()
    {
        string path = Path.Combine(Temp(), "sim.mcap");
        int ticks = AttitudeSimulator.Write(new AttitudeSimulationOptions { Seconds = 4, Seed = 2 }, path);
        AttitudeTrace trace = AttitudeSimulator.Run(new AttitudeSimulationOptions { Seconds = 4, Seed = 2 });

        using (ISensorLog log = SensorLogs.Open(path, new SensorLogOptions()))
        {
            Assert.Equal(["/plant/command", "/plant/state", "/plant/truth"], log.Topics.Select(t => t.Name).Order(StringComparer.Ordinal));
            Assert.All(log.Topics, t => Assert.Equal(ticks, t.Count));
        }

        ModelConfig config = ModelConfigLoader.Load(Path.Combine(RepoRoot.Path, "configs", "sim-attitude.yaml"));
        LogData data = LogData.Load(path, config);
        float[] inputs = new float[data.Inputs.Fields.Count];
        float[] target = new float[1];
        int k = 321;
        data.Inputs.Read(data.StartNs + (k * 5_000_000L), inputs);
        data.Targets.Read(data.StartNs + (k * 5_000_000L), target);
        Assert.Equal(["/plant/state.setpoint", "/plant/state.q", "/plant/state.w", "/plant/state.u_prev"], data.Inputs.Fields);
        Assert.Equal((float)trace.Q[k], inputs[1]);
        Assert.Equal((float)trace.PreviousU[k], inputs[3]);
        Assert.Equal((float)trace.U[k], target[0]);
        Assert.Equal(trace.U[k - 1], trace.PreviousU[k]);
    }

    [Fact]
    public void Run_Expert_TracksTheSetpointWithABoundedError()
    {
        // From 1 s on: the observer starts at d_hat = 0 and needs a few time constants to lock on.
        double[] error = [.. Long.Q.Zip(Long.Setpoint, (q, s) => q - s).Skip(AttitudeSimulationOptions.RateHz)];
        double rms = Math.Sqrt(error.Average(e => e * e));
        double spread = Math.Sqrt(Long.Setpoint.Average(s => s * s));

        // The PD loop has no feed-forward: during a 0.4 s move of up to 1 rad it lags by about
        // (Kd + b) v / Kp = 0.29 rad at the peak rate; between moves the error decays to nearly zero.
        Assert.True(error.Max(Math.Abs) < 0.35, $"max tracking error {error.Max(Math.Abs)} rad");
        Assert.True(rms < 0.25 * spread, $"rms tracking error {rms} rad against a setpoint spread of {spread} rad");
    }

    [Fact]
    public void Run_Disturbance_DominatesTheCommandAndTheHeadInputsCannotExplainIt()
    {
        // A least-squares fit of u from the head's inputs (q*, q, w) leaves most of u's variance;
        // adding the context's u_prev explains nearly all of it: the history carries d, the state does not.
        double head = ResidualShare(Long.U, Long.Setpoint, Long.Q, Long.W);
        double withHistory = ResidualShare(Long.U, Long.Setpoint, Long.Q, Long.W, Long.PreviousU);

        Assert.True(Variance(Long.D) > 0.8 * Variance(Long.U), $"var(d) {Variance(Long.D)} against var(u) {Variance(Long.U)}");
        Assert.True(head > 0.5, $"head inputs leave {head:P1} of var(u)");
        Assert.True(withHistory < 0.01, $"with u_prev {withHistory:P1} of var(u) is left");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    [InlineData(4000.0)]
    public void Write_SecondsOutOfRange_ThrowsUserInputExceptionNamingTheOption(double seconds)
    {
        var ex = Assert.Throws<UserInputException>(() => AttitudeSimulator.Write(new AttitudeSimulationOptions { Seconds = seconds }, Path.Combine(Temp(), "x.mcap")));

        Assert.Contains("--seconds", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_FolderIsAFile_ThrowsUserInputExceptionNamingThePath()
    {
        string file = Path.Combine(Temp(), "plain");
        File.WriteAllText(file, "not a folder");
        string path = Path.Combine(file, "x.mcap");

        var ex = Assert.Throws<UserInputException>(() => AttitudeSimulator.Write(new AttitudeSimulationOptions { Seconds = 2 }, path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    private static string Temp()
    {
        string dir = Path.Combine(Path.GetTempPath(), "multirate-sim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static double Variance(double[] x)
    {
        double mean = x.Average();
        return x.Average(v => (v - mean) * (v - mean));
    }

    /// <summary>Share of var(y) left by the least-squares fit y ~ 1 + columns (normal equations).</summary>
    private static double ResidualShare(double[] y, params double[][] columns)
    {
        int p = columns.Length + 1;
        double Col(int j, int i) => j == 0 ? 1 : columns[j - 1][i];
        double[,] a = new double[p, p + 1];
        for (int i = 0; i < y.Length; i++)
        {
            for (int r = 0; r < p; r++)
            {
                for (int c = 0; c < p; c++)
                {
                    a[r, c] += Col(r, i) * Col(c, i);
                }

                a[r, p] += Col(r, i) * y[i];
            }
        }

        double[] beta = Solve(a, p);
        double residual = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double fit = 0;
            for (int j = 0; j < p; j++)
            {
                fit += beta[j] * Col(j, i);
            }

            residual += (y[i] - fit) * (y[i] - fit);
        }

        return residual / y.Length / Variance(y);
    }

    private static double[] Solve(double[,] a, int n)
    {
        for (int c = 0; c < n; c++)
        {
            int pivot = Enumerable.Range(c, n - c).MaxBy(r => Math.Abs(a[r, c]));
            for (int k = 0; k <= n; k++)
            {
                (a[c, k], a[pivot, k]) = (a[pivot, k], a[c, k]);
            }

            for (int r = 0; r < n; r++)
            {
                if (r != c)
                {
                    double f = a[r, c] / a[c, c];
                    for (int k = c; k <= n; k++)
                    {
                        a[r, k] -= f * a[c, k];
                    }
                }
            }
        }

        return [.. Enumerable.Range(0, n).Select(i => a[i, n] / a[i, i])];
    }
}
