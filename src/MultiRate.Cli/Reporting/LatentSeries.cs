namespace MultiRate.Cli.Reporting;

/// <summary>The latents one slow clock published, from a recording.</summary>
internal sealed class LatentSeries
{
    public LatentSeries(string clock) => Clock = clock;

    public string Clock { get; }

    /// <summary>Publish time of each latent, seconds from tick 0.</summary>
    public List<double> TimeS { get; } = [];

    public List<long> Versions { get; } = [];

    /// <summary>Age of each latent when it became visible, ms.</summary>
    public List<double> AgeAtPublishMs { get; } = [];

    public List<double> RecursionSteps { get; } = [];
}
