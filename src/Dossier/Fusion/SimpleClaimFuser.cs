using System.Collections.Immutable;
using System.Globalization;
using Dossier.Model;
using Dossier.Stories;

namespace Dossier.Fusion;

/// <summary>First version: each sentence is a claim; sentences with most words in common are aligned.</summary>
public sealed class SimpleClaimFuser : IClaimFuser
{
    /// <inheritdoc />
    public Story Fuse(StoryCluster cluster)
    {
        var claims = new List<(string Text, List<Evidence> Evidence, HashSet<string> Words)>();
        foreach (var article in cluster.Articles)
        {
            for (var i = 0; i < article.Sentences.Length; i++)
            {
                var sentence = article.Sentences[i];
                var text = sentence.Span.Of(article.Article.Text);
                var words = text.Split(' ').Where(w => w.Length > 3).Select(w => w.ToLowerInvariant()).ToHashSet();
                var evidence = new Evidence(article.Article.Id, i, sentence.Span, text);
                var match = claims.FindIndex(c => c.Words.Count(words.Contains) > 0.5 * Math.Min(words.Count, c.Words.Count) && words.Count > 3);
                if (match >= 0)
                {
                    claims[match].Evidence.Add(evidence);
                }
                else
                {
                    claims.Add((text, [evidence], words));
                }
            }
        }

        var sourceOf = cluster.Sources.SelectMany(s => s.ArticleIds.Select(id => (id, s.Source))).ToDictionary(p => p.id, p => p.Source);
        var built = claims.Select((c, i) =>
        {
            var sources = c.Evidence.Select(e => sourceOf[e.ArticleId]).Distinct().Count();
            return new Claim("c" + (i + 1).ToString(CultureInfo.InvariantCulture), c.Text, null, sources >= 2 ? ClaimStatus.Corroborated : ClaimStatus.SingleSource, sources, [.. c.Evidence], null);
        });
        var first = cluster.Articles[0];
        return new Story
        {
            Id = cluster.Id,
            Title = first.Article.Metadata.Title ?? first.Article.Id,
            ArticleIds = [.. cluster.Articles.Select(a => a.Article.Id)],
            Sources = cluster.Sources,
            Date = cluster.Articles.Select(a => a.EventDate).FirstOrDefault(d => d is not null),
            Location = cluster.Articles.Select(a => a.EventLocation).FirstOrDefault(l => l is not null),
            Claims = [.. built],
        };
    }
}
