using System.Text.Json;
using Dossier.Language;
using Dossier.Model;
using Dossier.Testing;

namespace Dossier.Tests.Language;

/// <summary>Reads the golden cases in <c>specs/language/*.json</c> and scores the annotator on them.</summary>
internal static class LanguageSpecs
{
    public static readonly TextAnnotator Annotator = new();

    public sealed record Outcome(int Passed, int Total, List<string> Failures, List<string> UnexpectedPasses)
    {
        public double Rate => Total == 0 ? 1 : (double)Passed / Total;
    }

    public static IEnumerable<(string Name, string Input, string? Published, JsonElement Expected)> Cases(string kind)
    {
        var path = Path.Combine(SharedData.RepoRoot, "specs", "language", kind + ".json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            yield return (c.GetProperty("name").GetString()!, c.GetProperty("input").GetString()!,
                c.TryGetProperty("published", out var p) ? p.GetString() : null, c.GetProperty("expected").Clone());
        }
    }

    public static AnnotatedArticle Annotate(string input, string? published)
    {
        var metadata = published is null ? ArticleMetadata.Empty : new ArticleMetadata { Published = DateTimeOffset.Parse(published + "T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture) };
        return Annotator.Annotate(new Article("spec", "spec", null, input, metadata, []));
    }

    /// <summary>Scores every expected item with <paramref name="check"/>, which returns null when right or a reason when wrong.</summary>
    public static Outcome Score(string kind, Func<AnnotatedArticle, string, JsonElement, string?> check)
    {
        var passed = 0;
        var total = 0;
        var failures = new List<string>();
        var unexpected = new List<string>();
        foreach (var (name, input, published, expected) in Cases(kind))
        {
            var annotated = Annotate(input, published);
            foreach (var item in expected.EnumerateArray())
            {
                total++;
                var notSupported = item.TryGetProperty("notSupported", out var ns) && ns.GetBoolean();
                var reason = check(annotated, input, item);
                if (reason is null)
                {
                    passed++;
                    if (notSupported)
                    {
                        unexpected.Add($"{name}: {item.GetProperty("text").GetString()}");
                    }
                }
                else if (!notSupported)
                {
                    failures.Add($"{name}: {item.GetProperty("text").GetString()}: {reason}");
                }
            }
        }

        return new Outcome(passed, total, failures, unexpected);
    }

    public static TextSpan SpanOf(JsonElement item) => new(item.GetProperty("start").GetInt32(), item.GetProperty("length").GetInt32());

    public static string? Str(JsonElement item, string name) =>
        item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
