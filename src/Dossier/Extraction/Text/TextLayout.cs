using System.Text;

namespace Dossier.Extraction.Text;

/// <summary>Splits pasted text into blocks: one per line, or one per paragraph when the text is hard-wrapped.</summary>
public static class TextLayout
{
    private static readonly char[] Blank = [' ', '\t', '\u00A0', '\u200B', '\u2007', '\u202F', '\uFEFF', '\f', '\v'];

    /// <summary>
    /// The non-empty blocks of <paramref name="content"/>, trimmed, in order. CRLF and CR count as LF. A line is
    /// a slice of <paramref name="content"/>, not a copy: a text of millions of one-word lines held as a string per
    /// line cost about six times its own size. Only the paragraphs of hard-wrapped text, joined from several lines,
    /// are new strings. A new list the caller owns (the extractor joins a lone dateline to its paragraph in place).
    /// </summary>
    public static List<ReadOnlyMemory<char>> Blocks(string content)
    {
        var (wrapped, nonEmpty) = Survey(content);
        // Sized once: growing a list of millions of slices by doubling leaves the old arrays behind as garbage.
        var blocks = new List<ReadOnlyMemory<char>>(nonEmpty);
        // A run of non-empty lines is a paragraph; only hard-wrapped text needs its lines kept together.
        var run = new List<ReadOnlyMemory<char>>();
        var at = 0;
        while (NextLine(content, ref at, out var line))
        {
            if (line.Length > 0)
            {
                if (wrapped)
                {
                    run.Add(line);
                }
                else
                {
                    blocks.Add(line);
                }

                continue;
            }

            CloseRun(run, blocks);
        }

        CloseRun(run, blocks);
        return blocks;
    }

    private static void CloseRun(List<ReadOnlyMemory<char>> run, List<ReadOnlyMemory<char>> blocks)
    {
        if (run.Count == 0)
        {
            return;
        }

        if (run.Count > 1 && ChromeRules.Classify(run[0].Span) != ChromeRules.RelatedHeading)
        {
            blocks.Add(Join(run).AsMemory());
        }
        else
        {
            blocks.AddRange(run);
        }

        run.Clear();
    }

    /// <summary>
    /// The line of <paramref name="content"/> that starts at <paramref name="at"/>, trimmed, and moves
    /// <paramref name="at"/> past its line break; false once every line has been read. As <c>Split('\n')</c> after
    /// CRLF and CR became LF: a text ending in a line break has an empty last line.
    /// </summary>
    private static bool NextLine(string content, ref int at, out ReadOnlyMemory<char> line)
    {
        if (at > content.Length)
        {
            line = default;
            return false;
        }

        var rest = content.AsSpan(at);
        var end = rest.IndexOfAny('\r', '\n');
        var length = end < 0 ? rest.Length : end;
        line = Trim(content.AsMemory(at, length));
        at += end < 0 ? length + 1 : length + (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1);
        return true;
    }

    private static ReadOnlyMemory<char> Trim(ReadOnlyMemory<char> line)
    {
        var span = line.Span;
        var start = 0;
        while (start < span.Length && Array.IndexOf(Blank, span[start]) >= 0)
        {
            start++;
        }

        var end = span.Length;
        while (end > start && Array.IndexOf(Blank, span[end - 1]) >= 0)
        {
            end--;
        }

        return line[start..end];
    }

    // Text wrapped at a fixed width (e-mail, some exports) has many lines of similar length below 100
    // characters and blank lines between paragraphs; a page pasted from a browser has one line per paragraph.
    // One pass over the lines, none of them kept; it also counts the non-empty lines, the most blocks there can be.
    private static (bool Wrapped, int NonEmpty) Survey(string content)
    {
        int lines = 0, nonEmpty = 0, longest = 0, followed = 0, previous = 0;
        var at = 0;
        while (NextLine(content, ref at, out var line))
        {
            var length = line.Length;
            if (lines > 0 && previous >= 55 && length > 0)
            {
                followed++;
            }

            lines++;
            if (length > 0)
            {
                nonEmpty++;
                longest = Math.Max(longest, length);
            }

            previous = length;
        }

        var wrapped = nonEmpty >= 4 && nonEmpty != lines && longest <= 100 && followed * 3 >= nonEmpty;
        return (wrapped, nonEmpty);
    }

    private static string Join(List<ReadOnlyMemory<char>> group)
    {
        var sb = new StringBuilder();
        foreach (var line in group)
        {
            var span = line.Span;
            if (sb.Length > 0)
            {
                // A word broken by a hyphen at the end of a line is joined back.
                if (sb[^1] == '-' && sb.Length > 1 && char.IsLower(sb[^2]) && span.Length > 0 && char.IsLower(span[0]))
                {
                    sb.Length--;
                }
                else
                {
                    sb.Append(' ');
                }
            }

            sb.Append(span);
        }

        return sb.ToString();
    }
}
