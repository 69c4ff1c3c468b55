using System.Globalization;
using System.Text;
using Dossier.Model;

namespace Dossier.Output;

/// <summary>
/// A Markdown brief an analyst reads top to bottom: per story a summary (when, where, who, topics, key facts);
/// conflicts first; corroborated claims, most sources first; single-source claims; announcements and
/// hypotheticals apart; a timeline of the reports; the coverage matrix. Claims name their outlets rather than
/// footnote every sentence: the full evidence is in the JSON and the web page.
/// </summary>
public sealed class MarkdownBriefWriter : IResultWriter
{
    /// <inheritdoc />
    public string Format => "md";

    /// <inheritdoc />
    public string Extension => ".md";

    /// <inheritdoc />
    public IAnalysisSink CreateSink(Stream output) => new BriefSink(output, Render);

    private static void Render(BriefData result, Stream output)
    {
        var md = new StringBuilder();
        md.Append("# Dossier brief\n\n");
        md.Append(CultureInfo.InvariantCulture, $"{result.ArticleCount} reports, {result.Stories.Count} stories, {result.Errors.Count} inputs failed. Generated {StatusNames.Iso(result.GeneratedAt)}.\n\n");

        foreach (var story in BriefLayout.OrderStories(result.Stories))
        {
            WriteStory(md, story, result);
        }

        if (result.Errors.Count > 0)
        {
            md.Append("## Inputs that failed\n\n");
            foreach (var error in result.Errors)
            {
                md.Append("- `").Append(error.Record is null ? error.Path : error.Path + "#" + error.Record).Append("`: ").Append(Escape(error.Reason)).Append('\n');
            }

            md.Append('\n');
        }

        var bytes = new UTF8Encoding(false).GetBytes(md.ToString());
        output.Write(bytes);
    }

    private static void WriteStory(StringBuilder md, Story story, BriefData result)
    {
        md.Append("## ").Append(Escape(story.Title)).Append("\n\n");

        // The summary: what, when, where, who and the facts most sources give, before any detail.
        md.Append("- **When:** ").Append(BriefLayout.When(story)).Append('\n');
        md.Append("- **Where:** ").Append(Escape(story.Location ?? "place unknown")).Append('\n');
        if (story.Participants.Length > 0)
        {
            md.Append("- **Who:** ").Append(string.Join("; ", story.Participants.Take(5).Select(p =>
                Escape(p.Name) + (p.Titles.Length > 0 ? " (" + Escape(BriefLayout.Join(p.Titles)) + ")" : "") + (p.Actor is null ? "" : " `" + p.Actor + "`")))).Append('\n');
        }

        if (!story.Topics.IsDefaultOrEmpty)
        {
            md.Append("- **Topics:** ").Append(Escape(string.Join("; ", story.Topics))).Append('\n');
        }

        if (BriefLayout.SeriesLine(story, result.Series) is { } inSeries)
        {
            md.Append("- **Series:** ").Append(Escape(inSeries)).Append('\n');
        }

        var outlets = story.ArticleIds.Select(result.Outlet).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        md.Append(CultureInfo.InvariantCulture, $"- **Reports:** {story.ArticleIds.Length} from {story.IndependentSources} independent source{(story.IndependentSources == 1 ? "" : "s")}: ");
        md.Append(Escape(Names(outlets, 12))).Append('\n');
        var corroborated = story.Claims.Count(c => c.Status == ClaimStatus.Corroborated);
        var single = story.Claims.Count(c => c.Status == ClaimStatus.SingleSource);
        md.Append(CultureInfo.InvariantCulture, $"- **Claims:** {story.Claims.Length} ({corroborated} corroborated, {single} single-source, {story.Conflicts.Length} conflicts)\n");
        var key = BriefLayout.KeyFacts(story, 3).ToList();
        if (key.Count > 0)
        {
            md.Append("- **Key facts:** ").Append(string.Join(" ", key.Select(c => Escape(c.Text)))).Append('\n');
        }

        md.Append('\n');

        if (story.Conflicts.Length > 0)
        {
            md.Append("### Conflicts\n\n");
            foreach (var conflict in story.Conflicts)
            {
                md.Append("- **").Append(Escape(conflict.About)).Append("**: ");
                md.Append(string.Join(" vs ", conflict.Values.Select(v => "\"" + Escape(v.Value) + "\" (" + Escape(Names(Outlets(v.Evidence, result), 6)) + ")")));
                md.Append('\n');
            }

            md.Append('\n');
        }

        // What happened, most corroborated first; then what one source alone says; plans and hypotheticals apart.
        var facts = story.Claims.Where(c => c.Status != ClaimStatus.Conflicting && !BriefLayout.IsAnnouncement(c)).ToList();
        WriteClaims(md, "Corroborated", facts.Where(c => c.Status == ClaimStatus.Corroborated).OrderByDescending(c => c.IndependentSources).ThenBy(c => BriefLayout.ClaimNumber(c.Id)), result);
        WriteClaims(md, "Single source", facts.Where(c => c.Status == ClaimStatus.SingleSource), result);
        WriteClaims(md, "Background, announcements, plans and hypotheticals", story.Claims.Where(c => c.Status != ClaimStatus.Conflicting && BriefLayout.IsAnnouncement(c)), result);

        // The timeline of reports: when each outlet published, earliest first.
        md.Append("### Timeline of reports\n\n");
        foreach (var id in story.ArticleIds.OrderBy(id => result.Reports.TryGetValue(id, out var r) ? r.Published ?? DateTimeOffset.MaxValue : DateTimeOffset.MaxValue).ThenBy(id => id, StringComparer.Ordinal))
        {
            result.Reports.TryGetValue(id, out var r);
            md.Append("- ").Append(r?.Published is { } p ? StatusNames.Iso(p) : "undated").Append(" — ").Append(Escape(result.Outlet(id)));
            if (!string.IsNullOrWhiteSpace(r?.Title))
            {
                md.Append(": ").Append(Escape(r.Title));
            }

            md.Append('\n');
        }

        md.Append('\n');

        if (story.Coverage.Length > 0)
        {
            md.Append("### Coverage\n\n| Outlet | Reports | Claims carried | Only this outlet |\n|---|---|---|---|\n");
            var carriedBy = story.Coverage.SelectMany(r => r.ClaimIds.Select(c => (c, r.Outlet))).GroupBy(p => p.c).ToDictionary(g => g.Key, g => g.Select(p => p.Outlet).Distinct().Count(), StringComparer.Ordinal);
            foreach (var row in story.Coverage)
            {
                var only = row.ClaimIds.Count(c => carriedBy[c] == 1);
                md.Append(CultureInfo.InvariantCulture, $"| {EscapeCell(row.Outlet)} | {row.ArticleIds.Length} | {row.ClaimIds.Length} | {only} |\n");
            }

            md.Append('\n');
        }
    }

