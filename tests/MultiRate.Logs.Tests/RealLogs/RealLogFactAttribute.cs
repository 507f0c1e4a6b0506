using Xunit;

namespace MultiRate.Logs.Tests.RealLogs;

/// <summary>A fact over a real log kept outside the repository (too large or GPL); skipped with the reason when the folder is absent.</summary>
internal sealed class RealLogFactAttribute : FactAttribute
{
    public RealLogFactAttribute(string folder)
    {
        if (!Directory.Exists(ExpectedJson.SharedFolder(folder)))
        {
            Skip = $"real log folder {ExpectedJson.SharedFolder(folder)} is not on this machine";
        }
    }
}
