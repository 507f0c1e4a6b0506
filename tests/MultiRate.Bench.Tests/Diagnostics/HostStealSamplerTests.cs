using System.Diagnostics;
using System.Text;
using MultiRate.Bench.Diagnostics;

namespace MultiRate.Bench.Tests.Diagnostics;

public sealed class HostStealSamplerTests
{
    [Theory]
    [InlineData("cpu  1248587 0 159966 856144 5206 0 863 1330 0 0\ncpu0 1 2 3 4 5 6 7 8 9 10\n", 1330)]
    [InlineData("cpu 1 2 3 4 5 6 7 8", 8)]
    [InlineData("cpu  1 2 3 4 5 6 7", -1)] // a kernel without the steal column
    [InlineData("cpu0 1 2 3 4 5 6 7 8", -1)] // not the aggregate line
    [InlineData("cpu  1 2 x 4 5 6 7 8", -1)]
    [InlineData("", -1)]
    public void Steal_is_the_eighth_number_of_the_aggregate_cpu_line(string stat, long expected) =>
        Assert.Equal(expected, HostStealSampler.ParseSteal(Encoding.ASCII.GetBytes(stat)));

    [Fact]
    public void On_linux_it_samples_and_never_attributes_a_time_far_from_every_sample()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var sampler = new HostStealSampler(TimeSpan.FromMilliseconds(5));
        Assert.True(sampler.Available);
        Thread.Sleep(100);
        sampler.Stop();
        Assert.True(sampler.StealMs >= 0);

        // Far from every sample: never inside a window, whatever the host did meanwhile.
        Assert.False(sampler.DuringSteal(Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 3600)));
    }
}
