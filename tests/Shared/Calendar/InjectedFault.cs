namespace MultiRate.Tests.Shared;

/// <summary>What an injected fault does to one slow update.</summary>
internal enum InjectedFault
{
    /// <summary>Takes exactly its declared latency.</summary>
    None,

    /// <summary>Takes longer than declared (it may still finish before the timeout).</summary>
    Late,

    /// <summary>Never finishes: the slow path's timeout ends it.</summary>
    Hang,

    /// <summary>The module throws.</summary>
    Throw,
}
