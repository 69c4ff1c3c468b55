using System.Collections.Frozen;

namespace Dossier.Extraction.Text;

/// <summary>
/// Short chrome phrases (from <c>data/chrome/phrases.tsv</c>): a block equal to, starting with or containing one is
/// chrome. Part of <see cref="ChromeRules"/>, the one chrome list both extractors use.
/// </summary>
internal sealed class ChromePhrases
{
    /// <summary>Longer blocks are prose even when they start with a listed phrase.</summary>
    public const int MaxLength = 160;

    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> exact;

    // Prefixes grouped by their first character, each group in file order (the first listed that matches names the
    // reason): a text of millions of short lines would otherwise try every prefix on every line.
    private readonly FrozenDictionary<char, (string Prefix, string Reason)[]> prefixes;
    private readonly (string Needle, string Reason)[] contained;

    private ChromePhrases(Dictionary<string, string> exact, List<(string Prefix, string Reason)> prefixes, List<(string Needle, string Reason)> contained)
    {
        this.exact = exact.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        this.prefixes = prefixes.GroupBy(p => p.Prefix[0]).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        this.contained = [.. contained];
    }

    /// <summary>The phrases shipped with the library.</summary>
    public static ChromePhrases Default { get; } = Parse(RuleData.Lines("phrases.tsv"));

    /// <summary>Parses the TSV format: <c>exact|prefix|contains TAB phrase TAB reason</c>, <c>#</c> comments.</summary>
    public static ChromePhrases Parse(IEnumerable<string> lines)
    {
        var exact = new Dictionary<string, string>(StringComparer.Ordinal);
        var prefixes = new List<(string, string)>();
        var contained = new List<(string, string)>();
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length != 3 || cols[1].Length == 0)
            {
                throw new FormatException("chrome phrase line needs 3 tab-separated columns and a phrase: " + line);
            }

            switch (cols[0])
            {
                case "exact":
                    exact[cols[1]] = cols[2];
                    break;
                case "prefix":
                    prefixes.Add((cols[1], cols[2]));
                    break;
                case "contains":
                    contained.Add((cols[1], cols[2]));
                    break;
                default:
                    throw new FormatException("chrome phrase kind must be exact, prefix or contains: " + line);
            }
        }

        return new ChromePhrases(exact, prefixes, contained);
    }

    /// <summary>The reason <paramref name="block"/> is chrome, or null.</summary>
    public string? Match(string block) => Match(block.AsSpan());

    /// <summary>The reason <paramref name="block"/> is chrome, or null; compared without a copy of the block.</summary>
    public string? Match(ReadOnlySpan<char> block)
    {
        // Lower-cased once into a stack buffer: a text of millions of short lines pays no allocation here.
        Span<char> buffer = stackalloc char[MaxLength];
        var text = Lower(block, buffer);
        if (text.Length == 0)
        {
            return null;
        }

        if (exact.TryGetValue(text, out var reason))
        {
            return reason;
        }

        if (prefixes.TryGetValue(text[0], out var group))
        {
            foreach (var (prefix, why) in group)
            {
                if (text.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return why;
                }
            }
        }

        foreach (var (needle, why) in contained)
        {
            if (text.Contains(needle, StringComparison.Ordinal))
            {
                return why;
            }
        }

        return null;
    }

    // The block trimmed and lower-cased into buffer; empty when it is blank or too long to be a phrase.
    private static ReadOnlySpan<char> Lower(ReadOnlySpan<char> block, Span<char> buffer) =>
        block.Length > MaxLength ? [] : buffer[..block.Trim().ToLowerInvariant(buffer)];
}
