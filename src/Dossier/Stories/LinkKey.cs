using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Dossier.Stories;

/// <summary>
/// What the link test (<see cref="EventClustering.Link(ArticleFeatures, ArticleFeatures, StoryGrouperOptions)"/>) can
/// rule out without reading a report's arrays: its text hash, a two-bit sketch of its MinHash signature, one-word masks
/// of its names, and a bucketed sketch of its term vector. Every field gives a necessary condition, never a decision:
/// two reports whose sketches agree on too few positions cannot have signatures that agree on enough, two name lists
/// whose masks share no bit share no name, and the term sketches bound the term cosine from above, so the test gives
/// the same answer with or without them. It exists because the grouping thread tests millions of candidate pairs in a
/// dense stream and almost all of them fail; the arrays of the candidate it reached for (signature, names, terms) were
/// cache misses, and this key sits in one contiguous list beside the session's slots.
/// </summary>
internal readonly record struct LinkKey(
    ulong ExactHash,
    ulong Sketch0,
    ulong Sketch1,
    int SignatureLength,
    ulong EntityMask,
    ulong SingleNameMask,
    ulong NameWordMask,
    int EntityCount,
    bool HasOrdinals,
    UInt128 TermBuckets,
    LinkKey.BucketShares TermShares)
{
    /// <summary>Buckets of the term sketch: a term falls in the bucket of its number's low bits.</summary>
    public const int Buckets = 128;

    // Steps of a bucket's share: one byte each.
    private const double Steps = 255;

    /// <summary>
    /// Each bucket's share of the term vector's length, sqrt(sum of the squared weights of its terms / the squared
    /// length), rounded up to 1/255. By Cauchy-Schwarz within each bucket, the term cosine of two reports is at most the
    /// sum over buckets of the products of their shares: the bound <see cref="MayReach"/> reads.
    /// </summary>
    [InlineArray(Buckets)]
    public struct BucketShares
    {
        private byte share;
    }

    // Even bits of a sketch word: a position agrees in its sketch when both of its two bits do.
    private const ulong LowBits = 0x5555_5555_5555_5555UL;

    /// <summary>The key of a report's features: its text hash, signature, names (with their one-word names and name words), ordinals and term counts.</summary>
    public static LinkKey Of(ulong exactHash, ImmutableArray<ulong> signatureValues, ImmutableArray<string> entities, ImmutableArray<string> singleNames, ImmutableArray<string> nameWords, ImmutableArray<string> ordinals, ImmutableArray<(int Term, int Count)> termCounts)
    {
        var signature = signatureValues.IsDefault ? [] : signatureValues.AsSpan();
        ulong s0 = 0, s1 = 0;
        if (signature.Length == Fingerprints.SignatureLength)
        {
            for (var k = 0; k < 32; k++)
            {
                s0 |= (signature[k] & 3UL) << (2 * k);
                s1 |= (signature[k + 32] & 3UL) << (2 * k);
            }
        }

        var (occupied, shares) = TermSketch(termCounts);
        return new LinkKey(
            exactHash,
            s0,
            s1,
            signature.Length,
            Mask(entities),
            Mask(singleNames),
            Mask(nameWords),
            entities.IsDefault ? 0 : entities.Length,
            !ordinals.IsDefaultOrEmpty,
            occupied,
            shares);
    }

    private static (UInt128 Occupied, BucketShares Shares) TermSketch(ImmutableArray<(int Term, int Count)> counts)
    {
        Span<double> mass = stackalloc double[Buckets];
        mass.Clear();
        var total = 0.0;
        foreach (var (term, count) in counts.IsDefault ? [] : counts)
        {
            // The weight the cosine gives the term (ArticleFeatures.TermWeights).
            var w = 1.0 + Math.Log(count);
            mass[term & (Buckets - 1)] += w * w;
            total += w * w;
        }

        UInt128 occupied = 0;
        var shares = default(BucketShares);
        for (var k = 0; k < Buckets && total > 0; k++)
        {
            if (mass[k] > 0)
            {
                // Rounded up, with a margin for the rounding of the square root: the bound never falls below the share.
                occupied |= UInt128.One << k;
                shares[k] = (byte)Math.Min(Steps, Math.Ceiling((Math.Sqrt(mass[k] / total) * Steps) + 1e-6));
            }
        }

        return (occupied, shares);
    }

    /// <summary>
    /// False only when the term cosine of the two reports must lie below <paramref name="threshold"/>: the bound from
    /// the buckets both occupy (see <see cref="BucketShares"/>), with a margin far above the rounding of either side.
    /// </summary>
    public bool MayReach(in LinkKey other, double threshold)
    {
        var both = TermBuckets & other.TermBuckets;
        var sum = 0;
        for (var bits = unchecked((ulong)both); bits != 0; bits &= bits - 1)
        {
            var k = BitOperations.TrailingZeroCount(bits);
            sum += TermShares[k] * other.TermShares[k];
        }

        for (var bits = unchecked((ulong)(both >> 64)); bits != 0; bits &= bits - 1)
        {
            var k = 64 + BitOperations.TrailingZeroCount(bits);
            sum += TermShares[k] * other.TermShares[k];
        }

        return (sum / (Steps * Steps)) + 1e-6 >= threshold;
    }

    /// <summary>
    /// False only when the two signatures cannot agree on <paramref name="needed"/> positions: positions that agree
    /// agree in their two low bits as well. Signatures of another length than the sketch covers are not ruled out.
    /// </summary>
    public bool MayAgree(in LinkKey other, int needed)
    {
        if (SignatureLength != Fingerprints.SignatureLength || other.SignatureLength != Fingerprints.SignatureLength)
        {
            return true;
        }

        ulong x0 = Sketch0 ^ other.Sketch0, x1 = Sketch1 ^ other.Sketch1;
        var same = BitOperations.PopCount(~(x0 | (x0 >> 1)) & LowBits) + BitOperations.PopCount(~(x1 | (x1 >> 1)) & LowBits);
        return same >= needed;
    }

    // One bit per distinct string (by the term hash every stage shares): equal strings set equal bits.
    private static ulong Mask(ImmutableArray<string> values)
    {
        ulong mask = 0;
        foreach (var value in values.IsDefault ? [] : values)
        {
            mask |= 1UL << (ArticleFeatures.TermKey(value) & 63);
        }

        return mask;
    }
}
