using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Dossier.Extraction.Text;

/// <summary>
/// Recognises page chrome in one line or paragraph by the rule files of <c>data/chrome/</c>: the one chrome list,
/// used by the plain-text and the HTML extractor alike. Each family's file name is the reason recorded when a block
/// is removed; the short phrases of <c>phrases.tsv</c> carry their own reasons.
/// </summary>
public static partial class ChromeRules
{
    /// <summary>Reason for invitations to follow, share, subscribe or download.</summary>
    public const string SharePrompt = "share-prompt";

    /// <summary>Reason for a heading that opens a list of other stories.</summary>
    public const string RelatedHeading = "related-heading";

    /// <summary>Reason for the headlines listed under such a heading.</summary>
    public const string RelatedHeadlines = "related-headlines";

    /// <summary>Reason for a one-line link to another story.</summary>
    public const string RelatedLink = "related-link";

    /// <summary>Reason for rights notices, advertising markers and reporting notes.</summary>
    public const string Boilerplate = "boilerplate";

    /// <summary>Reason for a line of topic keywords.</summary>
    public const string Tags = "tags";

    // One regex per family (its file's patterns as alternatives), tried in this order: the first family that
    // matches names the reason. (One regex over all five families with a named group each measured slower.)
    private static readonly ImmutableArray<(string Reason, Regex Pattern)> Families =
    [
        (SharePrompt, RuleData.AnyOf("share-prompt.txt", ignoreCase: true)),
        (RelatedHeading, RuleData.AnyOf("related-heading.txt", ignoreCase: true)),
        (RelatedLink, RuleData.AnyOf("related-link.txt", ignoreCase: true)),
        (Boilerplate, RuleData.AnyOf("boilerplate.txt", ignoreCase: true)),
        (Tags, RuleData.AnyOf("tag-prefix.txt", ignoreCase: true)),
    ];

    /// <summary>The reason <paramref name="line"/> is chrome, or null when it is not.</summary>
    public static string? Classify(string line) => Classify(line.AsSpan());

    /// <summary>The reason <paramref name="line"/> is chrome, or null when it is not; no copy of the line is made.</summary>
    public static string? Classify(ReadOnlySpan<char> line) => Classify(line, ChromePhrases.Default);

    /// <summary>
    /// The reason <paramref name="line"/> is chrome: by the rule families first, so that a line both lists know has one
    /// name whichever extractor meets it ("Advertisement" is <c>boilerplate</c>) and a related-stories heading is named
    /// as one (the plain-text extractor then takes the headlines under it); then by <paramref name="phrases"/>.
    /// </summary>
    internal static string? Classify(ReadOnlySpan<char> line, ChromePhrases phrases) => Family(line) ?? phrases.Match(line);

    private static string? Family(ReadOnlySpan<char> line)
    {
        var text = line.Trim();
        if (text.Length == 0 || text.Length > 400)
        {
            return null;
        }

        foreach (var (reason, pattern) in Families)
        {
            if (pattern.IsMatch(text))
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="line"/> is a bare list of keywords (<c>Pakistan , China , terrorist groups</c>):
    /// three or more short comma-separated items, or two with spaced commas, and no sentence punctuation.
    /// Only trusted after the article's end, where a subheading with commas cannot be.
    /// </summary>
    public static bool IsKeywordList(string line)
    {
        var text = line.Trim();
        if (text.Length > 300 || text.Length == 0 || text[^1] is '.' or '!' or '?' or ':' or '"' or '”')
        {
            return false;
        }

        var items = text.Split(',', StringSplitOptions.TrimEntries);
        if (items.Length < 2 || (items.Length == 2 && !text.Contains(" ,", StringComparison.Ordinal)))
        {
            return false;
        }

        return items.All(i => i.Length is > 0 and <= 40 && i.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4);
    }

    /// <summary>True when <paramref name="line"/> reads as a headline: short, one line, not a finished sentence.</summary>
    public static bool IsHeadlineLike(string line)
    {
        var text = line.Trim();
        if (text.Length is < 8 or > 200)
        {
            return false;
        }

        var last = text[^1];
        if (SentenceBoundary().IsMatch(text))
        {
            // "… ratified it. - Tribune" is a finished paragraph with a sign-off, not a headline.
            return false;
        }

        return last is not ('.' or ':' or ';' or ',') || text.EndsWith("...", StringComparison.Ordinal) || text.EndsWith('…');
    }

    [GeneratedRegex(@"\p{Ll}{2}[.!?][""”’]?\s+\S")]
    private static partial Regex SentenceBoundary();
}
