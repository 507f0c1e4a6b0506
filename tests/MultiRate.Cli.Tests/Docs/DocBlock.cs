namespace MultiRate.Cli.Tests.Docs;

/// <summary>A fenced <c>console</c> block of a document: its commands run in order in one fresh directory.</summary>
/// <param name="Document">The document's path relative to the repository root (for messages).</param>
/// <param name="Line">1-based line of the opening fence.</param>
/// <param name="Commands">The block's commands in order.</param>
internal sealed record DocBlock(string Document, int Line, IReadOnlyList<DocCommand> Commands);
