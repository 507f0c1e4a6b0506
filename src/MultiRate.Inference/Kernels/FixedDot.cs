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
    // Fully optimised from the first call: a loop in tier-0 code is later replaced on the stack
    // (OSR), which allocates on the calling thread, the fast loop's.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    // Fully optimised from the first call: a loop in tier-0 code is later replaced on the stack
    // (OSR), which allocates on the calling thread, the fast loop's.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MatVec(ReadOnlySpan<float> w, ReadOnlySpan<float> bias, ReadOnlySpan<float> x, Span<float> y)
    {
        int n = x.Length;
        if (w.Length < y.Length * n || bias.Length < y.Length)
        {
            throw new ArgumentException($"weights [{y.Length}, {n}] and bias [{y.Length}] expected, got {w.Length} and {bias.Length} values", nameof(w));
        }

        // Four rows at a time: four independent add chains instead of one (the add latency bound),
        // each row still summed in Dot's order, so the bits are Dot's.
        int o = 0;
        ref float rx = ref MemoryMarshal.GetReference(x);
        for (; o <= y.Length - 4 && n >= Lanes; o += 4)
        {
            ref float r0 = ref MemoryMarshal.GetReference(w.Slice(o * n, n));
            ref float r1 = ref MemoryMarshal.GetReference(w.Slice((o + 1) * n, n));
            ref float r2 = ref MemoryMarshal.GetReference(w.Slice((o + 2) * n, n));
            ref float r3 = ref MemoryMarshal.GetReference(w.Slice((o + 3) * n, n));
            Vector256<float> a0 = Vector256<float>.Zero, a1 = a0, a2 = a0, a3 = a0;
            int i = 0;
            for (; i <= n - Lanes; i += Lanes)
            {
                Vector256<float> xv = Vector256.LoadUnsafe(ref rx, (nuint)i);
                a0 += xv * Vector256.LoadUnsafe(ref r0, (nuint)i);
                a1 += xv * Vector256.LoadUnsafe(ref r1, (nuint)i);
                a2 += xv * Vector256.LoadUnsafe(ref r2, (nuint)i);
                a3 += xv * Vector256.LoadUnsafe(ref r3, (nuint)i);
            }

            y[o] = bias[o] + Finish(a0, x, w.Slice(o * n, n), i);
            y[o + 1] = bias[o + 1] + Finish(a1, x, w.Slice((o + 1) * n, n), i);
            y[o + 2] = bias[o + 2] + Finish(a2, x, w.Slice((o + 2) * n, n), i);
            y[o + 3] = bias[o + 3] + Finish(a3, x, w.Slice((o + 3) * n, n), i);
        }

        for (; o < y.Length; o++)
        {
            y[o] = bias[o] + Dot(x, w.Slice(o * n, n));
        }
    }

    /// <summary>Dot's tail (from element i) and lane sum for an accumulator of the first i elements.</summary>
    // Fully optimised from the first call: a loop in tier-0 code is later replaced on the stack
    // (OSR), which allocates on the calling thread, the fast loop's.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Finish(Vector256<float> acc, ReadOnlySpan<float> a, ReadOnlySpan<float> b, int i)
    {
        int n = a.Length;
        if (i < n)
        {
            Span<float> tail = stackalloc float[Lanes];
            tail.Clear();
            for (int j = 0; i + j < n; j++)
            {
                tail[j] = a[i + j] * b[i + j];
            }

            acc += Vector256.Create<float>(tail);
        }

        return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
    }
}
