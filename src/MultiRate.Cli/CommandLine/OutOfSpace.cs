namespace MultiRate.Cli.CommandLine;

/// <summary>Recognises a write that failed because the file system is full or the quota is spent.</summary>
/// <remarks>
/// On Unix, .NET's <see cref="IOException"/> carries the raw errno as its HResult: ENOSPC (28), EDQUOT
/// (122) or EFBIG (27, the file-size limit). Writers that take a path (plotting, serialisers, the
/// training's weights) can surface it wrapped, so the whole chain of inner exceptions is searched.
/// </remarks>
internal static class OutOfSpace
{
    private const int ENOSPC = 28;
    private const int EDQUOT = 122;
    private const int EFBIG = 27;

    /// <summary>The out-of-space <see cref="IOException"/> in <paramref name="error"/>'s chain, or null.</summary>
    public static IOException? Find(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is IOException io && (io.HResult is ENOSPC or EDQUOT or EFBIG))
            {
                return io;
            }

            if (e is AggregateException { InnerExceptions.Count: > 0 } many)
            {
                return many.InnerExceptions.Select(Find).FirstOrDefault(found => found is not null);
            }
        }

        return null;
    }
}
