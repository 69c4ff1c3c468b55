using System.Text;

namespace Dossier.Extraction.Html;

/// <summary>
/// Keeps a hostile page's element tree within a budget before it reaches the parser. HtmlAgilityPack marks
/// every ancestor of each node it appends (a walk up the whole open chain, recursive), so its parse costs
/// the sum of all element depths: 200,000 nested <c>&lt;div&gt;</c>s took minutes. One linear scan models the
/// nesting the parser will build (void elements, <c>&lt;p&gt;</c>/<c>&lt;li&gt;</c>/<c>&lt;option&gt;</c>…
/// closed by a sibling, end tags closing back to their start); when the page is within the caps the page is
/// returned as it is. Otherwise the tags past the caps are replaced by a space, so their text is kept as
/// running text (the same flattening <see cref="PageNode"/> applies below its depth cap).
/// </summary>
/// <remarks>
/// Caps: elements deeper than <see cref="MaxDepth"/>; then, when the sum of depths would still pass
/// <see cref="MaxDepthSum"/>, a lower depth cap chosen so that it does not; and no more than
/// <see cref="MaxElements"/> elements (each costs the parser a few hundred bytes). Real pages nest 20 to
/// 60 deep and hold under 20,000 elements, far inside every cap.
/// </remarks>
internal static class NestingLimiter
{
    /// <summary>Deepest element kept as an element.</summary>
    public const int MaxDepth = HtmlArticleExtractor.MaxDepth;

    /// <summary>Most parser work (sum of the depths of kept elements) allowed for one page.</summary>
    public const long MaxDepthSum = 20_000_000;

    /// <summary>Most elements kept for one page.</summary>
    public const int MaxElements = 100_000;

