namespace MultiRate.Core.Latent;

/// <summary>
/// Single-writer, many-reader slot holding the latest published <see cref="LatentSnapshot"/>.
/// </summary>
/// <remarks>
/// The writer (a slow clock) calls <see cref="Publish"/>; readers (faster clocks) call
/// <see cref="Latest"/>. Both are one volatile reference access: no lock, no wait, no allocation.
/// Versions must increase; a stale publish is ignored so a late completion can never roll back.
/// </remarks>
public sealed class LatentChannel
{
    private LatentSnapshot? _latest;

    /// <summary>Creates a channel, optionally with an initial snapshot.</summary>
    public LatentChannel(LatentSnapshot? initial = null) => _latest = initial;

    /// <summary>The latest published snapshot, or null before the first one.</summary>
    public LatentSnapshot? Latest => Volatile.Read(ref _latest);

    /// <summary>Number of snapshots published.</summary>
    public long Published { get; private set; }

    /// <summary>Publishes a snapshot if it is newer than the current one.</summary>
    /// <returns>True when published.</returns>
    public bool Publish(LatentSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        LatentSnapshot? current = Volatile.Read(ref _latest);
        if (current is not null && current.Version >= snapshot.Version)
        {
            return false;
        }

        Volatile.Write(ref _latest, snapshot);
        Published++;
        return true;
    }
}
