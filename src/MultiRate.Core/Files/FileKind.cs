namespace MultiRate.Core.Files;

/// <summary>The type of a file system object, as far as outputs care.</summary>
public enum FileKind
{
    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A character or block device (e.g. <c>/dev/null</c>, <c>/dev/full</c>).</summary>
    Device,

    /// <summary>A named pipe.</summary>
    Fifo,

    /// <summary>A socket or anything else.</summary>
    Other,
}
