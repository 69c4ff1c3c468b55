using System.Collections.Immutable;
using System.Text;

namespace Dossier.Extraction.Text;

/// <summary>Splits pasted text into blocks: one per line, or one per paragraph when the text is hard-wrapped.</summary>
public static class TextLayout
{
    private static readonly char[] Blank = [' ', '\t', '\u00A0', '\u200B', '\u2007', '\u202F', '\uFEFF', '\f', '\v'];

    /// <summary>The non-empty blocks of <paramref name="content"/>, trimmed, in order. CRLF and CR count as LF.</summary>
    public static ImmutableArray<string> Blocks(string content)
    {
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(l => l.Trim(Blank)).ToArray();
        var groups = new List<List<string>>();
        List<string>? current = null;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                current = null;
                continue;
            }

            if (current is null)
            {
                current = [];
                groups.Add(current);
            }

            current.Add(line);
        }

        var wrapped = IsHardWrapped(lines);
        var blocks = ImmutableArray.CreateBuilder<string>();
        foreach (var group in groups)
        {
            if (wrapped && group.Count > 1 && ChromeRules.Classify(group[0]) != ChromeRules.RelatedHeading)
            {
                blocks.Add(Join(group));
            }
            else
            {
                blocks.AddRange(group);
            }
        }

        return blocks.ToImmutable();
    }

    // Text wrapped at a fixed width (e-mail, some exports) has many lines of similar length below 100
    // characters and blank lines between paragraphs; a page pasted from a browser has one line per paragraph.
    private static bool IsHardWrapped(string[] lines)
    {
        var nonEmpty = lines.Where(l => l.Length > 0).ToList();
        if (nonEmpty.Count < 4 || nonEmpty.Count == lines.Length || nonEmpty.Max(l => l.Length) > 100)
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

        return followed * 3 >= nonEmpty.Count;
    }

    private static string Join(List<string> group)
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
