using System.Buffers;
using System.Text;

namespace Dossier.Extraction.Html;

/// <summary>
/// Empties script and style elements in the raw page before it is parsed. About half of a news page's
/// characters are inline scripts and styles; the parser would walk them one character at a time only to
/// have us throw them away, while a vectorised search skips them. JSON-LD scripts are kept whole: the page's
/// metadata is read from them.
/// </summary>
/// <remarks>
/// The scan follows the HTML rules that matter here: a script or style element ends at the first
/// <c>&lt;/script</c> or <c>&lt;/style</c>, and a comment hides what looks like tags inside it. A script
/// holding <c>&lt;!--</c> (the old <c>document.write</c> idiom, where the rules for where it ends get
/// intricate) and an element that is never closed are left whole for the parser: skipping the shortcut
/// only costs time, never text.
/// </remarks>
internal static class RawTextStripper
{
    private static readonly SearchValues<string> Openings = SearchValues.Create(["<script", "<style", "<!--"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> ScriptEnd = SearchValues.Create(["</script"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> StyleEnd = SearchValues.Create(["</style"], StringComparison.OrdinalIgnoreCase);

    /// <summary>The page with the contents of its script (but JSON-LD) and style elements removed; the same string when there are none.</summary>
    public static string Strip(string html)
    {
        var page = html.AsSpan();
        StringBuilder? kept = null;
        var copiedTo = 0;
        var at = 0;
        while (at < page.Length)
        {
            var found = page[at..].IndexOfAny(Openings);
            if (found < 0)
            {
                break;
            }

            var start = at + found;
            if (page[start + 1] == '!')
            {
                var close = page[(start + 4)..].IndexOf("-->", StringComparison.Ordinal);
                if (close < 0)
                {
                    break;
                }

                at = start + 4 + close + 3;
                continue;
            }

            var isScript = page[start + 2] is 'c' or 'C'; // <sCript, <sTyle
            var nameEnd = start + (isScript ? 7 : 6);
            if (nameEnd >= page.Length)
            {
                break;
            }

            if (page[nameEnd] is not ('>' or '/' or ' ' or '\t' or '\n' or '\r' or '\f'))
            {
                at = nameEnd; // <scripts>, <styles>: another element
                continue;
            }

            var tagEnd = EndOfStartTag(page, nameEnd);
            if (tagEnd < 0)
            {
                break;
            }

            var contentStart = tagEnd + 1;
            var length = page[contentStart..].IndexOfAny(isScript ? ScriptEnd : StyleEnd);
            if (length < 0)
            {
                break;
            }

            var content = page.Slice(contentStart, length);
            var keep = isScript && (content.Contains("<!--", StringComparison.Ordinal) || page[nameEnd..tagEnd].Contains("ld+json", StringComparison.OrdinalIgnoreCase));
            if (length > 0 && !keep)
            {
                kept ??= new StringBuilder(html.Length / 2);
                kept.Append(page[copiedTo..contentStart]);
                copiedTo = contentStart + length;
            }

            at = contentStart + length + 2;
        }

        if (kept is null)
        {
            return html;
        }

        kept.Append(page[copiedTo..]);
        return kept.ToString();
    }

    /// <summary>The index of the <c>&gt;</c> ending a start tag whose name ends at <paramref name="from"/>, skipping quoted attribute values; -1 if none.</summary>
    private static int EndOfStartTag(ReadOnlySpan<char> page, int from)
    {
        var quote = '\0';
        var previous = ' ';
        for (var i = from; i < page.Length; i++)
        {
            var c = page[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            if (c is '"' or '\'' && previous == '=')
            {
                quote = c; // a quote opens a value only right after '=' (spaces between allowed)
            }
            else if (c == '>')
            {
                return i;
            }

            if (!char.IsWhiteSpace(c))
            {
                previous = c;
            }
        }

        return -1;
    }
}
