namespace MultiRate.Cli.Suites;

/// <summary>One expectation: a path into the summary, a comparison and its operand (a number, a string or true/false).</summary>
/// <param name="Path">Where the value is in the summary.</param>
/// <param name="Op">The comparison: <c>==</c>, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c> or <c>&gt;=</c>.</param>
/// <param name="Operand">A <see cref="double"/>, a <see cref="string"/> or a <see cref="bool"/>.</param>
/// <param name="Text">The expectation as the suite wrote it, for messages.</param>
internal sealed record Expectation(SummaryPath Path, string Op, object Operand, string Text)
{
    /// <summary>The comparisons in the order they are tried (two-character operators first).</summary>
    public static readonly string[] Operators = ["==", "!=", "<=", ">=", "<", ">"];

    /// <summary>Whether the operator orders (only numbers can be ordered).</summary>
    public bool Orders => Op is "<" or "<=" or ">" or ">=";
}
