using System.Text.Json.Nodes;

namespace MultiRate.Cli.Tests.Commands;

/// <summary>The short form of `multirate soak`: 10^5 fast ticks of the shipped runtime in virtual time.</summary>
[Collection("cli")]
public class SoakCommandTests
{
    [Fact]
    public void Soak_HundredThousandVirtualTicks_MemoryFlatNoGen2TensorsStable()
    {
        var (code, output, err) = CliRunner.Run("soak", "--virtual-ticks", "100000", "--realtime-seconds", "0", "--json");
        Assert.True(code == 0, err);
        JsonObject v = JsonNode.Parse(output)!["virtual"]!.AsObject();

        Assert.Equal(100_000, (long)v["fast_ticks"]!);
        Assert.Equal(0, (long)v["gc_during_run"]!["gen2"]!);
        // Every tensor a tick or a context update creates is disposed: the live count returns to where it was.
        Assert.Equal(0, (long)v["live_tensors"]!["growth"]!);
        // Retained managed memory: a leak of 8 B per fast tick would retain 800 KB; the measured one-off
        // growth (first-run caches) is ~150 KB at 10^5 and at 10^6 ticks alike.
        Assert.True((long)v["heap_after_full_gc_bytes"]!["growth"]! < 512 * 1024, output);
        // RSS from the post-warm-up snapshot: the GC's gen-0 budget and allocator arenas settle in the
        // first ticks (measured 13-16 MiB at 10^5 and 10^6 ticks); a native leak of 512 B per tick would add 49 MiB.
        Assert.True((double)v["rss_growth_mib"]! < 40, output);
        Assert.False(v.ContainsKey("realtime"));
    }

    [Fact]
    public void Soak_UnexpectedArgument_ExitCode2()
    {
        var (code, _, err) = CliRunner.Run("soak", "forever");
        Assert.Equal(2, code);
        Assert.Contains("forever", err);
    }
}
