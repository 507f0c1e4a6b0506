using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MultiRate.Inference.Kernels;

/// <summary>
/// Dot products and matrix-vector products in one fixed summation order, so the result is the same
/// bits on every x86-64 CPU whatever vector width it has.
/// </summary>
/// <remarks>
/// Order: lane L (0..7) sums a[i]*b[i] for i = L (mod 8) in increasing i, starting from +0; then
/// the lanes are added as ((l0+l1)+(l2+l3))+((l4+l5)+(l6+l7)). Products and sums are separate
/// IEEE float operations: the JIT never fuses them into an FMA, and <see cref="Vector256{T}"/> has
/// 8 lanes on every CPU (in hardware with AVX, emulated lane by lane without it), unlike
/// <c>Vector&lt;T&gt;</c>, BLAS or libtorch, whose order follows the instruction set.
/// Thread-safe, no allocation.
/// </remarks>
internal static class FixedDot
{
    /// <summary>Lanes of the fixed order.</summary>
    public const int Lanes = 8;

    /// <summary>sum a[i] * b[i] over a's length (b at least as long).</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int n = a.Length;
        if (b.Length < n)
        {
            throw new ArgumentException($"b has {b.Length} values, a has {n}", nameof(b));
        }

        ref float ra = ref MemoryMarshal.GetReference(a);
        ref float rb = ref MemoryMarshal.GetReference(b);
        Vector256<float> acc = Vector256<float>.Zero;
        int i = 0;
        for (; i <= n - Lanes; i += Lanes)
        {
            acc += Vector256.LoadUnsafe(ref ra, (nuint)i) * Vector256.LoadUnsafe(ref rb, (nuint)i);
        }

        if (i < n)
        {
            // The tail continues each lane's sequence: element i + j goes to lane j.
            Span<float> tail = stackalloc float[Lanes];
            tail.Clear();
            for (int j = 0; i + j < n; j++)
            {
                tail[j] = Unsafe.Add(ref ra, i + j) * Unsafe.Add(ref rb, i + j);
            }

            // Lanes past the tail add +0, which leaves them as they are (but for the sign of a zero).
            acc += Vector256.Create<float>(tail);
        }

        return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
    }

    /// <summary>y[o] = bias[o] + Dot(w row o, x) for a row-major w [y.Length, x.Length].</summary>
    public static void MatVec(ReadOnlySpan<float> w, ReadOnlySpan<float> bias, ReadOnlySpan<float> x, Span<float> y)
    {
        int n = x.Length;
        if (w.Length < y.Length * n || bias.Length < y.Length)
        {
            throw new ArgumentException($"weights [{y.Length}, {n}] and bias [{y.Length}] expected, got {w.Length} and {bias.Length} values", nameof(w));
        }

        for (int o = 0; o < y.Length; o++)
        {
            y[o] = bias[o] + Dot(x, w.Slice(o * n, n));
        }
    }
}
