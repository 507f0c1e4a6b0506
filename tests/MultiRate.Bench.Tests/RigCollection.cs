using Xunit;

namespace MultiRate.Bench.Tests;

/// <summary>
/// Tests that count gen-0 collections run alone: the collection count is process-wide, so a test
/// allocating on another thread at the same time would show up as the fast path's collection.
/// </summary>
[CollectionDefinition("rig", DisableParallelization = true)]
public sealed class RigCollection
{
}
