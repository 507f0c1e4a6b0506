using System.Diagnostics;
using Microsoft.Win32.SafeHandles;

namespace MultiRate.Bench.Diagnostics;

/// <summary>
/// Samples the kernel's "steal" time (how long the hypervisor kept this VM's vCPUs from running while
/// they had work, the 8th number of the <c>cpu</c> line of <c>/proc/stat</c>) on a background thread, so
/// a benchmark can tell the deadline misses that fall while the host held the VM from those it did not.
/// </summary>
/// <remarks>
/// Linux only; elsewhere <see cref="Available"/> is false and nothing runs. The counter is in USER_HZ
/// (1/100 s on Linux), so a window is known to have steal when the counter moved between two
/// samples. Each sample is one <c>pread</c> into a reused buffer and a byte scan: the sampler
/// allocates nothing while it runs, so it causes no collection that would pause the clock it watches.
/// </remarks>
public sealed class HostStealSampler : IDisposable
{
    /// <summary>Linux's USER_HZ: the unit of /proc/stat times.</summary>
    private const double MsPerJiffy = 10;

    private readonly TimeSpan _interval;
    private readonly long[] _at;
    private readonly long[] _steal;
    private readonly Thread? _thread;
    private readonly SafeFileHandle? _stat;
    private readonly byte[] _buffer = new byte[4096];
    private readonly ManualResetEventSlim _stop = new();
    private int _count;

    /// <summary>Starts sampling every <paramref name="interval"/> for at most <paramref name="capacity"/> samples.</summary>
    public HostStealSampler(TimeSpan interval, int capacity = 100_000)
    {
        _interval = interval;
        _at = new long[capacity];
        _steal = new long[capacity];
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/stat"))
        {
            return;
        }

        try
        {
            _stat = File.OpenHandle("/proc/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        if (ReadSteal() < 0)
        {
            _stat.Dispose();
            _stat = null;
            return;
        }

        Sample();
        _thread = new Thread(Run) { IsBackground = true, Name = "multirate-steal-sampler" };
        _thread.Start();
    }

    /// <summary>True when this system reports steal time (a Linux /proc/stat with a steal column).</summary>
    public bool Available => _stat is not null;

    /// <summary>The sampling interval.</summary>
    public TimeSpan Interval => _interval;

    /// <summary>Steal time over the samples so far, milliseconds (10 ms resolution).</summary>
    public double StealMs => Volatile.Read(ref _count) < 2 ? 0 : (_steal[_count - 1] - _steal[0]) * MsPerJiffy;

    /// <summary>Sampling intervals in which the steal counter moved.</summary>
    public int IntervalsWithSteal
    {
        get
        {
            int n = 0;
            for (int i = 1; i < Volatile.Read(ref _count); i++)
            {
                n += _steal[i] > _steal[i - 1] ? 1 : 0;
            }

            return n;
        }
    }

    /// <summary>
    /// True when <paramref name="stopwatchTimestamp"/> lies in, or within one sampling interval of, an
    /// interval in which steal time accrued (the slack covers the counter's 10 ms granularity and a
    /// stall that ends before the event that reveals it is recorded).
    /// </summary>
    public bool DuringSteal(long stopwatchTimestamp)
    {
        long slack = (long)(_interval.TotalSeconds * Stopwatch.Frequency);
        int count = Volatile.Read(ref _count);
        for (int i = 1; i < count; i++)
        {
            if (_steal[i] > _steal[i - 1] && stopwatchTimestamp >= _at[i - 1] - slack && stopwatchTimestamp <= _at[i] + slack)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Stops sampling after one last sample (so steal up to now is counted).</summary>
    public void Stop()
    {
        if (_thread is not null && !_stop.IsSet)
        {
            _stop.Set();
            _thread.Join();
            Sample();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Stop();
        _stat?.Dispose();
        _stop.Dispose();
    }

    /// <summary>Parses the steal column of the aggregate <c>cpu</c> line; -1 when absent.</summary>
    internal static long ParseSteal(ReadOnlySpan<byte> stat)
    {
        // "cpu  user nice system idle iowait irq softirq steal ..." (first line)
        if (!stat.StartsWith("cpu "u8))
        {
            return -1;
        }

        int i = 3;
        for (int field = 1; field <= 8; field++)
        {
            while (i < stat.Length && stat[i] == (byte)' ')
            {
                i++;
            }

            long value = 0;
            int start = i;
            while (i < stat.Length && stat[i] >= (byte)'0' && stat[i] <= (byte)'9')
            {
                value = (value * 10) + (stat[i] - (byte)'0');
                i++;
            }

            if (i == start)
            {
                return -1;
            }

            if (field == 8)
            {
                return value;
            }
        }

        return -1;
    }

    private long ReadSteal()
    {
        int n = RandomAccess.Read(_stat!, _buffer, 0);
        return ParseSteal(_buffer.AsSpan(0, n));
    }

    private void Sample()
    {
        int i = _count;
        if (i >= _at.Length || _stat is null)
        {
            return;
        }

        long steal = ReadSteal();
        if (steal < 0)
        {
            return;
        }

        _at[i] = Stopwatch.GetTimestamp();
        _steal[i] = steal;
        Volatile.Write(ref _count, i + 1);
    }

    private void Run()
    {
        while (!_stop.Wait(_interval))
        {
            Sample();
        }
    }
}
