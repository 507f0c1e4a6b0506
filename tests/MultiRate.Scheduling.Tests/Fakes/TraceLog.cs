namespace MultiRate.Scheduling.Tests.Fakes;

/// <summary>Ordered record of module calls: (what, tick, time).</summary>
internal sealed class TraceLog
{
    public List<(string What, long Tick, long TimeNs)> Entries { get; } = [];

    public bool Enabled { get; set; } = true;

    public void Add(string what, long tick, long timeNs)
    {
        if (Enabled)
        {
            Entries.Add((what, tick, timeNs));
        }
    }
}
