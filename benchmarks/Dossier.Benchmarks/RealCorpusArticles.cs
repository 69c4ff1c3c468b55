using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Dossier.Model;

namespace Dossier.Benchmarks;

/// <summary>Reads the JSONL that <c>real-corpus</c> writes back into articles, for the benchmarks that start after extraction.</summary>
internal static class RealCorpusArticles
{
    /// <summary>The first <paramref name="count"/> reports of <paramref name="path"/>, with their title and published day.</summary>
    public static List<Article> Read(string path, int count)
    {
        var articles = new List<Article>();
        foreach (var line in File.ReadLines(path).Take(count))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var published = root.TryGetProperty("published", out var p) && p.GetString() is { } day
                ? new DateTimeOffset(DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
                : (DateTimeOffset?)null;
            var metadata = ArticleMetadata.Empty with { Title = root.GetProperty("title").GetString(), Published = published };
            articles.Add(new Article("r" + articles.Count, path, null, root.GetProperty("text").GetString() ?? "", metadata, ImmutableArray<RemovedBlock>.Empty));
        }

        return articles;
    }
}
