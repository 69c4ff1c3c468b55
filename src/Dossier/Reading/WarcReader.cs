using System.Globalization;
using System.Text;
using Dossier.Model;

namespace Dossier.Reading;

/// <summary>
/// A streaming reader of WARC 1.0 and 1.1 archives (ISO 28500), plain or with one gzip member per record.
/// It yields the <c>response</c> records that carry an HTML page (and <c>resource</c> records that are HTML,
/// and the text/plain <c>conversion</c> records of WET files),
/// one document each, holding a single record in memory at a time. Other records (requests, metadata,
/// images, redirects) are skipped silently: a crawl is mostly those. A record larger than the document cap
/// is skipped with an error; a truncated archive yields every whole record, then one error.
/// </summary>
public sealed class WarcReader
{
    private readonly ByteReader reader;
    private readonly string path;
    private readonly ReaderOptions options;
    private readonly MemoryStream line = new();
    private int ordinal;

    /// <summary>Reads records from <paramref name="stream"/> (already decompressed), naming them after <paramref name="path"/>.</summary>
    public WarcReader(Stream stream, string path, ReaderOptions options)
    {
        reader = new ByteReader(stream);
        this.path = path;
        this.options = options;
    }

    /// <summary>The documents and errors of the archive, in file order.</summary>
    public IEnumerable<ReadItem> Read()
    {
        while (true)
        {
            string? record = null;
            ReadItem? item;
            bool stop;
            try
            {
                (item, stop) = Next(ref record);
            }
            catch (IOException e)
            {
                // Corrupt or truncated gzip, a bomb, a failing disk: nothing after this point can be trusted.
                item = ReadItem.Failed(path, record, e is ReadLimitException ? e.Message : "read error: " + e.Message);
                stop = true;
            }

            if (item is { } found)
            {
                yield return found;
            }

            if (stop)
            {
                yield break;
            }
        }
    }

    private (ReadItem? Item, bool Stop) Next(ref string? record)
    {
        // Records are separated by two CRLFs; tolerate any number of blank lines.
        LineStatus status;
        do
        {
            status = reader.ReadLine(options.MaxHeaderBytes, line);
        }
        while (status == LineStatus.Line && line.Length == 0);

        if (status == LineStatus.EndOfStream)
        {
            return (null, true);
        }

        ordinal++;
        record = $"record {ordinal}";
        var version = Ascii(line);
        if (status == LineStatus.TooLong || !version.StartsWith("WARC/", StringComparison.Ordinal))
        {
            return (ReadItem.Failed(path, record, $"not a WARC record at byte {reader.Position}"), true);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var headerBytes = 0;
        while (true)
        {
            status = reader.ReadLine(options.MaxHeaderBytes, line);
            if (status == LineStatus.EndOfStream)
            {
                return (ReadItem.Failed(path, record, "truncated WARC record (cut inside its header)"), true);
            }

            headerBytes += (int)line.Length;
            if (status == LineStatus.TooLong || headerBytes > options.MaxHeaderBytes)
            {
                return (ReadItem.Failed(path, record, "WARC header too large"), true);
            }

            if (line.Length == 0)
            {
                break;
            }

            var text = Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length);
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[text[..colon].Trim()] = text[(colon + 1)..].Trim();
            }
        }

        var id = headers.GetValueOrDefault("WARC-Record-ID")?.Trim('<', '>');
        var uri = headers.GetValueOrDefault("WARC-Target-URI")?.Trim('<', '>');
        record = !string.IsNullOrEmpty(id) ? id : !string.IsNullOrEmpty(uri) ? uri : record;
        if (!long.TryParse(headers.GetValueOrDefault("Content-Length"), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            return (ReadItem.Failed(path, record, "WARC record without a valid Content-Length"), true);
        }

        var type = headers.GetValueOrDefault("WARC-Type")?.ToLowerInvariant();
        var contentType = headers.GetValueOrDefault("Content-Type") ?? "";
        var isHttp = contentType.StartsWith("application/http", StringComparison.OrdinalIgnoreCase);
        // WET files (extracted text) carry "conversion" records of text/plain: read them as text documents.
        var isText = type == "conversion" && contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase);
        var wanted = (type == "response" && (isHttp || IsHtml(contentType))) || (type == "resource" && IsHtml(contentType)) || isText;
        if (!wanted)
        {
            return SkipBlock(length, record);
        }

        if (length > options.MaxDocumentBytes + options.MaxHeaderBytes)
        {
            var skipped = SkipBlock(length, record);
            return skipped.Item is not null ? skipped : (ReadItem.Failed(path, record, $"larger than the {options.MaxDocumentSizeText} limit"), false);
        }

        var block = new byte[length];
        if (reader.Read(block) < length)
        {
            return (ReadItem.Failed(path, record, "truncated WARC record (cut inside its content)"), true);
        }

        var hints = new SourceHints { Url = uri };
        if (!isHttp)
        {
            return (Decode(block, ContentDecoder.CharsetParameter(contentType), record, hints, isText ? DocumentKind.Text : DocumentKind.Html), false);
        }

