using System.Collections.Immutable;
using CsCheck;
using Dossier.Stories;

namespace Dossier.Tests.Stories;

/// <summary>
/// The link key only rules pairs out that the full test would rule out too: on generated pairs of reports, the link
/// test gives the same answer with each report's key as with a key that rules nothing out, and each bound holds.
/// </summary>
public class LinkKeyTests
{
    // Our own invented names and words; small pools, so generated pairs share some and not others.
    private static readonly string[] Names = ["halvor ostby", "ostby", "kranmere", "lisvik tordal", "tordal", "brennik", "sollund varta", "dunmoor", "quill", "amber fen"];

    private static readonly int[] Terms = [.. Enumerable.Range(0, 60).Select(i => ArticleFeatures.TermKey("w" + i))];

    private static readonly Gen<ImmutableArray<(int Term, int Count)>> TermCounts =
        Gen.Int[0, Terms.Length - 1].Array[0, 40].SelectMany(picks => Gen.Int[1, 6].Array[picks.Length].Select(counts =>
        {
            var byTerm = new SortedDictionary<int, int>();
            for (var i = 0; i < picks.Length; i++)
            {
                byTerm[Terms[picks[i]]] = counts[i];
            }

            return byTerm.Select(p => (p.Key, p.Value)).ToImmutableArray();
        }));

    // Signatures drawn from few values, so that any share of positions may agree.
    private static readonly Gen<ImmutableArray<ulong>> Signatures = Gen.ULong[0, 3].Array[Fingerprints.SignatureLength].Select(s => s.ToImmutableArray());

    private static readonly Gen<EventWindow?> Windows = Gen.Int[-1, 40].Select(d => d < 0
        ? (EventWindow?)null
        : new EventWindow(new DateOnly(2026, 3, 1).AddDays(d), new DateOnly(2026, 3, 1).AddDays(d + (d % 3)), false));

    private static readonly Gen<ArticleFeatures> Reports =
        Gen.Select(TermCounts, Gen.OneOf(Names).Array[0, 4], Signatures, Windows, Gen.ULong[0, 2], (terms, names, signature, window, hash) => new ArticleFeatures(
            "r",
            terms,
            [.. names.Distinct().Order(StringComparer.Ordinal)],
            window?.First,
            null,
            [],
            null,
            null,
            hash,
            signature,
            window));

    [Fact]
    public void The_link_test_gives_the_same_answer_with_and_without_the_keys()
    {
        var options = new StoryGrouperOptions();
        Gen.Select(Reports, Reports).Sample((a, b) =>
        {
            var keyed = EventClustering.Link(a, b, options);
            var plain = EventClustering.Link(a.Window, Permissive(a.Key), a, b.Window, Permissive(b.Key), b, options);
            Assert.Equal(plain, keyed);
        });
    }

    [Fact]
    public void The_term_sketch_never_bounds_the_cosine_below_itself()
    {
        Gen.Select(Reports, Reports).Sample((a, b) =>
        {
            var cosine = Cosine(a.TermCounts, b.TermCounts);
            Assert.True(cosine == 0 || a.Key.MayReach(b.Key, cosine), $"cosine {cosine} ruled out");
        });
    }

    [Fact]
    public void The_signature_sketch_never_rules_out_positions_that_agree()
    {
        Gen.Select(Reports, Reports).Sample((a, b) =>
        {
            var agreeing = a.Signature.Zip(b.Signature).Count(p => p.First == p.Second);
            Assert.True(a.Key.MayAgree(b.Key, agreeing));
        });
    }

    [Fact]
    public void The_term_sketch_rules_out_reports_without_words_in_common()
    {
        ArticleFeatures Of(IEnumerable<int> picks) =>
            new("r", [.. picks.Select(i => Terms[i]).Order().Select(t => (t, 1))], [], null, null, [], null, null, 9, [.. Enumerable.Repeat(1UL, Fingerprints.SignatureLength)]);
        var a = Of(Enumerable.Range(0, 20));
        var apart = Of(Enumerable.Range(40, 5));
        Assert.True(a.Key.MayReach(a.Key, 0.99));

        // Buckets may still collide; with five words against many, the bound stays well under the nameless bar.
        Assert.False(a.Key.MayReach(apart.Key, new StoryGrouperOptions().NamelessLinkCosine));
    }

    // A key that rules nothing out, with the values the test reads (hash, counts) left as they are.
    private static LinkKey Permissive(LinkKey key)
    {
        var shares = default(LinkKey.BucketShares);
        for (var k = 0; k < LinkKey.Buckets; k++)
        {
            shares[k] = 255;
        }

        return key with { SignatureLength = 0, EntityMask = ~0UL, SingleNameMask = ~0UL, NameWordMask = ~0UL, TermBuckets = UInt128.MaxValue, TermShares = shares };
    }

    // The cosine of 1 + log(count) weights, written out here rather than taken from the code under test.
    private static double Cosine(ImmutableArray<(int Term, int Count)> a, ImmutableArray<(int Term, int Count)> b)
    {
        var wb = b.ToDictionary(t => t.Term, t => 1 + Math.Log(t.Count));
        var dot = a.Where(t => wb.ContainsKey(t.Term)).Sum(t => (1 + Math.Log(t.Count)) * wb[t.Term]);
        var na = a.Sum(t => Math.Pow(1 + Math.Log(t.Count), 2));
        var nb = b.Sum(t => Math.Pow(1 + Math.Log(t.Count), 2));
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
