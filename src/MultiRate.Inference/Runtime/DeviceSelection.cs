using MultiRate.Core.Models;

namespace MultiRate.Inference.Runtime;

/// <summary>The device the models will actually use, and why, for the caller to log once.</summary>
/// <param name="Requested">What the config asked for.</param>
/// <param name="Device">What will be used: <see cref="ComputeDevice.Cpu"/>, <see cref="ComputeDevice.Cuda"/> or <see cref="ComputeDevice.IlgpuCpu"/>.</param>
/// <param name="Note">One line for the log when the choice is not the obvious one (auto fell back), else null.</param>
public sealed record DeviceSelection(ComputeDevice Requested, ComputeDevice Device, string? Note);
