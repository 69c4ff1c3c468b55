using System.Collections.Immutable;
using System.Numerics;

namespace Dossier.Stories;

/// <summary>
/// What the link test (<see cref="EventClustering.Link(ArticleFeatures, ArticleFeatures, StoryGrouperOptions)"/>) can rule out without reading a report's arrays: its text
/// hash, a two-bit sketch of its MinHash signature, and one-word masks of its names. Every field is a necessary
/// condition, never a decision: two reports whose sketches agree on too few positions cannot have signatures that
/// agree on enough, and two name lists whose masks share no bit share no name, so the test gives the same answer with
/// or without it. It exists because the grouping thread tests millions of candidate pairs in a dense stream and almost
/// all of them fail; the arrays of the candidate it reached for (signature, names) were cache misses, and this key
/// sits in one contiguous list beside the session's slots.
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
    bool HasOrdinals)
{
    // Even bits of a sketch word: a position agrees in its sketch when both of its two bits do.
    private const ulong LowBits = 0x5555_5555_5555_5555UL;

    /// <summary>The key of a report's features: its text hash, signature, names and ordinals.</summary>
    public static LinkKey Of(ulong exactHash, ImmutableArray<ulong> signatureValues, ImmutableArray<string> entities, ImmutableArray<string> ordinals)
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

        return new LinkKey(
            exactHash,
            s0,
            s1,
            signature.Length,
            Mask(entities),
            Mask(ArticleFeatures.SingleNamesOf(entities)),
            Mask(ArticleFeatures.NameWordsOf(entities)),
            entities.IsDefault ? 0 : entities.Length,
            !ordinals.IsDefaultOrEmpty);
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
