using System.Text;

namespace Dossier.Reading;

/// <summary>
/// Bytes to text. Order of authority, as browsers use it: a byte-order mark, then the charset the container
/// declares (an HTTP header in a WARC record), then one the document declares (<c>&lt;meta charset&gt;</c>,
/// the XML declaration), then strict UTF-8, then windows-1252 when the bytes read as a legacy single-byte
/// text. Binary content and bytes that are neither are refused with a reason.
/// </summary>
public static class ContentDecoder
{
    static ContentDecoder()
    {
        // windows-1252 and the other legacy code pages are in the framework but not registered by default.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="bytes"/>; false with a reason for empty, binary or undecodable input.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out string reason) => TryDecode(bytes, null, out text, out reason);

    /// <summary>
    /// Decodes <paramref name="bytes"/>, honouring <paramref name="declaredCharset"/> (from an HTTP header) when
    /// there is no byte-order mark.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, string? declaredCharset, out string text, out string reason)
    {
        text = "";
        if (bytes.IsEmpty)
        {
            reason = "empty file";
            return false;
        }

        var bom = DetectBom(bytes, out var bomLength);
        if (bom is null && DetectUtf16WithoutBom(bytes) is { } utf16)
        {
            bom = utf16;
        }

        if (bom is not null)
        {
            text = bom.GetString(bytes[bomLength..]);
            return Finish(ref text, out reason);
        }

        if (ContentSniffer.BinaryKind(bytes) is { } binary)
        {
            reason = "binary content" + (binary.Length > 0 ? $" ({binary})" : "");
            return false;
        }

        var declared = ResolveCharset(declaredCharset) ?? ResolveCharset(FindDeclaredCharset(bytes));

        // Pages labelled latin-1 or windows-1252 that are really UTF-8 are common; legacy text that happens
        // to be valid UTF-8 with multi-byte sequences is vanishingly rare. Valid UTF-8 wins over the label.
        if (declared is not null && declared.CodePage != Encoding.UTF8.CodePage && !IsValidUtf8WithMultiByte(bytes))
        {
            text = declared.GetString(bytes);
            return Finish(ref text, out reason);
        }

        try
        {
            text = StrictUtf8.GetString(bytes);
            return Finish(ref text, out reason);
        }
        catch (DecoderFallbackException)
        {
        }

        if (declared is not null)
        {
            // The document says UTF-8 and mostly is: a few broken bytes in a crawled page should not lose the page.
            text = Encoding.UTF8.GetString(bytes);
            var replaced = text.AsSpan().Count('\uFFFD');
            if (replaced * 100 <= text.Length)
            {
                return Finish(ref text, out reason);
            }

            text = "";
            reason = "invalid UTF-8 (declared utf-8)";
            return false;
        }

        if (LooksLikeWindows1252(bytes))
        {
            text = Encoding.GetEncoding(1252).GetString(bytes);
            return Finish(ref text, out reason);
        }

        reason = "invalid UTF-8";
        return false;
    }

    /// <summary>True when the text starts like markup rather than prose.</summary>
    public static bool LooksLikeHtml(string text) => ContentSniffer.SniffText(text.AsSpan(0, Math.Min(text.Length, ContentSniffer.HeadSize))) == ContentFormat.Html;

    /// <summary>The encoding for a charset label, mapped as browsers map it (latin-1 and ASCII mean windows-1252); null when unknown.</summary>
    public static Encoding? ResolveCharset(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        name = name switch
        {
            "utf8" or "unicode-1-1-utf-8" => "utf-8",
            "iso-8859-1" or "latin1" or "latin-1" or "l1" or "us-ascii" or "ascii" or "cp1252" or "iso8859-1" or "iso_8859-1" => "windows-1252",
            "gb2312" or "gbk" or "x-gbk" => "gb18030",
            // A page cannot be UTF-16 without a byte-order mark; browsers treat the label as UTF-8 too.
            "utf-16" or "utf-16le" or "utf-16be" => "utf-8",
            _ => name,
        };

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The charset named by <c>&lt;meta charset&gt;</c>, <c>&lt;meta http-equiv&gt;</c> or an XML declaration in the first bytes.</summary>
    public static string? FindDeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        // Without markup there is nothing to declare a charset; plain text need not be copied into a string first.
        if (!bytes[..Math.Min(bytes.Length, 4096)].Contains((byte)'<'))
        {
            return null;
        }

        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        if (head.StartsWith("<?xml", StringComparison.Ordinal))
        {
            var end = head.IndexOf("?>", StringComparison.Ordinal);
            if (end > 0 && AttributeValue(head.AsSpan(0, end), "encoding") is { } xmlEncoding)
            {
                return xmlEncoding;
            }
        }

        var at = 0;
        while ((at = head.IndexOf("<meta", at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var end = head.IndexOf('>', at);
            if (end < 0)
            {
                break;
            }

            var tag = head.AsSpan(at, end - at);
            if (AttributeValue(tag, "charset") is { } charset)
            {
                return charset;
            }

            var content = AttributeValue(tag, "content");
            if (content is not null && tag.Contains("content-type", StringComparison.OrdinalIgnoreCase) && CharsetParameter(content) is { } fromContent)
            {
                return fromContent;
            }

            at = end;
        }

        return null;
    }

    /// <summary>The <c>charset=</c> parameter of a Content-Type value.</summary>
    public static string? CharsetParameter(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }

        var at = contentType.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var value = contentType.AsSpan(at + 8).Trim().TrimStart('"').TrimStart('\'');
        var end = value.IndexOfAny(";\"' ,");
        return (end < 0 ? value : value[..end]).ToString();
    }

    private static string? AttributeValue(ReadOnlySpan<char> tag, string name)
    {
        var at = 0;
        while (true)
        {
            var found = tag[at..].IndexOf(name, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return null;
            }

            var i = at + found + name.Length;
            var before = at + found - 1;
            at = i;
            if (before >= 0 && !char.IsWhiteSpace(tag[before]))
            {
                continue;
            }

            while (i < tag.Length && char.IsWhiteSpace(tag[i]))
            {
                i++;
            }

            if (i >= tag.Length || tag[i] != '=')
            {
                continue;
            }

            i++;
            while (i < tag.Length && char.IsWhiteSpace(tag[i]))
            {
                i++;
            }

            if (i >= tag.Length)
            {
                return null;
            }

            var quote = tag[i] is '"' or '\'' ? tag[i] : '\0';
            var start = quote == '\0' ? i : i + 1;
            var stop = start;
            while (stop < tag.Length && (quote == '\0' ? !char.IsWhiteSpace(tag[stop]) && tag[stop] is not ('/' or ';' or '>') : tag[stop] != quote))
            {
                stop++;
            }

            return tag[start..stop].ToString();
        }
    }

    private static Encoding? DetectBom(ReadOnlySpan<byte> bytes, out int length)
    {
        length = 0;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            length = 3;
            return Encoding.UTF8;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            length = 4;
            return Encoding.UTF32;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            length = 2;
            return Encoding.Unicode;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            length = 2;
            return Encoding.BigEndianUnicode;
        }

        return null;
    }

    // Text saved as UTF-16 without a mark still shows its shape: every other byte is zero in ASCII-heavy text.
    internal static Encoding? DetectUtf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        var n = Math.Min(bytes.Length, 1024) & ~1;
        if (n < 8)
        {
            return null;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < n; i += 2)
        {
            evenZeros += bytes[i] == 0 ? 1 : 0;
            oddZeros += bytes[i + 1] == 0 ? 1 : 0;
        }

        var pairs = n / 2;
        if (oddZeros * 10 >= pairs * 7 && evenZeros == 0)
        {
            return Encoding.Unicode;
        }

        if (evenZeros * 10 >= pairs * 7 && oddZeros == 0)
        {
            return Encoding.BigEndianUnicode;
        }

        return null;
    }

