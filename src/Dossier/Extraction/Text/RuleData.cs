using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Dossier.Extraction.Text;

/// <summary>Loads the rule files of <c>data/chrome/</c> embedded in the library.</summary>
internal static class RuleData
{
    /// <summary>The non-comment, non-blank lines of <c>data/chrome/<paramref name="file"/></c>.</summary>
    public static ImmutableArray<string> Lines(string file) => [.. EmbeddedData.Lines("chrome/" + file).Select(l => l.TrimStart())];

    /// <summary>The agencies alternation, longest name first so "Associated Press" wins over "AP".</summary>
    public static string AgencyAlternation { get; } = string.Join('|', Lines("agencies.txt").OrderByDescending(a => a.Length).ThenBy(a => a, StringComparer.Ordinal).Select(Regex.Escape));

    /// <summary>Compiles every pattern of <paramref name="file"/>.</summary>
    public static ImmutableArray<Regex> Patterns(string file, bool ignoreCase) =>
        [.. Lines(file).Select(p => Compile(Expand(p), ignoreCase))];

    /// <summary>
    /// One regex that matches where any pattern of <paramref name="file"/> matches, for callers that only ask
    /// whether one does: one scan of a line instead of one per pattern (a text of millions of short lines ran
    /// every pattern on every line). Each pattern is its own group, so its anchors and inline options stay its own.
    /// Its groups capture nothing: the callers only ask whether it matches, and recording the rule files' groups
    /// cost about a tenth of `extract`'s CPU on such a text.
    /// </summary>
    public static Regex AnyOf(string file, bool ignoreCase) => AnyOf(Lines(file).Select(Expand), ignoreCase);

    /// <summary>One regex that matches where any of <paramref name="patterns"/> (expanded) matches, as <see cref="AnyOf(string, bool)"/>.</summary>
    public static Regex AnyOf(IEnumerable<string> patterns, bool ignoreCase) =>
        Compile(string.Join('|', patterns.Select(p => "(?:" + p + ")")), ignoreCase, RegexOptions.ExplicitCapture);

    /// <summary>A rule file's pattern with its <c>{agency}</c> placeholder filled in.</summary>
    public static string Expand(string pattern) => pattern.Replace("{agency}", AgencyAlternation, StringComparison.Ordinal);

    // No match timeout: with one, every call configures and polls a timer, which was half the time of these regexes on
    // a text of millions of short lines. The inputs are bounded instead: chrome rules see lines of at most 400
    // characters, bylines 200, and datelines and credits a window of 2,048 at their end of a long paragraph
    // (BodyMetadata), so a rule's worst case is bounded by its input; ChromeRulesTests and BodyMetadataTests run
    // every rule file, so an edit that backtracks badly shows there.
    private static Regex Compile(string pattern, bool ignoreCase, RegexOptions extra = RegexOptions.None) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled | extra | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None), Regex.InfiniteMatchTimeout);
}
