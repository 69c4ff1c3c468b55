using System.Buffers;
using System.Text;

namespace Dossier.Reading;

/// <summary>What a stream holds, judged from its first bytes.</summary>
public enum ContentFormat
{
    /// <summary>Nothing, or only white space.</summary>
    Empty,

    /// <summary>Not text: an image, an archive, an executable, or bytes with NULs and control codes.</summary>
    Binary,

    /// <summary>gzip-compressed; sniffed again once decompressed.</summary>
    Gzip,

    /// <summary>A WARC 1.0/1.1 archive.</summary>
    Warc,

    /// <summary>JSON objects, one per line.</summary>
    Jsonl,

    /// <summary>An RSS or Atom feed.</summary>
    Feed,

    /// <summary>XML that is neither a feed nor XHTML.</summary>
    OtherXml,

    /// <summary>An HTML page or fragment.</summary>
    Html,

    /// <summary>Plain text.</summary>
    Text,
}

/// <summary>Recognises content by its first bytes, not by its file name.</summary>
public static class ContentSniffer
{
    /// <summary>How many bytes are looked at.</summary>
    public const int HeadSize = 8192;

    private static readonly (byte[] Magic, string Name)[] Signatures =
    [
        ([0x25, 0x50, 0x44, 0x46, 0x2D], "pdf"),
        ([0x89, 0x50, 0x4E, 0x47], "png"),
        ([0xFF, 0xD8, 0xFF], "jpeg"),
        ([0x47, 0x49, 0x46, 0x38], "gif"),
        ([0x50, 0x4B, 0x03, 0x04], "zip"),
        ([0x42, 0x5A, 0x68], "bzip2"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz"),
        ([0x28, 0xB5, 0x2F, 0xFD], "zstd"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "7z"),
        ([0x7F, 0x45, 0x4C, 0x46], "executable"),
        ([0x52, 0x49, 0x46, 0x46], "riff media"),
    ];

    // Control bytes other than tab, line feed, form feed, carriage return and escape: many of them mean binary.
    private static readonly SearchValues<byte> Controls = SearchValues.Create([.. Enumerable.Range(0, 0x20).Where(b => b is not (0x09 or 0x0A or 0x0C or 0x0D or 0x1B)).Select(b => (byte)b)]);

    /// <summary>The format of content starting with <paramref name="head"/>.</summary>
    public static ContentFormat Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            return ContentFormat.Gzip;
        }

        var text = HeadText(head, out var isUnicode);

        // An uncompressed WARC holds images and other binary payloads: its first line decides, not its bytes.
        if (text.AsSpan().TrimStart(" \t\r\n").StartsWith("WARC/", StringComparison.Ordinal))
        {
            return ContentFormat.Warc;
        }

        if (!isUnicode && BinaryKind(head) is not null)
        {
            return ContentFormat.Binary;
        }

