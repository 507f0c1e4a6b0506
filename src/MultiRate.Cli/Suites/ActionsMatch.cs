namespace MultiRate.Cli.Suites;

/// <summary>A case's golden-recording check: its action stream must equal a recorded one, value by value within a tolerance.</summary>
/// <param name="Recording">A recording made by <c>multirate replay --record</c>.</param>
/// <param name="Tolerance">Largest absolute difference allowed per action value (0: bit-exact as recorded).</param>
internal sealed record ActionsMatch(string Recording, double Tolerance);