    private static bool IsValidUtf8WithMultiByte(ReadOnlySpan<byte> bytes) =>
        System.Text.Unicode.Utf8.IsValid(bytes) && bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    // Legacy single-byte text has high bytes that never form a valid UTF-8 sequence; text that holds valid
    // UTF-8 sequences beside invalid ones is damaged UTF-8, not windows-1252, and is refused.
    internal static bool LooksLikeWindows1252(ReadOnlySpan<byte> bytes)
    {
        var validSequences = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                continue;
            }

            if (b is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D)
            {
                return false;
            }

            var extra = b switch { >= 0xC2 and <= 0xDF => 1, >= 0xE0 and <= 0xEF => 2, >= 0xF0 and <= 0xF4 => 3, _ => 0 };
            if (extra > 0 && i + extra < bytes.Length)
            {
                var ok = true;
                for (var k = 1; k <= extra; k++)
                {
                    ok &= (bytes[i + k] & 0xC0) == 0x80;
                }

                if (ok)
                {
                    validSequences++;
                    i += extra;
                }
            }
        }

        return validSequences == 0;
    }

    private static bool Finish(ref string text, out string reason)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        if (string.IsNullOrWhiteSpace(text.Replace('\u00A0', ' ')))
        {
            reason = "empty file";
            text = "";
            return false;
        }

        reason = "";
        return true;
    }
}
