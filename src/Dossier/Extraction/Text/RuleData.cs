using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Dossier.Extraction.Text;

/// <summary>Loads the rule files of <c>data/chrome/</c> embedded in the library.</summary>
internal static class RuleData
{
    /// <summary>The non-comment, non-blank lines of <c>data/chrome/<paramref name="file"/></c>.</summary>
    public static ImmutableArray<string> Lines(string file)
    {
        var assembly = typeof(RuleData).Assembly;
        // The resource name keeps the folder separator of the build machine; match either form.
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n =>
            n.EndsWith("chrome/" + file, StringComparison.Ordinal) || n.EndsWith("chrome\\" + file, StringComparison.Ordinal) || n.EndsWith("chrome." + file, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"embedded rule file data/chrome/{file} is missing");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        var lines = ImmutableArray.CreateBuilder<string>();
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
            {
                lines.Add(trimmed);
            }
        }

        return lines.ToImmutable();
    }

    /// <summary>The agencies alternation, longest name first so "Associated Press" wins over "AP".</summary>
    public static string AgencyAlternation { get; } = string.Join('|', Lines("agencies.txt").OrderByDescending(a => a.Length).ThenBy(a => a, StringComparer.Ordinal).Select(Regex.Escape));

    /// <summary>Compiles every pattern of <paramref name="file"/>. The timeout is a safety net against a pathological edit of a
    /// rule file, set well above the first call's compilation and JIT time on a loaded machine.</summary>
    public static ImmutableArray<Regex> Patterns(string file, bool ignoreCase) =>
        [.. Lines(file).Select(p => new Regex(Expand(p), Options(ignoreCase), TimeSpan.FromSeconds(10)))];

    /// <summary>
    /// One regex that matches where any pattern of <paramref name="files"/> matches: a gate in front of the
    /// pattern-by-pattern loop, which is still what says which pattern matched. Most paragraphs match none, and
    /// one scan of an alternation costs a fraction of one scan per pattern. A leading <c>^</c> shared by every
    /// pattern is taken out of the alternation so the engine sees an anchored search. The rule files use named
    /// groups only (no numbered back-references), so the renumbering of groups cannot change a pattern.
    /// </summary>
    public static Regex AnyOf(bool ignoreCase, params string[] files)
    {
        var patterns = files.SelectMany(f => Lines(f)).Select(Expand).ToList();
        var anchored = patterns.All(p => p.StartsWith('^'));
        var body = string.Join('|', patterns.Select(p => "(?:" + (anchored ? p[1..] : p) + ")"));
        return new Regex(anchored ? "^(?:" + body + ")" : body, Options(ignoreCase), TimeSpan.FromSeconds(10));
    }

    private static string Expand(string pattern) => pattern.Replace("{agency}", AgencyAlternation, StringComparison.Ordinal);

    private static RegexOptions Options(bool ignoreCase) =>
        RegexOptions.CultureInvariant | RegexOptions.Compiled | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
}
