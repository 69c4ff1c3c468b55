namespace Dossier.Extraction.Text;

/// <summary>
/// The literal beginnings that every match of a set of anchored rule patterns starts with, read from the patterns'
/// source ("^(follow|join)\b…" starts with "follow" or "join"): a test of a line's first characters before running the
/// patterns' regex. A text of millions of short lines spent about 40% of `analyze` in chrome-family regexes that fail
/// at the first word (issue 20, docs/PERFORMANCE.md).
/// </summary>
/// <remarks>
/// Conservative by construction, so a line the test turns away is one no pattern matches: a pattern not anchored at the
/// start, or whose first item is not a literal (a class, a dot, an anchor, a lookaround, an optional item), makes the set
/// say "any line"; a group contributes the beginnings of its alternatives; reading stops at the first item it cannot
/// read, which only shortens the beginnings. Comparison ignores ASCII case, and a line whose first characters are not
/// all ASCII always goes to the regex (case-insensitive matching relates some other letters to ASCII ones).
/// </remarks>
internal sealed class LiteralPrefixes
{
    // Beyond this many beginnings a sequence stops growing them (shorter beginnings are still right).
    private const int MaxPrefixes = 256;

    /// <summary>Any line may match.</summary>
    public static LiteralPrefixes Any { get; } = new(null);

    // Lower-case ASCII beginnings, bucketed by their first character; null: any line may match.
    private readonly string[][]? byFirst;
    private readonly int longest;

    private LiteralPrefixes(List<string>? prefixes)
    {
        if (prefixes is null)
        {
            return;
        }

        byFirst = new string[128][];
        foreach (var group in prefixes.GroupBy(p => p[0]))
        {
            byFirst[group.Key] = [.. group.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }

        longest = prefixes.Max(p => p.Length);
    }

    /// <summary>The beginnings of <paramref name="patterns"/> (regex sources, as in the rule files), matched ignoring case.</summary>
    public static LiteralPrefixes Of(IEnumerable<string> patterns)
    {
        var all = new List<string>();
        foreach (var pattern in patterns)
        {
            // "^a|b" is "(^a)|(b)": the pattern must have no '|' outside its groups.
            var end = 1;
            if (!pattern.StartsWith('^') || !SkipAlternative(pattern, ref end) || end != pattern.Length
                || Sequence(pattern, 1, out _) is not { } found)
            {
                return Any;
            }

            all.AddRange(found);
        }

        // A letter outside ASCII may equal an ASCII one under case-insensitive matching (the Kelvin sign and "k").
        if (all.Count == 0 || all.Any(p => p.Any(c => c >= 128 && char.IsLetter(c))))
        {
            return Any;
        }

        // A beginning with other characters outside ASCII ("©") cannot begin an ASCII line, and a line that is not
        // ASCII at its start always goes to the regex: such beginnings need no place in the table.
        return new LiteralPrefixes([.. all.Where(p => p.All(c => c < 128)).Select(p => p.ToLowerInvariant())]);
    }

    /// <summary>Whether <paramref name="line"/> (trimmed, not empty) may match one of the patterns.</summary>
    public bool MayMatch(ReadOnlySpan<char> line)
    {
        if (byFirst is null)
        {
            return true;
        }

        var head = line[..Math.Min(line.Length, longest)];
        foreach (var c in head)
        {
            if (c >= 128)
            {
                return true;
            }
        }

        if (head.IsEmpty || byFirst[char.ToLowerInvariant(head[0])] is not { } candidates)
        {
            return false;
        }

        foreach (var prefix in candidates)
        {
            if (head.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // The beginnings every match of the sequence at `at` (up to its '|' or ')' or the end) starts with; null when a match
    // may begin with anything. `complete` says whether every item of the sequence was literal, so that what follows the
    // sequence may extend the beginnings.
    private static List<string>? Sequence(string p, int at, out bool complete)
    {
        var result = new List<string> { "" };
        complete = false;
        while (true)
        {
            if (at >= p.Length || p[at] is '|' or ')')
            {
                complete = true;
                break;
            }

            if (Item(p, at, out var end, out var itemComplete) is not { } item)
            {
                break;
            }

            // An item that may occur zero times may be absent: the beginnings stop before it. One that may repeat counts once.
            if (end < p.Length && (p[end] is '?' or '*' || p.AsSpan(end).StartsWith("{0", StringComparison.Ordinal)))
            {
                break;
            }

            var repeats = end < p.Length && p[end] is '+' or '{';
            if (result.Count * item.Count > MaxPrefixes)
            {
                break;
            }

            result = [.. result.SelectMany(r => item.Select(i => r + i))];
            if (!itemComplete || repeats)
            {
                break;
            }

            at = end;
        }

        return result.Any(r => r.Length == 0) ? null : result;
    }

    // The beginnings of the one item at `at` and where it ends; null when unknown. A group's item is complete when each of
    // its alternatives is.
    private static List<string>? Item(string p, int at, out int end, out bool complete)
    {
        end = at;
        complete = true;
        var c = p[at];
        if (c == '(')
        {
            var inner = at + 1;
            if (inner < p.Length && p[inner] == '?')
            {
                // Only a plain group with options ("(?:", "(?i:", "(?-i:"); lookarounds and named groups are unknown.
                // Not "x": with it, the group's spaces are not literal.
                inner++;
                while (inner < p.Length && p[inner] is 'i' or 'm' or 'n' or 's' or '-')
                {
                    inner++;
                }

                if (inner >= p.Length || p[inner] != ':')
                {
                    return null;
                }

                inner++;
            }

            var union = new List<string>();
            while (true)
            {
                if (Sequence(p, inner, out var alternativeComplete) is not { } alternative)
                {
                    return null;
                }

                union.AddRange(alternative);
                complete &= alternativeComplete;
                if (!SkipAlternative(p, ref inner) || inner >= p.Length)
                {
                    return null;
                }

                if (p[inner] == ')')
                {
                    end = inner + 1;
                    return union;
                }

                inner++; // the '|'
            }
        }

        if (c == '\\')
        {
            if (at + 1 >= p.Length || char.IsLetterOrDigit(p[at + 1]))
            {
                return null; // \s, \w, \d, \b, \p{…}, back-references: classes and anchors
            }

            end = at + 2;
            return [p[at + 1].ToString()];
        }

        if (c is '.' or '[' or ']' or '{' or '}' or '*' or '+' or '?' or '^' or '$' or '#' or '|' or ')')
        {
            return null;
        }

        end = at + 1;
        return [c.ToString()];
    }

    // Moves `at` to the '|' or ')' that ends the current alternative at depth 0, or to the end of the pattern.
    private static bool SkipAlternative(string p, ref int at)
    {
        var depth = 0;
        var inClass = false;
        for (; at < p.Length; at++)
        {
            var c = p[at];
            if (c == '\\')
            {
                at++;
            }
            else if (inClass)
            {
                inClass = c != ']';
            }
            else if (c == '[')
            {
                inClass = true;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                if (depth == 0)
                {
                    return true;
                }

                depth--;
            }
            else if (c == '|' && depth == 0)
            {
                return true;
            }
        }

        return depth == 0 && !inClass;
    }
}
