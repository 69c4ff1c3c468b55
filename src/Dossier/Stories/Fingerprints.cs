using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Dossier.Stories;

/// <summary>
/// Copy detection: a hash of the normalised text for exact copies, and a MinHash signature over word
/// shingles, cut into LSH bands, for near copies (a syndicated text with a different intro or tail).
/// </summary>
internal static class Fingerprints
{
    /// <summary>Words per shingle.</summary>
    public const int ShingleSize = 5;

    /// <summary>MinHash values per signature (<see cref="Bands"/> × <see cref="Rows"/>).</summary>
    public const int SignatureLength = 64;

    /// <summary>LSH bands: two texts whose signatures agree on a whole band become candidates.</summary>
    public const int Bands = 16;

    /// <summary>Signature values per band; 16 × 4 finds pairs above about 0.5 Jaccard with high probability.</summary>
    public const int Rows = 4;

    // Fixed odd multipliers and offsets: the permutations are deterministic across runs and machines.
    private static readonly ulong[] Multipliers = MakeConstants(0x9E3779B97F4A7C15UL, SignatureLength, odd: true);
    private static readonly ulong[] Offsets = MakeConstants(0xD1B54A32D192ED03UL, SignatureLength, odd: false);

    /// <summary>A hash of the text with case, punctuation and spacing removed: equal for exact copies.</summary>
    public static ulong ExactHash(string text) => ExactHash(TextTerms.Words(text));

    /// <summary>The exact-copy hash of a text's words.</summary>
    public static ulong ExactHash(List<Word> words)
    {
        // Streamed word by word: the hash of the words joined by spaces, without the joined string.
        var hash = new XxHash3();
        ReadOnlySpan<char> space = [' '];
        foreach (var word in words)
        {
            hash.Append(MemoryMarshal.AsBytes(word.Lower.AsSpan()));
            hash.Append(MemoryMarshal.AsBytes(space));
        }

        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>The hashes of the text's word shingles (lower-cased words, function words kept: copies keep them too).</summary>
    public static ulong[] Shingles(string text) => Shingles(TextTerms.Words(text));

    /// <summary>The shingle hashes of a text's words.</summary>
    public static ulong[] Shingles(List<Word> words)
    {
        if (words.Count == 0)
        {
            return [];
        }

        var wordHashes = new ulong[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            wordHashes[i] = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(words[i].Lower.AsSpan()));
        }

        var count = Math.Max(1, words.Count - ShingleSize + 1);
        var shingles = new HashSet<ulong>(count);
        for (var i = 0; i < count; i++)
        {
            shingles.Add(ShingleHash(wordHashes, i));
        }

        return [.. shingles];
    }

    /// <summary>
    /// The MinHash signature of a text's word shingles: <see cref="MinHash(ReadOnlySpan{ulong})"/> of <see cref="Shingles(List{Word})"/>,
    /// without the set. A repeated shingle cannot change a minimum, so the hashes need not be made distinct first.
    /// </summary>
    public static ulong[] Signature(List<Word> words)
    {
        if (words.Count == 0)
        {
            return MinHash([]);
        }

        var count = Math.Max(1, words.Count - ShingleSize + 1);
        var rented = ArrayPool<ulong>.Shared.Rent(words.Count + count);
        try
        {
            var wordHashes = rented.AsSpan(0, words.Count);
            var shingles = rented.AsSpan(words.Count, count);
            for (var i = 0; i < words.Count; i++)
            {
                wordHashes[i] = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(words[i].Lower.AsSpan()));
            }

            for (var i = 0; i < count; i++)
            {
                shingles[i] = ShingleHash(wordHashes, i);
            }

            return MinHash(shingles);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(rented);
        }
    }

    private static ulong ShingleHash(ReadOnlySpan<ulong> wordHashes, int i)
    {
        var h = 0xCBF29CE484222325UL;
        for (var j = i; j < Math.Min(wordHashes.Length, i + ShingleSize); j++)
        {
            h = unchecked((h ^ wordHashes[j]) * 0x100000001B3UL);
            h ^= h >> 29;
        }

        return h;
    }

    /// <summary>The MinHash signature of a shingle set.</summary>
    public static ulong[] MinHash(ulong[] shingles) => MinHash(shingles.AsSpan());

    /// <summary>The MinHash signature of some shingle hashes.</summary>
    public static ulong[] MinHash(ReadOnlySpan<ulong> shingles)
    {
        var signature = new ulong[SignatureLength];
        Array.Fill(signature, ulong.MaxValue);
        var k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Four permutations at a time, the same arithmetic lane by lane (so the same signature): a third of the
            // cost of grouping's per-article features was this loop.
            for (; k + Vector256<ulong>.Count <= SignatureLength; k += Vector256<ulong>.Count)
            {
                var multiplier = Vector256.Create(Multipliers.AsSpan(k));
                var offset = Vector256.Create(Offsets.AsSpan(k));
                var min = Vector256<ulong>.AllBitsSet;
                foreach (var s in shingles)
                {
                    min = Vector256.Min(min, Mix((Vector256.Create(s) * multiplier) + offset));
                }

                min.CopyTo(signature.AsSpan(k));
            }
        }

        for (; k < SignatureLength; k++)
        {
            foreach (var s in shingles)
            {
                var v = Mix(unchecked((s * Multipliers[k]) + Offsets[k]));
                if (v < signature[k])
                {
                    signature[k] = v;
                }
            }
        }

        return signature;
    }

    public static ulong[] BandKeys(ReadOnlySpan<ulong> signature)
    {
        var keys = new ulong[Bands];
        for (var b = 0; b < Bands; b++)
        {
            var h = unchecked((ulong)(b + 1) * 0x9E3779B97F4A7C15UL);
            for (var r = 0; r < Rows; r++)
            {
                h = Mix(h ^ signature[(b * Rows) + r]);
            }

            keys[b] = h;
        }

        return keys;
    }

    /// <summary>The share of signature positions that agree: an estimate of the shingle sets' Jaccard similarity.</summary>
    public static double EstimatedJaccard(ulong[] a, ulong[] b)
    {
        var same = 0;
        for (var k = 0; k < SignatureLength; k++)
        {
            if (a[k] == b[k])
            {
                same++;
            }
        }

        return same / (double)SignatureLength;
    }

    /// <summary>The share of the smaller shingle set found in the larger: high when one text carries the other (a copy with extra chrome).</summary>
    public static double Containment(ulong[] a, ulong[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var (small, large) = a.Length <= b.Length ? (a, b) : (b, a);
        var set = new HashSet<ulong>(large);
        return small.Count(set.Contains) / (double)small.Length;
    }

    private static Vector256<ulong> Mix(Vector256<ulong> x)
    {
        x = (x ^ Vector256.ShiftRightLogical(x, 30)) * Vector256.Create(0xBF58476D1CE4E5B9UL);
        x = (x ^ Vector256.ShiftRightLogical(x, 27)) * Vector256.Create(0x94D049BB133111EBUL);
        return x ^ Vector256.ShiftRightLogical(x, 31);
    }

    private static ulong Mix(ulong x)
    {
        // SplitMix64 finaliser: turns a linear permutation into a well-spread one.
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        return x ^ (x >> 31);
    }

    private static ulong[] MakeConstants(ulong seed, int count, bool odd)
    {
        var values = new ulong[count];
        var state = seed;
        for (var i = 0; i < count; i++)
        {
            state = unchecked(state + 0x9E3779B97F4A7C15UL);
            values[i] = Mix(state) | (odd ? 1UL : 0UL);
        }

        return values;
    }
}
