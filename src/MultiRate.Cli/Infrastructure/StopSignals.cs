using System.Runtime.InteropServices;

namespace MultiRate.Cli.Infrastructure;

/// <summary>
/// SIGINT (Ctrl-C), SIGTERM (systemd, docker stop, ros2 launch), SIGQUIT (Ctrl-\) and SIGHUP (a closed
/// terminal or SSH session) all stop a command the same graceful way: the cancellation token is signalled and
/// the process is not killed, so a run ends on the safe action, flushes its recording and prints its summary.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private static readonly PosixSignal[] Handled = [PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT, PosixSignal.SIGHUP];
    private readonly List<PosixSignalRegistration> _registrations = [];

    /// <summary>Signals <paramref name="stop"/> on each of the four signals while this object lives.</summary>
    public StopSignals(CancellationTokenSource stop)
    {
        foreach (PosixSignal signal in Handled)
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, context =>
                {
                    // Cancel the default action (termination): the command stops itself on the token.
                    context.Cancel = true;
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

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