        return SniffText(text);
    }

    /// <summary>The format of decoded text, judged from its start.</summary>
    public static ContentFormat SniffText(ReadOnlySpan<char> text)
    {
        var t = text.TrimStart(" \t\r\n\f\u00A0\uFEFF");
        if (t.IsEmpty)
        {
            return ContentFormat.Empty;
        }

        if (t.StartsWith("WARC/", StringComparison.Ordinal))
        {
            return ContentFormat.Warc;
        }

        if (t[0] == '{')
        {
            return FirstLineIsNotJson(t) && !LinesOpenWithBraces(t) ? ContentFormat.Text : ContentFormat.Jsonl;
        }

        // Plain text (most of a news feed's files) has no markup to look for; lower-casing its head would be wasted.
        if (!t[..Math.Min(t.Length, 1024)].Contains('<'))
        {
            return ContentFormat.Text;
        }

        var lower = t[..Math.Min(t.Length, 4096)].ToString().ToLowerInvariant();
        if (t[0] == '<')
        {
            var feed = FirstIndex(lower, "<rss", "<feed", "<rdf:rdf");
            var html = FirstIndex(lower, "<!doctype html", "<html", "<head", "<body");
            if (feed >= 0 && (html < 0 || feed < html))
            {
                return ContentFormat.Feed;
            }

            if (html >= 0 || HasCommonTag(lower))
            {
                return ContentFormat.Html;
            }

            return lower.StartsWith("<?xml", StringComparison.Ordinal) ? ContentFormat.OtherXml : ContentFormat.Text;
        }

        // Some saved pages carry a line of junk before the markup.
        return FirstIndex(lower[..Math.Min(lower.Length, 1024)], "<!doctype html", "<html", "<body") >= 0 ? ContentFormat.Html : ContentFormat.Text;
    }

    /// <summary>Null when <paramref name="bytes"/> look like text; otherwise a name for the binary kind (possibly empty).</summary>
    public static string? BinaryKind(ReadOnlySpan<byte> bytes)
    {
        foreach (var (magic, name) in Signatures)
        {
            if (bytes.StartsWith(magic))
            {
                return name;
            }
        }

        var head = bytes[..Math.Min(bytes.Length, HeadSize)];
        if (head.Contains((byte)0))
        {
            return "";
        }

        var controls = 0;
        var rest = head;
        for (var at = rest.IndexOfAny(Controls); at >= 0; at = rest.IndexOfAny(Controls))
        {
            controls++;
            rest = rest[(at + 1)..];
        }

        return controls * 50 > head.Length ? "" : null;
    }

    private static string HeadText(ReadOnlySpan<byte> head, out bool isUnicode)
    {
        isUnicode = true;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return Encoding.UTF32.GetString(head[4..(4 + ((head.Length - 4) & ~3))]);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(head[2..(2 + ((head.Length - 2) & ~1))]);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(head[2..(2 + ((head.Length - 2) & ~1))]);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        if (ContentDecoder.DetectUtf16WithoutBom(head) is { } utf16)
        {
            return utf16.GetString(head[..(head.Length & ~1)]);
        }

        isUnicode = false;

        // Latin-1 maps every byte to one char, enough to see ASCII markers whatever the real encoding.
        return Encoding.Latin1.GetString(head);
    }

    // Prose can open with a brace; a JSONL file's first line is a whole JSON object. A first line longer than
    // the sniffed head cannot be checked and is trusted.
    private static bool FirstLineIsNotJson(ReadOnlySpan<char> text)
    {
        var newline = text.IndexOf('\n');
        if (newline < 0)
        {
            return false;
        }

        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(text[..newline].ToString());
            return json.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object;
        }
        catch (System.Text.Json.JsonException)
        {
            return true;
        }
    }

    // A JSONL export whose lines are damaged (cut, badly escaped) still has one object per line: every
    // line opens with a brace. Prose that opens with a brace ("{Draft} ...") goes on with ordinary lines.
    // Read as JSONL, each damaged line is reported; read as text, the file would become one junk article.
    private static bool LinesOpenWithBraces(ReadOnlySpan<char> text)
    {
        int lines = 0, braced = 0;
        foreach (var range in text.Split('\n'))
        {
            if (range.End.GetOffset(text.Length) == text.Length)
            {
                break; // the last line of the head may be cut
            }

            var line = text[range].Trim(" \t\r\f");
            if (line.IsEmpty)
            {
                continue;
            }

            lines++;
            braced += line[0] == '{' ? 1 : 0;
        }

        return lines >= 2 && braced * 4 >= lines * 3;
    }

    /// <summary>
    /// The format as the file's name settles it: a <c>.jsonl</c> or <c>.ndjson</c> file (gzipped or not) holding
    /// text is read as JSONL whatever its first bytes, so a damaged export is reported line by line.
    /// </summary>
    public static ContentFormat ByName(ContentFormat sniffed, string? path) =>
        sniffed is ContentFormat.Text or ContentFormat.Html or ContentFormat.Feed or ContentFormat.OtherXml && IsJsonlName(path)
            ? ContentFormat.Jsonl
            : sniffed;

    private static bool IsJsonlName(string? path)
    {
        if (path is null)
        {
            return false;
        }

        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        return name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);
    }

    private static int FirstIndex(string text, params string[] needles)
    {
        var best = -1;
        foreach (var needle in needles)
        {
            var at = text.IndexOf(needle, StringComparison.Ordinal);
            if (at >= 0 && (best < 0 || at < best))
            {
                best = at;
            }
        }

        return best;
    }

    private static bool HasCommonTag(string lower)
    {
        string[] tags = ["<p>", "<p ", "<div", "<article", "<span", "<a ", "<h1", "<h2", "<h3", "<table", "<section", "<meta", "<title", "<br", "<ul", "<main"];
        foreach (var tag in tags)
        {
            if (lower.Contains(tag, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
