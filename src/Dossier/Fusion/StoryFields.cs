using System.Collections.Immutable;
using System.Globalization;
using Dossier.Extraction.Text;
using Dossier.Model;
using Dossier.Stories;

namespace Dossier.Fusion;

/// <summary>The story-level fields: title, date, place, participants and coverage, each read from the articles.</summary>
internal static class StoryFields
{
    /// <summary>
    /// The title of the first report (arrival order: the report that opened the story) whose title reads as a headline;
    /// failing that, the statement most of its reports open with (the most corroborated among those), shortened at a
    /// word; failing that, the story's id. Pages whose title the reader could not find give their first line instead ("Skip to main content", "UPDATE", an outlet's name): a
    /// story named after that tells the analyst nothing.
    /// </summary>
    public static string Title(StoryCluster cluster, IReadOnlyList<Claim> claims)
    {
        if (cluster.Articles.Select(a => a.Article.Metadata.Title).FirstOrDefault(ReadsAsHeadline) is { } headline)
        {
            return headline;
        }

        // A lead says what happened; a later sentence may be context that many reports repeat ("X is one of the
        // largest cities in the north"): the statement most reports open with comes first, then the most corroborated.
        var statement = claims
            .Where(c => c.Modality is null or "reported" or "attributed" && !c.Background && !c.Negated && !ChromeRules.EndsWithPictureCredit(c.Text))
            .OrderByDescending(c => c.Evidence.Where(e => e.SentenceIndex == 0).Select(e => e.ArticleId).Distinct(StringComparer.Ordinal).Count())
            .ThenByDescending(c => c.IndependentSources)
            .ThenBy(c => c.Id.Length).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => c.Text).FirstOrDefault();
        return statement is null ? cluster.Id : Shorten(statement, 120);
    }

    /// <summary>
    /// Whether a title reads as a headline: four words or more, mostly letters, not a byline and not page chrome
    /// (a share prompt, a "skip to content" link).
    /// </summary>
    internal static bool ReadsAsHeadline(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return false;
        }

        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Count(w => w.Any(char.IsLetter)) < 4)
        {
            return false;
        }

        var visible = title.Count(c => !char.IsWhiteSpace(c));
        if (title.Count(char.IsLetter) < 0.6 * visible)
        {
            return false;
        }

        var lower = title.ToLowerInvariant();
        return !lower.StartsWith("by ", StringComparison.Ordinal)
            && !IsFieldLine(title)
            && !ChromeRules.EndsWithPictureCredit(title)
            && !ChromeRules.HoldsChromePhrase(title);
    }

    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    // A line of short comma-separated fields, one of them a day ("Lagos, Ada Obi, March 4, PAWIRE": place, author,
    // date, agency) is a wire report's heading of metadata, not its headline.
    private static bool IsFieldLine(string title)
    {
        var fields = title.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return fields.Length >= 3
            && fields.All(f => f.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3)
            && fields.Any(f => f.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: 2 } w
                && ((MonthNames.Contains(w[0], StringComparer.OrdinalIgnoreCase) && w[1].All(char.IsAsciiDigit))
                    || (w[0].All(char.IsAsciiDigit) && MonthNames.Contains(w[1], StringComparer.OrdinalIgnoreCase))));
    }

    private static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)].TrimEnd(',', ';', ':') + "…";
    }

    /// <summary>
    /// The event date most articles give; ties go to the earliest day. An undated report's event day carries a year
    /// the language stage guessed (from a year its text names, often a background one): in a story with dated
    /// reports it counts in the year of the dated day it lies within three days of, and not at all when it lies near
    /// none ("On May 26" read as 2021 in a report of the 2025 summit).
    /// </summary>
    public static DateOnly? Date(StoryCluster cluster)
    {
        var anchors = cluster.Articles.Where(a => a.Article.Metadata.Published is not null)
            .Select(a => a.EventDate ?? DateOnly.FromDateTime(a.Article.Metadata.Published!.Value.UtcDateTime)).Distinct().Order().ToList();
        var dates = cluster.Articles
            .Select(a => a.EventDate is { } day && a.Article.Metadata.Published is null && anchors.Count > 0 ? Anchored(day, anchors) : a.EventDate)
            .OfType<DateOnly>().ToList();
        if (dates.Count == 0)
        {
            dates = [.. cluster.Articles.Select(a => a.Article.Metadata.Published).OfType<DateTimeOffset>().Select(p => DateOnly.FromDateTime(p.UtcDateTime))];
        }

        return dates.Count == 0 ? null : dates.GroupBy(d => d).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
    }

    // The day's month and day in the year of the nearest dated day within three days of it; null when none is.
    private static DateOnly? Anchored(DateOnly day, List<DateOnly> anchors)
    {
        DateOnly? best = null;
        var bestGap = int.MaxValue;
        foreach (var anchor in anchors)
        {
            foreach (var year in (ReadOnlySpan<int>)[anchor.Year - 1, anchor.Year, anchor.Year + 1])
            {
                if (day.Month == 2 && day.Day == 29 && !DateTime.IsLeapYear(year))
                {
                    continue;
                }

                var candidate = new DateOnly(year, day.Month, day.Day);
                var gap = Math.Abs(candidate.DayNumber - anchor.DayNumber);
                if (gap <= 3 && gap < bestGap)
                {
                    (best, bestGap) = (candidate, gap);
                }
            }
        }

        return best;
    }

    /// <summary>
    /// The event location most articles name in their text; failing that, the one most of their datelines give (a
    /// dateline says where the reporter was, which is not always where the event happened); without one, none.
    /// </summary>
    public static string? Location(StoryCluster cluster)
    {
        var located = cluster.Articles.Where(a => a.EventLocation is { Length: > 0 }).ToList();
        var named = located.Where(a => !a.EventLocationFromDateline).ToList();
        return (named.Count > 0 ? named : located).Select(a => a.EventLocation!)
            .GroupBy(l => l, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault();
    }

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

    /// <summary>
    /// The story's subjects: the claim topics that a fifth or more of its topical claims carry (at least two
    /// claims), most first, at most three; in a story of one or two topical claims, the commonest.
    /// </summary>
    public static ImmutableArray<string> Topics(IReadOnlyList<Claim> claims)
    {
        var counts = claims.Select(c => c.Topic).OfType<string>().GroupBy(t => t, StringComparer.Ordinal)
            .Select(g => (Topic: g.Key, Count: g.Count(), First: claims.Select(c => c.Topic).ToList().IndexOf(g.Key)))
            .OrderByDescending(t => t.Count).ThenBy(t => t.First).ToList();
        var total = counts.Sum(t => t.Count);
        if (total == 0)
        {
            return [];
        }

        var kept = counts.Where(t => t.Count >= Math.Max(2, 0.2 * total)).Take(3).Select(t => t.Topic).ToList();
        return kept.Count > 0 ? [.. kept] : [counts[0].Topic];
    }

    /// <summary>Per outlet (or credited source), its articles and the claims they carry.</summary>
    public static ImmutableArray<CoverageRow> Coverage(StoryCluster cluster, IReadOnlyList<Claim> claims)
    {
        var outletOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = new SortedDictionary<string, (SortedSet<string> Articles, List<int> Claims)>(StringComparer.Ordinal);
        foreach (var a in cluster.Articles)
        {
            var outlet = a.Article.Metadata.Outlet ?? a.Article.Metadata.Credit ?? a.Article.Id;
            outletOf[a.Article.Id] = outlet;
            if (!rows.TryGetValue(outlet, out var row))
            {
                rows[outlet] = row = (new SortedSet<string>(StringComparer.Ordinal), []);
            }

            row.Articles.Add(a.Article.Id);
        }

        // Claims are visited in id order, so each row's list comes out in that order; a claim is listed once per
        // row however many of the outlet's sentences support it. A story of thousands of copies has as many
        // pieces of evidence per claim, so this stays a list, not a sorted set.
        for (var k = 0; k < claims.Count; k++)
        {
            foreach (var e in claims[k].Evidence)
            {
                var list = rows[outletOf[e.ArticleId]].Claims;
                if (list.Count == 0 || list[^1] != k)
                {
                    list.Add(k);
                }
            }
        }

        return [.. rows.Select(r => new CoverageRow(r.Key, [.. r.Value.Articles], [.. r.Value.Claims.Select(k => claims[k].Id)]))];
    }
}
