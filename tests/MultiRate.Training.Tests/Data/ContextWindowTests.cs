using MultiRate.Training.Data;

namespace MultiRate.Training.Tests.Data;

public class ContextWindowTests
{
    private static readonly float[] Rows = [1, 10, 2, 20, 3, 30, 4, 40, 5, 50]; // 5 rows of 2 columns

    [Fact]
    public void Fill_EnoughRows_LastRowsOldestFirst()
    {
        float[] dst = new float[6];
        ContextWindow.Fill(Rows, 2, rowEnd: 4, windowRows: 3, moduleRows: 3, dst);
        Assert.Equal([2, 20, 3, 30, 4, 40], dst);
    }

    [Fact]
    public void Fill_FewerRowsThanWindow_RepeatsTheOldestAtTheFront()
    {
        float[] dst = new float[8];
        ContextWindow.Fill(Rows, 2, rowEnd: 2, windowRows: 4, moduleRows: 4, dst);
        Assert.Equal([1, 10, 1, 10, 1, 10, 2, 20], dst);
    }

    [Fact]
    public void Fill_NoRowYet_Zeros()
    {
        float[] dst = [9, 9, 9, 9];
        ContextWindow.Fill(Rows, 2, rowEnd: 0, windowRows: 2, moduleRows: 2, dst);
        Assert.Equal([0, 0, 0, 0], dst);
    }

    [Fact]
    public void Fill_ModuleLongerThanClockWindow_LeftPadsWithZeros()
    {
        float[] dst = new float[8];
        ContextWindow.Fill(Rows, 2, rowEnd: 5, windowRows: 2, moduleRows: 4, dst);
        Assert.Equal([0, 0, 0, 0, 4, 40, 5, 50], dst);
    }
}
