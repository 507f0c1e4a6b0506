using System.Runtime.InteropServices;

namespace MultiRate.Cli.Infrastructure;

/// <summary>
/// SIGINT (Ctrl-C), SIGTERM (systemd, docker stop, ros2 launch), SIGQUIT (Ctrl-\) and SIGHUP (a closed
/// terminal or SSH session) are handled alike. While a command that stops by itself is running (it took the
/// stop token: run, replay, train), a signal only cancels the token and the process lives on, so a run ends
/// on the safe action, flushes its recording and prints its summary. Any other command is ended by the
/// signal's default action, as any tool is, rather than ignoring it.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private static readonly PosixSignal[] Handled = [PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT, PosixSignal.SIGHUP];
    private readonly List<PosixSignalRegistration> _registrations = [];
    private volatile bool _graceful;

    /// <summary>Signals <paramref name="stop"/> on each of the four signals while this object lives.</summary>
    public StopSignals(CancellationTokenSource stop)
    {
        foreach (PosixSignal signal in Handled)
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, context =>
                {
                    // Keep the process (skip the default termination) only for a command that will stop on the token.
                    context.Cancel = _graceful;
                    stop.Cancel();
                }));
            }
            catch (PlatformNotSupportedException)
            {
                // A platform without this signal (SIGQUIT and SIGHUP on some hosts) cannot send it either.
            }
        }
    }

    /// <summary>The signals handled, in order.</summary>
    public static IReadOnlyList<PosixSignal> Signals => Handled;

    /// <summary>From now on a signal cancels the token and leaves the process to stop by itself.</summary>
    public void StopGracefully() => _graceful = true;

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
