using System.IO.Compression;
using System.Text;

namespace Dossier.Tests.Reading;

/// <summary>A temporary folder removed after the test, and builders for the inputs the tests read.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dossier-read-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    public string Write(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Builds WARC records the way a crawler writes them.</summary>
internal static class Warc
{
    public static byte[] Record(string type, string id, string? uri, string contentType, byte[] block, string version = "WARC/1.1")
    {
        var header = new StringBuilder()
            .Append(version).Append("\r\n")
            .Append("WARC-Type: ").Append(type).Append("\r\n")
            .Append("WARC-Record-ID: <").Append(id).Append(">\r\n")
            .Append("WARC-Date: 2026-01-05T10:00:00Z\r\n");
        if (uri is not null)
        {
            header.Append("WARC-Target-URI: ").Append(uri).Append("\r\n");
        }

        header.Append("Content-Type: ").Append(contentType).Append("\r\n")
            .Append("Content-Length: ").Append(block.Length).Append("\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(header.ToString()), .. block, .. "\r\n\r\n"u8];
    }

    public static byte[] Response(string id, string uri, string html, string httpContentType = "text/html; charset=utf-8", Encoding? encoding = null, int status = 200, string version = "WARC/1.1")
    {
        var body = (encoding ?? Encoding.UTF8).GetBytes(html);
        var http = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} OK\r\nContent-Type: {httpContentType}\r\nContent-Length: {body.Length}\r\n\r\n");
        return Record("response", id, uri, "application/http; msgtype=response", [.. http, .. body], version);
    }

    public static byte[] Request(string id, string uri) =>
        Record("request", id, uri, "application/http; msgtype=request", Encoding.ASCII.GetBytes($"GET / HTTP/1.1\r\nHost: {new Uri(uri).Host}\r\n\r\n"));

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest))
        {
            gz.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>One gzip member per record, as <c>.warc.gz</c> files are written.</summary>
    public static byte[] GzipPerRecord(params byte[][] records) => [.. records.SelectMany(Gzip)];

    public static string Page(string title, params string[] paragraphs) =>
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><article><h1>{title}</h1>"
        + string.Concat(paragraphs.Select(p => $"<p>{p}</p>")) + "</article></body></html>";
}