    /// <summary>A section of claims, each with its badge and the outlets behind it (the sentences are in the JSON and the web page).</summary>
    private static void WriteClaims(StringBuilder md, string heading, IEnumerable<Claim> claims, BriefData result)
    {
        var list = claims.ToList();
        if (list.Count == 0)
        {
            return;
        }

        md.Append("### ").Append(heading).Append("\n\n");
        foreach (var claim in list)
        {
            md.Append("- **[").Append(BriefLayout.Badge(claim)).Append("]** ").Append(Escape(claim.Text));
            md.Append(" — ").Append(Escape(Names(Outlets(claim.Evidence, result), 4)));
            if (claim.Event is { } e)
            {
                md.Append(CultureInfo.InvariantCulture, $" `{e.Source} {e.Code} {e.Target}`");
            }

            md.Append('\n');
        }

        md.Append('\n');
    }

    private static List<string> Outlets(IEnumerable<Evidence> evidence, BriefData result) =>
        [.. evidence.Select(e => result.Outlet(e.ArticleId)).Distinct(StringComparer.Ordinal)];

    /// <summary>"a, b, c and 4 more": a wire story's thousands of sites are not listed one by one.</summary>
    private static string Names(IReadOnlyList<string> names, int max) =>
        names.Count <= max ? string.Join(", ", names) : string.Join(", ", names.Take(max)) + string.Create(CultureInfo.InvariantCulture, $" and {names.Count - max} more");

    /// <summary>Keeps article text from being read as Markdown structure or raw HTML.</summary>
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\n' or '\r':
                    sb.Append(' ');
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '*' or '_' or '`' or '[' or ']' or '\\' or '#':
                    sb.Append('\\').Append(c);
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    private static string EscapeCell(string text) => Escape(text).Replace("|", "\\|", StringComparison.Ordinal);
}
