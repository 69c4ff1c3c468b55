using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Dossier.Language;
using Dossier.Model;
using Dossier.Reading;

namespace Dossier.Benchmarks;

/// <summary>
/// Generates a large stream of reports from the demo corpus, with variation, for the grouping and fusion
/// cost runs. Seedable and deterministic. Each generated story copies one demo story's reports with every
/// capitalised name and every number replaced by story-specific inventions, some sentences dropped and the
/// rest lightly reordered, and an event date that advances through the stream; a share of reports are
/// syndicated copies of another report of the same story.
/// </summary>
public sealed class CorpusGenerator
{
    private readonly List<List<string[]>> templates;

    /// <summary>Reads the demo corpus (the embedded copy) through the default per-article stages.</summary>
    public CorpusGenerator()
    {
        var pipeline = DossierPipeline.Default;
        var articles = pipeline.ProcessAll(new InputReader().ReadDemo()).Select(p => p.Article).OfType<AnnotatedArticle>().ToList();

        // Demo files are grouped by the story word in their names (water-treaty, quake, …); feed items stand alone.
        templates = [.. articles.GroupBy(a => StoryKey(a.Article), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Select(a => a.Sentences.Select(s => s.Span.Of(a.Article.Text)).ToArray()).ToList())];
    }

    /// <summary>How many template stories the demo corpus gave.</summary>
    public int Templates => templates.Count;

    /// <summary>Generates <paramref name="count"/> articles, in stream order, with their true story numbers.</summary>
    /// <param name="count">Articles to generate.</param>
    /// <param name="seed">Seed of the generator's random choices.</param>
    /// <param name="storiesPerDay">New stories opened per day of event dates.</param>
    public IEnumerable<(AnnotatedArticle Article, int Story)> Generate(int count, int seed = 42, int storiesPerDay = 60)
    {
        var random = new Random(seed);
        var start = new DateOnly(2026, 1, 1);
        var open = new List<(int Story, int Template, DateOnly Date, Dictionary<string, string> Names, int Left, string? LastText)>();
        var nextStory = 0;
        for (var n = 0; n < count; n++)
        {
            if (open.Count == 0 || random.NextDouble() < 0.22)
            {
                var template = random.Next(templates.Count);
                var day = start.AddDays(nextStory / storiesPerDay);
                open.Add((nextStory++, template, day, [], 2 + random.Next(6), null));
            }

            var k = random.Next(open.Count);
            var s = open[k];
            string text;
            if (s.LastText is not null && random.NextDouble() < 0.15)
            {
                // A syndicated copy: the same text with a different first line.
                text = "Via wire: " + s.LastText;
            }
            else
            {
                var source = templates[s.Template][random.Next(templates[s.Template].Count)];
                var kept = source.Where(_ => random.NextDouble() > 0.3).ToList();
                if (kept.Count == 0)
                {
                    kept.Add(source[0]);
                }

                for (var i = 1; i < kept.Count; i++)
                {
                    if (random.NextDouble() < 0.2)
                    {
                        (kept[i - 1], kept[i]) = (kept[i], kept[i - 1]);
                    }
                }

                text = string.Join("\n", kept.Select(x => Vary(x, s.Story, s.Names, random)));
            }

            var id = "g" + n.ToString("D7", CultureInfo.InvariantCulture);
            var article = new Article(id, "generated", id, text, new ArticleMetadata
            {
                Title = text.Length > 80 ? text[..80] : text,
                Outlet = "Outlet " + random.Next(40).ToString(CultureInfo.InvariantCulture),
                Published = new DateTimeOffset(s.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            }, []);
            yield return (new AnnotatedArticle(article) { Sentences = SentenceSplitter.Split(text), EventDate = s.Date }, s.Story);

            s.Left--;
            s.LastText = text;
            open[k] = s;
            if (s.Left <= 0)
            {
                open.RemoveAt(k);
            }
        }
    }

    private static string Vary(string sentence, int story, Dictionary<string, string> names, Random random)
    {
        var b = new StringBuilder(sentence.Length + 16);
        var i = 0;
        while (i < sentence.Length)
        {
            var c = sentence[i];
            if (!char.IsLetterOrDigit(c))
            {
                b.Append(c);
                i++;
                continue;
            }

            var startOfWord = i;
            while (i < sentence.Length && char.IsLetterOrDigit(sentence[i]))
            {
                i++;
            }

            var word = sentence[startOfWord..i];
            if (char.IsDigit(word[0]))
            {
                // Numbers vary by story, but stay the same within one.
                b.Append((((StableHash(word) % 1000) + story) % 97 + 2).ToString(CultureInfo.InvariantCulture));
            }
            else if (char.IsUpper(word[0]) && startOfWord > 0)
            {
                if (!names.TryGetValue(word, out var name))
                {
                    names[word] = name = Invent(story, word);
                }

                b.Append(name);
            }
            else if (word.Length > 4 && (StableHash(word) + story) % 2 == 0)
            {
                // Half the longer words change with the story too: different events use different words.
                if (!names.TryGetValue(word, out var other))
                {
                    names[word] = other = Invent(story, word).ToLowerInvariant();
                }

                b.Append(other);
            }
            else
            {
                b.Append(word);
            }
        }

        _ = random;
        return b.ToString();
    }

    private static readonly string[] Syllables = ["ka", "lo", "mi", "ra", "tu", "ze", "vo", "shi", "den", "bar", "qui", "nor", "pel", "sa", "gri", "to"];

    private static string Invent(int story, string word)
    {
        var b = new StringBuilder();
        unchecked
        {
            var h = (uint)StableHash(word) ^ ((uint)story * 2654435761u);
            for (var k = 0; k < 3; k++)
            {
                b.Append(Syllables[h % (uint)Syllables.Length]);
                h /= (uint)Syllables.Length;
                h ^= h << 7;
            }
        }

        return char.ToUpperInvariant(b[0]) + b.ToString(1, b.Length - 1);
    }

    private static int StableHash(string s)
    {
        unchecked
        {
            var h = 17;
            foreach (var c in s)
            {
                h = (h * 31) + c;
            }

            return h & 0x7FFFFFFF;
        }
    }

    private static string StoryKey(Article a)
    {
        var name = Path.GetFileNameWithoutExtension(a.Path);
        var parts = name.Split('-');
        return a.Record is null ? (parts.Length > 1 ? parts[1] : name) : name + "#" + a.Record;
    }
}
