using CsCheck;
using MultiRate.Cli.Suites;
using MultiRate.Core.Errors;

namespace MultiRate.Cli.Tests.Suites;

public sealed class ShardTests
{
    [Fact]
    public void Holds_AnySuiteAndShardCount_EveryCaseInExactlyOneShardAndShardsBalanced()
    {
        Gen.Select(Gen.Int[1, 40], Gen.Int[0, 200]).Sample((count, cases) =>
        {
            Shard[] shards = [.. Enumerable.Range(1, count).Select(i => new Shard(i, count))];
            int[] sizes = [.. shards.Select(s => Enumerable.Range(0, cases).Count(s.Holds))];
            bool eachOnce = Enumerable.Range(0, cases).All(c => shards.Count(s => s.Holds(c)) == 1);
            return eachOnce && sizes.Max() - sizes.Min() <= 1;
        });
    }

    [Fact]
    public void Holds_ShardTwoOfThree_TakesIndexOneFourSeven() =>
        Assert.Equal([1, 4, 7], Enumerable.Range(0, 9).Where(new Shard(2, 3).Holds));

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("3/4", 3, 4)]
    public void Parse_IOfN_GivesTheShard(string text, int index, int count) =>
        Assert.Equal(new Shard(index, count), Shard.Parse(text));

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("1/0")]
    [InlineData("1")]
    [InlineData("1/2/3")]
    [InlineData("-1/3")]
    [InlineData("a/b")]
    public void Parse_NotIOfN_RefusesNamingTheOption(string text)
    {
        var ex = Assert.Throws<UserInputException>(() => Shard.Parse(text));
        Assert.StartsWith("--shard: expected I/N", ex.Message, StringComparison.Ordinal);
    }
}
