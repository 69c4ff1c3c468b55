using System.Collections.Immutable;
using System.Globalization;
using Dossier.Model;
using Dossier.Stories;

namespace Dossier.Fusion;

/// <summary>The story-level fields: title, date, place, participants and coverage, each read from the articles.</summary>
internal static class StoryFields
{
    /// <summary>The title of the first article that has one (arrival order: the report that opened the story).</summary>
    public static string Title(StoryCluster cluster) =>
        cluster.Articles.Select(a => a.Article.Metadata.Title).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)) ?? cluster.Id;

    /// <summary>The event date most articles give; ties go to the earliest day.</summary>
    public static DateOnly? Date(StoryCluster cluster)
    {
        var dates = cluster.Articles.Select(a => a.EventDate).OfType<DateOnly>().ToList();
        if (dates.Count == 0)
        {
            dates = [.. cluster.Articles.Select(a => a.Article.Metadata.Published).OfType<DateTimeOffset>().Select(p => DateOnly.FromDateTime(p.UtcDateTime))];
        }

        return dates.Count == 0 ? null : dates.GroupBy(d => d).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
    }

    /// <summary>The event location most articles give; without one, none (a dateline says where the reporter was, not the event).</summary>
    public static string? Location(StoryCluster cluster) =>
        cluster.Articles.Select(a => a.EventLocation).OfType<string>().Where(l => l.Length > 0)
            .GroupBy(l => l, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault();

    /// <summary>The people the articles mention, most mentioned first, with every title given them.</summary>
    public static ImmutableArray<Participant> Participants(StoryCluster cluster) =>
        [.. cluster.Articles.Where(a => !a.Mentions.IsDefaultOrEmpty).SelectMany(a => a.Mentions)
            .Where(m => m.Type == MentionType.Person)
            .GroupBy(m => m.Canonical, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Participant(
                g.Key,
                [.. g.SelectMany(m => m.Titles.IsDefault ? [] : m.Titles).Distinct(StringComparer.Ordinal)],
                g.Select(m => m.Actor).OfType<string>().GroupBy(a => a, StringComparer.Ordinal).OrderByDescending(a => a.Count()).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key).FirstOrDefault()))];

    /// <summary>Per outlet (or credited source), its articles and the claims they carry.</summary>
    public static ImmutableArray<CoverageRow> Coverage(StoryCluster cluster, IEnumerable<Claim> claims)
    {
        var rows = new SortedDictionary<string, (SortedSet<string> Articles, SortedSet<string> Claims)>(StringComparer.Ordinal);
        var outletOf = cluster.Articles.ToDictionary(a => a.Article.Id, a => a.Article.Metadata.Outlet ?? a.Article.Metadata.Credit ?? a.Article.Id, StringComparer.Ordinal);
        foreach (var (id, outlet) in outletOf)
        {
            if (!rows.ContainsKey(outlet))
            {
                rows[outlet] = (new SortedSet<string>(StringComparer.Ordinal), new SortedSet<string>(new ClaimIdComparer()));
            }

            rows[outlet].Articles.Add(id);
        }

        foreach (var claim in claims)
        {
            foreach (var e in claim.Evidence)
            {
                rows[outletOf[e.ArticleId]].Claims.Add(claim.Id);
            }
        }

        return [.. rows.Select(r => new CoverageRow(r.Key, [.. r.Value.Articles], [.. r.Value.Claims]))];
    }

    /// <summary>Orders "c2" before "c10".</summary>
    private sealed class ClaimIdComparer : IComparer<string>
    {
        public int Compare(string? x, string? y) =>
            int.Parse(x.AsSpan(1), CultureInfo.InvariantCulture).CompareTo(int.Parse(y.AsSpan(1), CultureInfo.InvariantCulture));
    }
}
