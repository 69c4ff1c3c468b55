using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Dossier.Model;

namespace Dossier.Extraction.Text;

/// <summary>A dateline found at the start of a paragraph.</summary>
/// <param name="City">The place, as written (<c>BEIJING</c>).</param>
/// <param name="CitySpan">Where the city stands in the paragraph.</param>
/// <param name="Span">The whole dateline with its punctuation (<c>BEIJING, Jan 4 (Reuters) - </c>).</param>
/// <param name="Date">The date written in the dateline, if any (<c>Jan 4</c>).</param>
/// <param name="Agency">The agency named in the dateline, if any (<c>Reuters</c>).</param>
public sealed record DatelineMatch(string City, TextSpan CitySpan, TextSpan Span, string? Date, string? Agency);

/// <summary>A wire or syndication credit found at the end of a paragraph or alone on a line.</summary>
/// <param name="Credit">The credit (<c>Dawn/ANN</c>, <c>Reuters</c>).</param>
/// <param name="Span">The credit marker with its dash or brackets, to cut from the paragraph.</param>
public sealed record CreditMatch(string Credit, TextSpan Span)
{
    /// <summary>True when the credit is the whole of <paramref name="line"/> (<c>— Reuters</c>, <c>(AP)</c>).</summary>
    public bool IsWhole(string line) => Span.Start == 0 && Span.Length == line.Length;
}

/// <summary>
/// Datelines and credits in body text, by the patterns of <c>data/chrome/dateline.txt</c> and
/// <c>credit.txt</c>. Pure functions over one paragraph: the plain-text and the HTML extractors share them.
/// </summary>
public static class BodyMetadata
{
    private static readonly ImmutableArray<Regex> Datelines = RuleData.Patterns("dateline.txt", ignoreCase: false);
    private static readonly ImmutableArray<Regex> Credits = RuleData.Patterns("credit.txt", ignoreCase: false);

    // Most paragraphs carry no credit: one scan says so before the patterns are tried one by one for the match.
    private static readonly Regex AnyCredit = RuleData.AnyOf("credit.txt", ignoreCase: false);

    /// <summary>The dateline at the start of <paramref name="paragraph"/>, or null.</summary>
    public static DatelineMatch? FindDateline(string paragraph)
    {
        foreach (var pattern in Datelines)
        {
            var m = MatchAtStart(pattern, paragraph);
            if (!m.Success)
            {
                continue;
            }

            var city = m.Groups["city"];
            var date = m.Groups["date"];
            var agency = m.Groups["agency"];
            return new DatelineMatch(
                city.Value,
                new TextSpan(city.Index, city.Length),
                new TextSpan(m.Index, m.Length),
                date.Success ? date.Value : null,
                agency.Success ? agency.Value : null);
        }

        return null;
    }

    /// <summary>The credit at the end of <paramref name="paragraph"/> (or making up the whole of it), or null.</summary>
    public static CreditMatch? FindCredit(string paragraph)
    {
        if (!MatchAtEnd(AnyCredit, paragraph).Success)
        {
            return null;
        }

        foreach (var pattern in Credits)
        {
            var m = MatchAtEnd(pattern, paragraph);
            if (m.Success)
            {
                var credit = m.Groups["credit"].Value;
                return new CreditMatch(Normalise(credit), new TextSpan(m.Index, m.Length));
            }
        }

        return null;
    }

    /// <summary>
    /// False when <paramref name="paragraph"/> certainly has no credit; true when it may (a long paragraph is
    /// always a maybe). Checks without a copy of the paragraph, before <see cref="FindCredit"/> needs one.
    /// </summary>
    public static bool MayHaveCredit(ReadOnlySpan<char> paragraph) => paragraph.Length > LongParagraph || AnyCredit.IsMatch(paragraph);

    // A dateline opens a paragraph and a credit closes one, each within a few dozen characters; on a paragraph of
    // megabytes ("A.B.C.D." repeated) a pattern run over the whole of it backtracks across every character. Long
    // paragraphs are searched in a window at the right end, and in full only when a match touches the window's
    // edge (where the window could have cut it), so the result is the same as a search of the whole paragraph for
    // any match shorter than the window.
    private const int LongParagraph = 4096;
    private const int Window = 2048;

    private static Match MatchAtStart(Regex pattern, string paragraph)
    {
        if (paragraph.Length <= LongParagraph)
        {
            return pattern.Match(paragraph);
        }

        var m = pattern.Match(paragraph, 0, Window);
        return m.Success && m.Index + m.Length < Window ? m : m.Success ? pattern.Match(paragraph) : Match.Empty;
    }

    private static Match MatchAtEnd(Regex pattern, string paragraph)
    {
        if (paragraph.Length <= LongParagraph)
        {
            return pattern.Match(paragraph);
        }

        var start = paragraph.Length - Window;
        var m = pattern.Match(paragraph, start, Window);
        return m.Success && m.Index > start ? m : m.Success ? pattern.Match(paragraph) : Match.Empty;
    }

    /// <summary>True when <paramref name="line"/> is nothing but a credit (<c>— Reuters</c>, <c>(AP)</c>).</summary>
    public static bool IsCreditOnly(string line) => FindCredit(line) is { } c && c.IsWhole(line);

    // Spacing inside a credit is layout, not content: "Harbour  Gazette" is "Harbour Gazette".
    private static string Normalise(string credit) =>
        Regex.Replace(Regex.Replace(credit.Trim(), @"\s*/\s*", "/", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), @"\s+", " ", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
