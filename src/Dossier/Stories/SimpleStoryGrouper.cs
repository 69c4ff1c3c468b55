using System.Collections.Immutable;
using Dossier.Model;

namespace Dossier.Stories;

/// <summary>First version: word-set overlap against each story's first article.</summary>
public sealed class SimpleStoryGrouper : IStoryGrouper
{
    /// <inheritdoc />
    public IStoryGroupingSession Start() => new Session();

    private sealed class Session : IStoryGroupingSession
    {
        private readonly List<(HashSet<string> Words, List<AnnotatedArticle> Articles)> stories = [];

        public IReadOnlyList<StoryCluster> Stories =>
            [.. stories.Select((s, i) => new StoryCluster(
                "s" + (i + 1).ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
                [.. s.Articles],
                [.. s.Articles.Select(a => new SourceGroup(a.Article.Metadata.Credit ?? a.Article.Metadata.Outlet ?? a.Article.Id, [a.Article.Id]))]))];

        public string Add(AnnotatedArticle article)
        {
            var words = Words(article.Article.Text);
            for (var i = 0; i < stories.Count; i++)
            {
                var other = stories[i].Words;
                var shared = words.Count(other.Contains);
                if (shared > 0.2 * Math.Min(words.Count, other.Count))
                {
                    stories[i].Articles.Add(article);
                    return "s" + (i + 1).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            stories.Add((words, [article]));
            return "s" + stories.Count.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        }

        private static HashSet<string> Words(string text) =>
            [.. text.Split((char[])[' ', '\n', ',', '.', '"', '“', '”'], StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w.Length > 4).Select(w => w.ToLowerInvariant())];
    }
}
