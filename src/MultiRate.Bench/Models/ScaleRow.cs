namespace MultiRate.Bench.Models;

/// <summary>The headline at one scale: the same parameters run dense every tick, or split across two rates.</summary>
/// <param name="Name">The scale's name.</param>
/// <param name="Device">Where the head ran (<c>cpu</c>, <c>cuda:0 ...</c>, <c>ilgpu-cpu</c>); the context runs on the CPU.</param>
/// <param name="ContextParams">Parameters of the context module.</param>
/// <param name="HeadParams">Parameters of the head.</param>
/// <param name="DenseMaxHz">Highest rate of the dense policy (context's K steps + head every tick): 1 / (p99 x safety).</param>
/// <param name="MultirateMaxHz">Highest rate of the head alone: 1 / (p99 x safety).</param>
/// <param name="RateRatio">MultirateMaxHz / DenseMaxHz.</param>
public sealed record ScaleRow(string Name, string Device, long ContextParams, long HeadParams, double DenseMaxHz, double MultirateMaxHz, double RateRatio);
