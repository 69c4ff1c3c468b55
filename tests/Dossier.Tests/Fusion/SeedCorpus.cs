using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Dossier.Fusion;
using Dossier.Language;
using Dossier.Model;
using Dossier.Stories;
using Dossier.Testing;

namespace Dossier.Tests.Fusion;

/// <summary>The two seed reports as articles, and our scoring of a story against specs/fusion/seed-claims.json.</summary>
internal static class SeedCorpus
{
    public const string IdA = "seed-a";
    public const string IdB = "seed-b";

    /// <summary>Builds the seed articles straight from the files: report A up to its closing credit, report B whole.</summary>
    public static (AnnotatedArticle A, AnnotatedArticle B) Articles()
    {
        var dir = SharedData.Require("seeds");
        var files = Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal).ToArray();
        var a = File.ReadAllText(files[0]).Replace("\r\n", "\n", StringComparison.Ordinal);
        var b = File.ReadAllText(files[1]).Replace("\r\n", "\n", StringComparison.Ordinal);
        var aTitle = a[..a.IndexOf('\n', StringComparison.Ordinal)].Trim();
        var aEnd = a.LastIndexOf("- Dawn/ANN", StringComparison.Ordinal) + "- Dawn/ANN".Length;
        var aBody = a[(aTitle.Length + 1)..aEnd].Trim();
        var bTitle = b[..b.IndexOf('\n', StringComparison.Ordinal)].Trim();
        var bBody = b[(bTitle.Length + 1)..].Trim();
        var articleA = new Article(IdA, files[0], null, aBody, new ArticleMetadata { Title = aTitle, Credit = "Dawn/ANN", Dateline = "BEIJING" }, []);
        var articleB = new Article(IdB, files[1], null, bBody, new ArticleMetadata { Title = bTitle, Dateline = "ISLAMABAD" }, []);
        return (Annotate(articleA), Annotate(articleB));
    }

    private static AnnotatedArticle Annotate(Article article) => new(article) { Sentences = SentenceSplitter.Split(article.Text) };

    /// <summary>One gold claim of our list.</summary>
    public sealed record GoldClaim(string Id, string Description, string? A, string? B, string Status);

    /// <summary>Reads specs/fusion/seed-claims.json.</summary>
    public static IReadOnlyList<GoldClaim> Gold()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.RepoRoot, "specs", "fusion", "seed-claims.json")));
        return [.. doc.RootElement.GetProperty("claims").EnumerateArray().Select(c => new GoldClaim(
            c.GetProperty("id").GetString()!,
            c.GetProperty("description").GetString()!,
            c.GetProperty("a").GetString(),
            c.GetProperty("b").GetString(),
            c.GetProperty("status").GetString()!))];
    }

    /// <summary>Scores a story: the gold claims found with the right status, and a line per miss.</summary>
    public static (int Found, List<string> Misses) Score(Story story, AnnotatedArticle a, AnnotatedArticle b, IReadOnlyList<GoldClaim> gold)
    {
        var misses = new List<string>();
        var found = 0;
        foreach (var g in gold)
        {
            var sa = g.A is null ? null : Locate(a, g.A);
            var sb = g.B is null ? null : Locate(b, g.B);
            if ((g.A is not null && sa!.Count == 0) || (g.B is not null && sb!.Count == 0))
            {
                misses.Add($"{g.Id}: key phrase not found in the seed text");
                continue;
            }

            var expected = g.Status == "corroborated" ? ClaimStatus.Corroborated : ClaimStatus.SingleSource;
            var hit = story.Claims.FirstOrDefault(c =>
                (sa is null || c.Evidence.Any(e => e.ArticleId == a.Article.Id && sa.Contains(e.SentenceIndex)))
                && (sb is null || c.Evidence.Any(e => e.ArticleId == b.Article.Id && sb.Contains(e.SentenceIndex)))
                && c.Status == expected);
            if (hit is not null)
            {
                found++;
                continue;
            }

            var near = story.Claims.Where(c =>
                (sa is not null && c.Evidence.Any(e => e.ArticleId == a.Article.Id && sa.Contains(e.SentenceIndex)))
                || (sb is not null && c.Evidence.Any(e => e.ArticleId == b.Article.Id && sb.Contains(e.SentenceIndex))))
                .Select(c => $"{c.Id}/{c.Status}/[{string.Join(",", c.Evidence.Select(e => e.ArticleId[^1] + e.SentenceIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]");
            misses.Add($"{g.Id} (A {Show(sa)}, B {Show(sb)}, want {g.Status}): near {string.Join(" ", near)}");
        }

        return (found, misses);
    }

    private static string Show(List<int>? s) => s is null ? "-" : string.Join(",", s);

    private static List<int> Locate(AnnotatedArticle article, string phrase)
    {
        var key = Normalise(phrase);
        return [.. article.Sentences.Select((s, i) => (s, i)).Where(p => Normalise(p.s.Span.Of(article.Article.Text)).Contains(key, StringComparison.Ordinal)).Select(p => p.i)];
    }

    /// <summary>Lower case, quotation marks and apostrophes dropped, spaces collapsed.</summary>
    public static string Normalise(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is '"' or '“' or '”' or '‘' or '’' or '\'')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (b.Length > 0 && b[^1] != ' ')
                {
                    b.Append(' ');
                }

                continue;
            }

            b.Append(c);
        }

        return b.ToString();
    }

    /// <summary>Groups and fuses the two seeds with the default stages.</summary>
    public static (ImmutableArray<Story> Stories, AnnotatedArticle A, AnnotatedArticle B) Run()
    {
        var (a, b) = Articles();
        var session = new StoryGrouper().Start();
        session.Add(a);
        session.Add(b);
        var fuser = new ClaimFuser();
        return ([.. session.Stories.Select(fuser.Fuse)], a, b);
    }
}
