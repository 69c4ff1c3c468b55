using System.Text;

namespace Dossier.Extraction.Text;

/// <summary>Splits pasted text into blocks: one per line, or one per paragraph when the text is hard-wrapped.</summary>
public static class TextLayout
{
    private static readonly char[] Blank = [' ', '\t', '\u00A0', '\u200B', '\u2007', '\u202F', '\uFEFF', '\f', '\v'];

    /// <summary>
    /// The non-empty blocks of <paramref name="content"/>, trimmed, in order. CRLF and CR count as LF. A new list the
    /// caller owns (the extractor joins a lone dateline to its paragraph in place): one copy of millions of blocks.
    /// </summary>
    public static List<string> Blocks(string content)
    {
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].Trim(Blank);
        }

        var wrapped = IsHardWrapped(lines);
        var nonEmpty = 0;
        foreach (var line in lines)
        {
            nonEmpty += line.Length > 0 ? 1 : 0;
        }

        // Paragraphs are runs of non-empty lines, walked in place over the lines array: a list per paragraph cost
        // ~90 bytes a line on a text of millions of one-word lines, more than the text itself.
        var blocks = new List<string>(nonEmpty);
        var run = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            if (i < lines.Length && lines[i].Length > 0)
            {
                run++;
                continue;
            }

            if (run == 0)
            {
                continue;
            }

            var group = new ArraySegment<string>(lines, i - run, run);
            if (wrapped && run > 1 && ChromeRules.Classify(group[0]) != ChromeRules.RelatedHeading)
            {
                blocks.Add(Join(group));
            }
            else
            {
                blocks.AddRange(group);
            }

            run = 0;
        }

        return blocks;
    }

    // Text wrapped at a fixed width (e-mail, some exports) has many lines of similar length below 100
    // characters and blank lines between paragraphs; a page pasted from a browser has one line per paragraph.
    private static bool IsHardWrapped(string[] lines)
    {
        int nonEmpty = 0, longest = 0;
        foreach (var line in lines)
        {
            if (line.Length > 0)
            {
                nonEmpty++;
                longest = Math.Max(longest, line.Length);
            }
        }

        if (nonEmpty < 4 || nonEmpty == lines.Length || longest > 100)
        {
            return false;
        }

        var followed = 0;
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            if (lines[i].Length >= 55 && lines[i + 1].Length > 0)
            {
                followed++;
            }
        }

        return followed * 3 >= nonEmpty;
    }

    private static string Join(ArraySegment<string> group)
    {
        var sb = new StringBuilder();
        foreach (var line in group)
        {
            if (sb.Length > 0)
            {
                // A word broken by a hyphen at the end of a line is joined back.
                if (sb[^1] == '-' && sb.Length > 1 && char.IsLower(sb[^2]) && line.Length > 0 && char.IsLower(line[0]))
                {
                    sb.Length--;
                }
                else
                {
                    sb.Append(' ');
                }
            }

            sb.Append(line);
        }

        return sb.ToString();
    }
}
