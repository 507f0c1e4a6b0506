using MultiRate.Inference.ActionHead;
using Xunit;

namespace MultiRate.Inference.Tests.ActionHead;

public sealed class TopKRouterTests
{
    [Fact]
    public void Select_TopTwoOfFour_PicksLargestAndRenormalises()
    {
        int[] chosen = new int[2];
        float[] weights = new float[2];
        TopKRouter.Select([0.1f, 2f, -1f, 2f - MathF.Log(3f)], chosen, weights);
        Assert.Equal([1, 3], chosen);
        Assert.Equal(0.75f, weights[0], 5);
        Assert.Equal(0.25f, weights[1], 5);
    }
}
