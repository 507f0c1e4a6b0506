namespace MultiRate.Core.Modules;

/// <summary>A module that says where it computes, for the run summary and the recording.</summary>
/// <remarks>Read once per run, off the clock threads.</remarks>
public interface IModulePlacement
{
    /// <summary>Where the module runs: <c>cpu</c>, <c>cuda</c> or <c>cuda:0 &lt;GPU name&gt;</c>, or <c>ilgpu-cpu</c>.</summary>
    string Placement { get; }
}
