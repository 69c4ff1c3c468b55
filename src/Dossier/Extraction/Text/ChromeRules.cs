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

    // Each family's patterns, tried in this order: the first family that matches names the reason. (One regex over all
    // five families with a named group each measured slower.)
    private static readonly ImmutableArray<(string Reason, string File)> FamilyFiles =
    [
        (SharePrompt, "share-prompt.txt"),
        (RelatedHeading, "related-heading.txt"),
        (RelatedLink, "related-link.txt"),
        (Boilerplate, "boilerplate.txt"),
        (Tags, "tag-prefix.txt"),
    ];

    private static readonly ImmutableArray<FamilyRules> Families = [.. FamilyFiles.Select(f => FamilyRules.Of(f.Reason, f.File))];

    /// <summary>
    /// One family's patterns in two regexes: those whose matches begin with known words ("follow", "copyright"),
    /// asked only of lines that begin so (<see cref="LiteralPrefixes"/>), and the rest, asked of every line. Together
    /// they match exactly the lines one regex of all the family's patterns matches; most lines of a text begin with
    /// none of those words, and the regex call that fails at the first word was most of the time on a long text.
    /// </summary>
    private sealed record FamilyRules(string Reason, LiteralPrefixes Prefixes, Regex? Guarded, Regex? Rest)
    {
        public static FamilyRules Of(string reason, string file)
        {
            var patterns = RuleData.Lines(file).Select(RuleData.Expand).ToList();
            var guarded = patterns.Where(p => LiteralPrefixes.Of([p]) != LiteralPrefixes.Any).ToList();
            var rest = patterns.Except(guarded).ToList();
            return new FamilyRules(
                reason,
                guarded.Count == 0 ? LiteralPrefixes.Any : LiteralPrefixes.Of(guarded),
                guarded.Count == 0 ? null : RuleData.AnyOf(guarded, ignoreCase: true),
                rest.Count == 0 ? null : RuleData.AnyOf(rest, ignoreCase: true));
        }

        public bool IsMatch(ReadOnlySpan<char> text) =>
            (Guarded is not null && Prefixes.MayMatch(text) && Guarded.IsMatch(text)) || (Rest is not null && Rest.IsMatch(text));
    }

    // Each family as one regex of all its patterns, as before the split: what the tests compare the split with.
    private static readonly Lazy<ImmutableArray<(string Reason, Regex Pattern)>> WholeFamilies =
        new(() => [.. FamilyFiles.Select(f => (f.Reason, RuleData.AnyOf(f.File, ignoreCase: true)))]);

    private static readonly Regex PictureCredit = RuleData.AnyOf("caption.txt", ignoreCase: true);

    /// <summary>
    /// Whether <paramref name="text"/> ends with a picture's credit ("-- Photo: AGENCY", "(Photo by …)"): a caption,
    /// which describes a photograph rather than the event. Not removed from the text; a story is not named after it.
    /// </summary>
    public static bool EndsWithPictureCredit(string text) => PictureCredit.IsMatch(text);

    private static readonly Lazy<string[]> InSentencePhrases = new(() => [.. RuleData.Lines("in-sentence.txt")]);

    /// <summary>
    /// True when <paramref name="sentence"/> holds a page-chrome phrase anywhere ("follow us", "click here"): such a
    /// sentence, left inside an article's text, is never a claim, evidence or a story's title.
    /// </summary>
    public static bool HoldsChromePhrase(string sentence)
    {
        var lower = sentence.ToLowerInvariant();
        return InSentencePhrases.Value.Any(phrase => lower.Contains(phrase, StringComparison.Ordinal));
    }

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

        foreach (var family in Families)
        {
            if (family.IsMatch(text))
            {
                return family.Reason;
            }
        }

        return null;
    }

    /// <summary>The family reason of <paramref name="line"/> by one regex of each family's patterns, without the test of the first words: for tests.</summary>
    internal static string? FamilyByWholeRegexes(ReadOnlySpan<char> line)
    {
        var text = line.Trim();
        if (text.Length == 0 || text.Length > 400)
        {
            return null;
        }

        foreach (var (reason, pattern) in WholeFamilies.Value)
        {
            if (pattern.IsMatch(text))
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>The family reason of <paramref name="line"/>, as <see cref="Classify(ReadOnlySpan{char})"/> finds it: for tests.</summary>
    internal static string? FamilyOf(ReadOnlySpan<char> line) => Family(line);

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
