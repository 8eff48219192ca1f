using Ats.Domain.Pipeline;

namespace Ats.Tests.Domain;

public sealed class RankTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData(null, "1")]
    [InlineData("1", null)]
    [InlineData("a", "b")]
    [InlineData("a", "a1")]
    [InlineData("az", "b")]
    [InlineData("y", "z")]
    [InlineData("zz", null)]
    public void BetweenIsStrictlyBetweenItsBounds(string? lower, string? upper)
    {
        var rank = Rank.Between(lower, upper);

        if (lower is not null) Assert.True(string.CompareOrdinal(lower, rank) < 0, $"{lower} < {rank}");
        if (upper is not null) Assert.True(string.CompareOrdinal(rank, upper) < 0, $"{rank} < {upper}");
        Assert.False(rank.EndsWith('0'));
    }

    [Fact]
    public void SpreadRanksAscendAndLeaveRoomBetween()
    {
        var ranks = Rank.Spread(500);

        Assert.Equal(ranks.Order(StringComparer.Ordinal), ranks);
        Assert.Equal(500, ranks.Distinct().Count());
        Assert.All(ranks.Zip(ranks.Skip(1)), pair => Rank.Between(pair.First, pair.Second));
    }

    [Fact]
    public void RepeatedInsertsAtTheTopStayOrdered()
    {
        var top = Rank.Spread(1)[0];
        for (var i = 0; i < 200; i++)
        {
            var next = Rank.Between(null, top);
            Assert.True(string.CompareOrdinal(next, top) < 0);
            top = next;
        }
    }
}
