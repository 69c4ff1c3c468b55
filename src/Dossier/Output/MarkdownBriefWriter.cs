using System.Globalization;
using System.Text;
using Dossier.Model;

namespace Dossier.Output;

/// <summary>
/// A Markdown brief an analyst reads top to bottom: per story what happened, when, where and who;
/// conflicts first; claims by topic with status badges and numbered source notes; the coverage matrix.
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
        md.Append("- **When:** ").Append(BriefLayout.When(story)).Append('\n');
        md.Append("- **Where:** ").Append(Escape(story.Location ?? "place unknown")).Append('\n');
        if (story.Participants.Length > 0)
        {
            md.Append("- **Who:** ").Append(string.Join("; ", story.Participants.Select(p =>
                Escape(p.Name) + (p.Titles.Length > 0 ? " (" + Escape(BriefLayout.Join(p.Titles)) + ")" : "") + (p.Actor is null ? "" : " `" + p.Actor + "`")))).Append('\n');
        }

        md.Append(CultureInfo.InvariantCulture, $"- **Reports:** {story.ArticleIds.Length} from {story.IndependentSources} independent source{(story.IndependentSources == 1 ? "" : "s")}: ");
        md.Append(string.Join("; ", story.Sources.Select(s => Escape(s.Source) + " (" + BriefLayout.Join(s.ArticleIds.Select(id => result.Label(id))) + ")"))).Append('\n');
        var corroborated = story.Claims.Count(c => c.Status == ClaimStatus.Corroborated);
        md.Append(CultureInfo.InvariantCulture, $"- **Claims:** {story.Claims.Length} ({corroborated} corroborated, {story.Claims.Length - corroborated - story.Claims.Count(c => c.Status == ClaimStatus.Conflicting)} single-source, {story.Conflicts.Length} conflicts)\n\n");

        var notes = new List<Evidence>();
        string Note(Evidence e)
        {
            notes.Add(e);
            return "[^" + story.Id + "-" + notes.Count.ToString(CultureInfo.InvariantCulture) + "]";
        }

        if (story.Conflicts.Length > 0)
        {
            md.Append("### Conflicts\n\n");
            foreach (var conflict in story.Conflicts)
            {
                md.Append("- **").Append(Escape(conflict.About)).Append("**: ");
                md.Append(string.Join(" vs ", conflict.Values.Select(v => "\"" + Escape(v.Value) + "\" " + string.Concat(v.Evidence.Select(Note)))));
                md.Append('\n');
            }

            md.Append('\n');
        }

        if (story.Claims.Length > 0)
        {
            md.Append("### Claims\n\n");
            foreach (var (topic, claims) in BriefLayout.ClaimsByTopic(story))
            {
                md.Append("#### ").Append(Escape(topic)).Append("\n\n");
                foreach (var claim in claims)
                {
                    md.Append("- **[").Append(BriefLayout.Badge(claim)).Append("]** ").Append(Escape(claim.Text)).Append(' ');
                    md.Append(string.Concat(claim.Evidence.Select(Note)));
                    if (claim.Event is { } e)
                    {
                        md.Append(CultureInfo.InvariantCulture, $" `{e.Source} {e.Code} {e.Target}`");
                    }

                    md.Append('\n');
                }

                md.Append('\n');
            }
        }

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

        for (var i = 0; i < notes.Count; i++)
        {
            var e = notes[i];
            md.Append(CultureInfo.InvariantCulture, $"[^{story.Id}-{i + 1}]: {Escape(result.Label(e.ArticleId))}, sentence {e.SentenceIndex + 1} (chars {e.Span.Start}-{e.Span.End}): \"{Escape(e.Sentence)}\"\n");
        }

        md.Append('\n');
    }

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