        var response = HttpPayload.Parse(block, options);
        if (response.Error is not null)
        {
            return (ReadItem.Failed(path, record, response.Error), false);
        }

        if (response.Status is < 200 or >= 300 || !(IsHtml(response.ContentType) || (response.ContentType is null && ContentSniffer.Sniff(response.Body) == ContentFormat.Html)))
        {
            return (null, false);
        }

        if (response.Body.Length > options.MaxDocumentBytes)
        {
            return (ReadItem.Failed(path, record, $"larger than the {options.MaxDocumentSizeText} limit"), false);
        }

        return (Decode(response.Body, ContentDecoder.CharsetParameter(response.ContentType), record, hints), false);
    }

    private ReadItem Decode(ReadOnlySpan<byte> body, string? charset, string record, SourceHints hints, DocumentKind kind = DocumentKind.Html) =>
        ContentDecoder.TryDecode(body, charset, out var text, out var reason)
            ? ReadItem.Of(new SourceDocument(path, record, kind, text, hints))
            : ReadItem.Failed(path, record, reason == "empty file" ? "empty page" : reason);

    private (ReadItem? Item, bool Stop) SkipBlock(long length, string record) =>
        reader.Skip(length) < length ? (ReadItem.Failed(path, record, "truncated WARC record (cut inside its content)"), true) : (null, false);

    private static bool IsHtml(string? contentType) =>
        contentType is not null && (contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) || contentType.StartsWith("application/xhtml", StringComparison.OrdinalIgnoreCase));

    private static string Ascii(MemoryStream bytes) => Encoding.ASCII.GetString(bytes.GetBuffer(), 0, (int)bytes.Length);
}

/// <summary>An HTTP response taken apart: status, content type and the decoded (de-chunked, decompressed) body.</summary>
internal readonly record struct HttpPayload(int Status, string? ContentType, byte[] Body, string? Error)
{
    public static HttpPayload Parse(byte[] block, ReaderOptions options)
    {
        var headerEnd = IndexOfHeaderEnd(block, out var separator);
        if (headerEnd < 0)
        {
            return new HttpPayload(0, null, [], "HTTP response without a header end");
        }

        var head = Encoding.Latin1.GetString(block, 0, headerEnd);
        var lines = head.Split('\n');
        var statusParts = lines[0].Trim().Split(' ', 3);
        var status = statusParts.Length > 1 && int.TryParse(statusParts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        string? contentType = null, transfer = null, encoding = null;
        foreach (var raw in lines.Skip(1))
        {
            var colon = raw.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = raw[..colon].Trim();
            var value = raw[(colon + 1)..].Trim();
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                transfer = value.ToLowerInvariant();
            }
            else if (name.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                encoding = value.ToLowerInvariant();
            }
        }

        var body = block.AsSpan(headerEnd + separator).ToArray();
        try
        {
            if (transfer is not null && transfer.Contains("chunked", StringComparison.Ordinal))
            {
                body = Dechunk(body) ?? body;
            }

            if (encoding is "gzip" or "x-gzip" or "deflate" or "br")
            {
                using var decompressed = new GuardedDecompressionStream(new MemoryStream(body), options.MaxDecompressionRatio, encoding == "x-gzip" ? "gzip" : encoding);
                body = decompressed.ReadAllBounded(options.MaxDocumentBytes, options.MaxDocumentSizeText);
            }
        }
        catch (IOException e)
        {
            return new HttpPayload(status, contentType, [], e.Message);
        }

        return new HttpPayload(status, contentType, body, null);
    }

    private static int IndexOfHeaderEnd(byte[] block, out int separator)
    {
        var crlf = block.AsSpan().IndexOf("\r\n\r\n"u8);
        var lf = block.AsSpan().IndexOf("\n\n"u8);
        if (crlf >= 0 && (lf < 0 || crlf < lf))
        {
            separator = 4;
            return crlf;
        }

        separator = 2;
        return lf;
    }

    // Crawlers that keep the wire bytes keep the chunk framing too. Null when the framing is broken.
    private static byte[]? Dechunk(byte[] body)
    {
        using var output = new MemoryStream(body.Length);
        var at = 0;
        while (at < body.Length)
        {
            var nl = body.AsSpan(at).IndexOf((byte)'\n');
            if (nl < 0)
            {
                return null;
            }

            var sizeText = Encoding.ASCII.GetString(body, at, nl).Trim();
            var semi = sizeText.IndexOf(';', StringComparison.Ordinal);
            if (semi >= 0)
            {
                sizeText = sizeText[..semi];
            }

            if (!int.TryParse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                return null;
            }

            at += nl + 1;
            if (size == 0)
            {
                break;
            }

            if (at + size > body.Length)
            {
                return null;
            }

            output.Write(body, at, size);
            at += size;
            while (at < body.Length && body[at] is (byte)'\r' or (byte)'\n')
            {
                at++;
            }
        }

        return output.ToArray();
    }
}