    private static readonly HashSet<string> Void = new(
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen", "frame", "basefont", "isindex"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> RawText = new(["script", "style", "textarea", "title", "xmp", "noembed", "noframes"], StringComparer.Ordinal);

    /// <summary>The page with tags past the caps flattened; the same string when none are.</summary>
    public static string Limit(string html)
    {
        var histogram = new List<long>();
        var elements = Scan(html, int.MaxValue, int.MaxValue, histogram, null);
        long sum = 0;
        for (var d = 1; d < histogram.Count; d++)
        {
            sum += d * histogram[d];
        }

        if (histogram.Count - 1 <= MaxDepth && sum <= MaxDepthSum && elements <= MaxElements)
        {
            return html;
        }

        // The deepest cap whose kept elements stay within the budget.
        var cap = 0;
        long cost = 0;
        for (var d = 1; d < histogram.Count && d <= MaxDepth; d++)
        {
            cost += d * histogram[d];
            if (cost > MaxDepthSum)
            {
                break;
            }

            cap = d;
        }

        var output = new StringBuilder(html.Length);
        Scan(html, cap, MaxElements, null, output);
        return output.ToString();
    }

    /// <summary>
    /// Walks the tags of <paramref name="html"/> with the parser's nesting. Counts start tags by depth into
    /// <paramref name="histogram"/>; copies the page into <paramref name="output"/> with start tags deeper than
    /// <paramref name="cap"/> (or past <paramref name="maxElements"/>) and their end tags replaced by a space.
    /// Returns the number of elements met.
    /// </summary>
    private static int Scan(string html, int cap, int maxElements, List<long>? histogram, StringBuilder? output)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<(string Name, bool Dropped)>();
        var page = html.AsSpan();
        Span<char> lower = stackalloc char[32];
        var elements = 0;
        var kept = 0;
        var copied = 0;
        var at = 0;

        void Drop(int start, int end)
        {
            output!.Append(html, copied, start - copied).Append(' ');
            copied = end;
        }

        void Pop()
        {
            var top = stack[^1];
            stack.RemoveAt(stack.Count - 1);
            open[top.Name]--;
        }

        while (at < page.Length)
        {
            var lt = page[at..].IndexOf('<');
            if (lt < 0)
            {
                break;
            }

            var start = at + lt;
            at = start + 1;
            if (at >= page.Length)
            {
                break;
            }

            var c = page[at];
            if (c == '!' || c == '?')
            {
                var isComment = page[at..].StartsWith("!--", StringComparison.Ordinal);
                var close = isComment ? page[(at + 3)..].IndexOf("-->", StringComparison.Ordinal) : page[at..].IndexOf('>');
                if (close < 0)
                {
                    break;
                }

                at = isComment ? at + 3 + close + 3 : at + close + 1;
                continue;
            }

            var isEnd = c == '/';
            var nameStart = isEnd ? at + 1 : at;
            if (nameStart >= page.Length || !char.IsAsciiLetter(page[nameStart]))
            {
                continue;
            }

            var nameEnd = nameStart;
            while (nameEnd < page.Length && page[nameEnd] is not (' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>'))
            {
                nameEnd++;
            }

            var gt = page[nameEnd..].IndexOf('>');
            if (gt < 0)
            {
                break;
            }

            var tagEnd = nameEnd + gt + 1;
            at = tagEnd;
            var name = Intern(page[nameStart..nameEnd], lower, names, lookup);
            if (isEnd)
            {
                if (open.GetValueOrDefault(name) == 0)
                {
                    continue;
                }

                // Closes back to the latest open element of that name, as the parser does.
                while (true)
                {
                    var top = stack[^1];
                    Pop();
                    if (top.Name == name)
                    {
                        if (top.Dropped && output is not null)
                        {
                            Drop(start, tagEnd);
                        }

                        break;
                    }
                }

                continue;
            }

            elements++;
            if (stack.Count > 0 && ClosesSibling(stack[^1].Name, name))
            {
                Pop();
            }

            var isVoid = Void.Contains(name) || page[tagEnd - 2] == '/';
            var depth = stack.Count + 1;
            if (histogram is not null)
            {
                while (histogram.Count <= depth)
                {
                    histogram.Add(0);
                }

                histogram[depth]++;
            }

            var dropped = depth > cap || kept >= maxElements;
            if (!dropped)
            {
                kept++;
            }
            else if (output is not null)
            {
                Drop(start, tagEnd);
            }

            if (RawText.Contains(name))
            {
                // Its content is text up to its end tag, whatever it looks like.
                var end = page[at..].IndexOf(("</" + name).AsSpan(), StringComparison.OrdinalIgnoreCase);
                at = end < 0 ? page.Length : at + end;
                if (!isVoid)
                {
                    stack.Add((name, dropped));
                    open[name] = open.GetValueOrDefault(name) + 1;
                }

                continue;
            }

            if (!isVoid)
            {
                stack.Add((name, dropped));
                open[name] = open.GetValueOrDefault(name) + 1;
            }
        }

        output?.Append(html, copied, html.Length - copied);
        return elements;
    }

    private static string Intern(ReadOnlySpan<char> raw, Span<char> lower, Dictionary<string, string> names, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup)
    {
        var name = raw;
        if (raw.Length <= lower.Length && raw.ContainsAnyInRange('A', 'Z'))
        {
            raw.ToLowerInvariant(lower);
            name = lower[..raw.Length];
        }

        if (lookup.TryGetValue(name, out var interned))
        {
            return interned;
        }

        var made = name.ToString().ToLowerInvariant();
        names[made] = made;
        return made;
    }

    // Start tags that close an open sibling of the same kind (the parser's implicit ends).
    private static bool ClosesSibling(string open, string next) => open switch
    {
        "p" => next == "p",
        "li" => next == "li",
        "option" => next == "option",
        "a" => next == "a",
        "dt" or "dd" => next is "dt" or "dd",
        "tr" => next == "tr",
        "td" or "th" => next is "td" or "th",
        _ => false,
    };
}
