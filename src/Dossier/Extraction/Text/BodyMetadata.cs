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

    // Gates in front of the pattern loops: most paragraphs carry neither, and one scan of the alternation says so.
    private static readonly Regex AnyDateline = RuleData.AnyOf(ignoreCase: false, "dateline.txt");
    private static readonly Regex AnyCredit = RuleData.AnyOf(ignoreCase: false, "credit.txt");

    /// <summary>The dateline at the start of <paramref name="paragraph"/>, or null.</summary>
    public static DatelineMatch? FindDateline(string paragraph)
    {
        if (!AnyDateline.IsMatch(paragraph))
        {
            return null;
        }

        foreach (var pattern in Datelines)
        {
            var m = pattern.Match(paragraph);
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
        if (!AnyCredit.IsMatch(paragraph))
        {
            return null;
        }

        foreach (var pattern in Credits)
        {
            var m = pattern.Match(paragraph);
            if (m.Success)
            {
                var credit = m.Groups["credit"].Value;
                return new CreditMatch(Normalise(credit), new TextSpan(m.Index, m.Length));
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="line"/> is nothing but a credit (<c>— Reuters</c>, <c>(AP)</c>).</summary>
    public static bool IsCreditOnly(string line) => FindCredit(line) is { } c && c.IsWhole(line);

    // Spacing inside a credit is layout, not content: "Harbour  Gazette" is "Harbour Gazette".
    private static string Normalise(string credit) =>
        Regex.Replace(Regex.Replace(credit.Trim(), @"\s*/\s*", "/", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), @"\s+", " ", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
