using MultiRate.Core.Rates;

namespace MultiRate.Hosting.Telemetry;

/// <summary>The profile the telemetry observers were sized for (a private DI key, so the profile is read once for both).</summary>
internal sealed record TelemetryProfile(RateProfile Profile);
