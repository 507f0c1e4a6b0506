using MultiRate.Configuration.Models;
using MultiRate.Configuration.Rates;
using MultiRate.Core.Errors;
using Xunit;

namespace MultiRate.Configuration.Tests.Fuzz;

/// <summary>
/// Fuzzes the rate profile and model config loaders from files (bytes, not strings): every shipped
/// profile and config mutated, and random bytes and YAML-ish text. The only outcomes allowed are a
/// loaded file or a <see cref="UserInputException"/> (a <see cref="ValidationException"/> for
/// content) naming the file.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class LoaderFuzzTests : IDisposable
{
    /// <summary>YAML parsing builds a node tree several times the text's size; a lie must not add to it.</summary>
    private const long BaseCap = 16L << 20;

    private static readonly Lazy<byte[][]> Bases = new(() =>
    [
        .. Directory.GetFiles(Path.Combine(RepoRoot.Path, "rates"), "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllBytes),
        .. Directory.GetFiles(Path.Combine(RepoRoot.Path, "configs"), "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllBytes),
    ]);

    private readonly string _dir = Directory.CreateTempSubdirectory("multirate-fuzz-yaml-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Load_MutatedShippedFiles_LoadOrThrowTypedErrors()
    {
        FuzzRunner.Run(YamlMutator.Mutated(Bases.Value), FuzzRunner.Iterations(500), LoadBoth, Cap);
    }

    [Fact]
    public void Load_RandomBytesAndText_LoadOrThrowTypedErrors()
    {
        FuzzRunner.Run(YamlMutator.Random(400), FuzzRunner.Iterations(500), LoadBoth, Cap);
    }

    private static long Cap(byte[] input) => BaseCap + (1024L * input.Length);

    private void LoadBoth(byte[] input)
    {
        string path = Path.Combine(_dir, "fuzz.yaml");
        File.WriteAllBytes(path, input);
        Typed(() => RateProfileLoader.Load(path));
        Typed(() => ModelConfigLoader.Load(path));
    }

    private static void Typed(Action load)
    {
        try
        {
            load();
        }
        catch (ValidationException ex)
        {
            Assert.NotEmpty(ex.Errors);
            Assert.All(ex.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
            Assert.Contains("fuzz.yaml", ex.Message, StringComparison.Ordinal);
        }
        catch (UserInputException ex)
        {
            Assert.Contains("fuzz.yaml", ex.Message, StringComparison.Ordinal);
        }
    }
}
