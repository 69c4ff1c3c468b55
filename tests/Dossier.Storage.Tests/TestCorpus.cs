using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Dossier.Events;
using Dossier.Fusion;
using Dossier.Model;
using Dossier.Output;
using Dossier.Reading;
using Dossier.Stories;
using Dossier.Testing;

namespace Dossier.Storage.Tests;

/// <summary>Inputs for the store tests: the demo corpus and generated news-like files (seeded, our own templates).</summary>
internal static class TestCorpus
{
    /// <summary>The demo corpus files (without its README and expected record), in name order.</summary>
    public static IReadOnlyList<string> DemoFiles() =>
        [.. Directory.GetFiles(Path.Combine(SharedData.RepoRoot, "samples", "demo"))
            .Where(f => !f.EndsWith("README.md", StringComparison.Ordinal) && !f.EndsWith("expected.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    /// <summary>Reads <paramref name="paths"/> as the CLI would.</summary>
    public static IEnumerable<ReadItem> Read(IEnumerable<string> paths) => new InputReader().Read(paths);

    /// <summary>
    /// Writes <paramref name="count"/> short reports about count/3 invented events into <paramref name="folder"/>;
    /// returns the file paths in order. Names of people, places and plans are invented syllable words, so
    /// reports of different events share few words.
    /// </summary>
    public static IReadOnlyList<string> Generate(string folder, int count, int seed = 11)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        string[] syllables = ["ka", "ro", "mi", "tu", "le", "sa", "no", "ve", "da", "ri", "po", "lu", "be", "zo", "ga", "ni"];
        string Word(int k) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(string.Concat(Enumerable.Range(0, k).Select(_ => syllables[random.Next(syllables.Length)])));
        string[] verbs = ["signed a deal on", "met to talk about", "set aside money for", "sent aid for"];
        string[] outlets = ["Harbour Gazette", "Ridge Observer", "Delta Courier", "Meridian Post", "Summit Daily"];
        var files = new List<string>();
        while (files.Count < count)
        {
            var (a, b, city, plan, chief) = (Word(3), Word(3), Word(3), Word(4), Word(3) + " " + Word(3));
            var verb = verbs[random.Next(verbs.Length)];
            var day = new DateOnly(2026, 1 + random.Next(12), 1 + random.Next(28));
            var cost = random.Next(2, 900);
            string[] facts =
            [
                $"{a} {verb.Split(' ')[0]} {b} over the {plan} plan in {city} on {day.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)}.",
                $"{chief} said the {plan} plan will cost {cost} million.",
                $"\"We did it for the {plan} farms,\" {chief.Split(' ')[1]} said.",
                $"{b} will set up a {plan} desk in {city}.",
            ];
            var reports = 1 + random.Next(4);
            for (var r = 0; r < reports && files.Count < count; r++)
            {
                var lines = facts.Take(1).Concat(facts.Skip(1).Where(_ => random.Next(3) > 0));
                var text = $"{a} and {b} {verb} the {plan} plan\n\n{city.ToUpperInvariant()}: {string.Join("\n\n", lines)} - {outlets[random.Next(outlets.Length)]}\n";
                var path = Path.Combine(folder, files.Count.ToString("D5", CultureInfo.InvariantCulture) + ".txt");
                File.WriteAllText(path, text, new UTF8Encoding(false));
                files.Add(path);
            }
        }

        return files;
    }

    /// <summary>The default pipeline with <see cref="VerbCoder"/> as the event coder, so exports have events.</summary>
    public static DossierPipeline Pipeline(IClaimFuser? fuser = null, int parallelism = 2)
    {
        var builder = new DossierPipelineBuilder().UseEventCoder(new VerbCoder()).UseParallelism(parallelism);
        if (fuser is not null)
        {
            builder.UseClaimFuser(fuser);
        }

        return builder.Build();
    }
}

/// <summary>
/// A small deterministic event coder for store tests: "X signed Y" is CAMEO 057 (sign formal agreement),
/// "X met Y" 036, "X sent Y" 070; actors are the capitalised words around the verb, coded as their first
/// three letters plus GOV; the first written date becomes the event date. The real coder and date resolver are
/// tested elsewhere; the store only needs coded, dated events to keep.
/// </summary>
internal sealed class VerbCoder : IEventCoder
{
    private static readonly (string Verb, string Code, double Goldstein)[] Verbs = [(" signed ", "057", 8.0), (" met ", "036", 4.0), (" sent ", "070", 7.0)];

    public AnnotatedArticle Code(AnnotatedArticle article)
    {
        var text = article.Article.Text;
        var events = ImmutableArray.CreateBuilder<EventRecord>();
        for (var i = 0; i < article.Sentences.Length; i++)
        {
            var span = article.Sentences[i].Span;
            var sentence = span.Of(text);
            foreach (var (verb, code, goldstein) in Verbs)
            {
                var at = sentence.IndexOf(verb, StringComparison.Ordinal);
                if (at <= 0)
                {
                    continue;
                }

                var before = sentence[..at].TrimEnd().Split(' ', ':');
                var source = before[^1];
                var afterStart = at + verb.Length;
                var target = sentence[afterStart..].Split(' ')[0];
                if (source.Length < 3 || target.Length < 3 || !char.IsUpper(source[0]) || !char.IsUpper(target[0]))
                {
                    continue;
                }

                var sourceStart = span.Start + sentence.LastIndexOf(source, at, StringComparison.Ordinal);
                events.Add(new EventRecord
                {
                    Source = new EventActor(source[..3].ToUpperInvariant() + "GOV", source, new TextSpan(sourceStart, source.Length)),
                    Target = new EventActor(target[..3].ToUpperInvariant() + "GOV", target, new TextSpan(span.Start + afterStart, target.Length)),
                    Code = code,
                    QuadClass = ExportRows.QuadClass(code[..2]),
                    Goldstein = goldstein,
                    SentenceIndex = i,
                    VerbSpan = new TextSpan(span.Start + at + 1, verb.Length - 2),
                    Confidence = 0.9,
                    Pattern = "test:" + verb.Trim(),
                });
            }
        }

        // The skeleton annotator resolves no dates yet; the store needs dated events to export GDELT rows.
        var date = System.Text.RegularExpressions.Regex.Match(text, @"(January|February|March|April|May|June|July|August|September|October|November|December) [0-9]{1,2}, 20[0-9]{2}");
        var day = date.Success ? DateOnly.ParseExact(date.Value, "MMMM d, yyyy", CultureInfo.InvariantCulture) : (DateOnly?)null;
        return article with { Events = events.ToImmutable(), EventDate = article.EventDate ?? day };
    }
}

/// <summary>Counts which stories the wrapped fuser is asked to fuse: the proof that ingest re-fuses only what changed.</summary>
internal sealed class CountingFuser(IClaimFuser inner) : IClaimFuser
{
    private readonly List<string> fused = [];

    public IReadOnlyList<string> Fused
    {
        get
        {
            lock (fused)
            {
                return [.. fused];
            }
        }
    }

    public void Reset()
    {
        lock (fused)
        {
            fused.Clear();
        }
    }

    public Story Fuse(StoryCluster cluster)
    {
        lock (fused)
        {
            fused.Add(cluster.Id);
        }

        return inner.Fuse(cluster);
    }
}

/// <summary>A fuser that fails on its n-th call, standing in for a process that dies in the middle of a batch.</summary>
internal sealed class FailingFuser(IClaimFuser inner, int failOnCall) : IClaimFuser
{
    private int calls;

    public Story Fuse(StoryCluster cluster) =>
        Interlocked.Increment(ref calls) == failOnCall ? throw new InvalidOperationException("simulated crash") : inner.Fuse(cluster);
}
