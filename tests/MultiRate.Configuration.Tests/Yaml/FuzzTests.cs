using System.Text;
using CsCheck;
using MultiRate.Configuration.Models;
using MultiRate.Configuration.Rates;
using MultiRate.Configuration.Tests.Models;
using MultiRate.Configuration.Tests.Rates;
using MultiRate.Core.Errors;
using Xunit;

namespace MultiRate.Configuration.Tests.Yaml;

public sealed class FuzzTests
{
    // Fixed so a failure reproduces; CsCheck prints the failing (shrunk) input.
    private const string Seed = "0000ljmwAm0e";

    // Characters that matter to YAML structure, plus some plain ones.
    private const string Alphabet = ":-[]{},#&*!|>'\"%@` \t\n?~.0123456789abcxyz_";

    private static readonly string[] Bases =
    [
        ProfileYaml.Valid,
        ConfigYaml.Valid,
        File.ReadAllText(Path.Combine(RepoRoot.Path, "rates", "default.yaml")),
        File.ReadAllText(Path.Combine(RepoRoot.Path, "configs", "px4-attitude.yaml")),
    ];

    private static readonly Gen<(int Kind, int Position, char Char)> Mutation =
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Int[0, Alphabet.Length - 1], (k, p, c) => (k, p, Alphabet[c]));

    private static readonly Gen<string> MutatedText =
        Gen.Select(Gen.Int[0, Bases.Length - 1], Mutation.Array[1, 8], (b, m) => Apply(Bases[b], m));

    private static readonly Gen<string> RandomText = Gen.String[Gen.Char[Alphabet], 0, 200];

    [Fact]
    public void Parse_MutatedYaml_OnlyThrowsUserInputExceptions()
    {
        MutatedText.Sample(AssertOnlyUserErrors, seed: Seed, iter: 400, threads: 1);
    }

    [Fact]
    public void Parse_RandomText_OnlyThrowsUserInputExceptions()
    {
        RandomText.Sample(AssertOnlyUserErrors, seed: Seed, iter: 300, threads: 1);
    }

    private static void AssertOnlyUserErrors(string text)
    {
        Run(() => RateProfileLoader.Parse(text, "fuzz.yaml"));
        Run(() => ModelConfigLoader.Parse(text, "fuzz.yaml"));
    }

    private static void Run(Action parse)
    {
        try
        {
            parse();
        }
        catch (ValidationException ex)
        {
            // Every error must say where and what; a message is never blank.
            Assert.All(ex.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        }
    }

    private static string Apply(string text, (int Kind, int Position, char Char)[] mutations)
    {
        var sb = new StringBuilder(text);
        foreach (var (kind, position, c) in mutations)
        {
            int at = sb.Length == 0 ? 0 : position % sb.Length;
            switch (kind)
            {
                case 0:
                    sb.Insert(at, c);
                    break;
                case 1 when sb.Length > 0:
                    sb.Remove(at, 1);
                    break;
                case 2 when sb.Length > 0:
                    sb[at] = c;
                    break;
                case 3:
                    // Duplicate a line: exercises duplicate keys and odd indentation.
                    string[] lines = sb.ToString().Split('\n');
                    int line = position % lines.Length;
                    sb.Clear().AppendJoin('\n', lines.Take(line + 1).Append(lines[line]).Concat(lines.Skip(line + 1)));
                    break;
                default:
                    // Delete a line: exercises missing keys.
                    string[] all = sb.ToString().Split('\n');
                    int drop = position % all.Length;
                    sb.Clear().AppendJoin('\n', all.Where((_, i) => i != drop));
                    break;
            }
        }

        return sb.ToString();
    }
}
