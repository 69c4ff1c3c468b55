using System.Text;
using Dossier.Model;
using Dossier.Reading;

namespace Dossier.Tests.Reading;

public class WarcReaderTests
{
    private static List<ReadItem> ReadBytes(byte[] bytes, ReaderOptions? options = null)
    {
        using var stream = new MemoryStream(bytes);
        return [.. new InputReader(options ?? new ReaderOptions()).Read("crawl.warc", stream)];
    }

    [Fact]
    public void Html_responses_become_documents_named_by_record_id_with_the_target_uri_as_url()
    {
        byte[] warc =
        [
            .. Warc.Record("warcinfo", "urn:uuid:info", null, "application/warc-fields", "software: our test\r\n"u8.ToArray()),
            .. Warc.Request("urn:uuid:req-1", "https://news.example.test/harbour"),
            .. Warc.Response("urn:uuid:resp-1", "https://news.example.test/harbour", Warc.Page("Harbour deal", "The harbour deal was signed.")),
            .. Warc.Record("metadata", "urn:uuid:meta-1", "https://news.example.test/harbour", "application/warc-fields", "fetchTimeMs: 12\r\n"u8.ToArray()),
        ];
        var item = Assert.Single(ReadBytes(warc));
        Assert.Equal("urn:uuid:resp-1", item.Document!.Record);
        Assert.Equal("https://news.example.test/harbour", item.Document.Hints.Url);
        Assert.Equal(DocumentKind.Html, item.Document.Kind);
        Assert.Contains("The harbour deal was signed.", item.Document.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_html_responses_and_redirects_are_skipped_silently()
    {
        byte[] warc =
        [
            .. Warc.Record("response", "urn:uuid:img", "https://news.example.test/a.png", "application/http; msgtype=response",
                [.. "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n"u8, 0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]),
            .. Warc.Response("urn:uuid:moved", "https://news.example.test/old", "<html><body>moved</body></html>", status: 301),
            .. Warc.Response("urn:uuid:ok", "https://news.example.test/new", Warc.Page("Kept", "Kept page.")),
        ];
        Assert.Equal(["urn:uuid:ok"], ReadBytes(warc).Select(i => i.Document!.Record));
    }

    [Fact]
    public void The_charset_of_the_http_header_decodes_the_page()
    {
        var page = "<html><body><p>Le café a rouvert « enfin ».</p></body></html>";
        var warc = Warc.Response("urn:uuid:fr", "https://news.example.test/fr", page, "text/html; charset=ISO-8859-1", Encoding.Latin1);
        Assert.Contains("Le café a rouvert « enfin ».", Assert.Single(ReadBytes(warc)).Document!.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Chunked_and_gzip_encoded_http_bodies_are_decoded()
    {
        var html = Warc.Page("Chunks", "A page sent in chunks.");
        var gz = Warc.Gzip(Encoding.UTF8.GetBytes(html));
        var chunked = new MemoryStream();
        chunked.Write(Encoding.ASCII.GetBytes($"{gz.Length / 2:x}\r\n"));
        chunked.Write(gz, 0, gz.Length / 2);
        chunked.Write(Encoding.ASCII.GetBytes($"\r\n{gz.Length - (gz.Length / 2):x}\r\n"));
        chunked.Write(gz, gz.Length / 2, gz.Length - (gz.Length / 2));
        chunked.Write("\r\n0\r\n\r\n"u8);
        byte[] http = [.. "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"u8, .. chunked.ToArray()];
        var warc = Warc.Record("response", "urn:uuid:chunked", "https://news.example.test/c", "application/http; msgtype=response", http);
        var item = Assert.Single(ReadBytes(warc));
        Assert.Null(item.Error);
        Assert.Contains("A page sent in chunks.", item.Document!.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Warc_gz_with_one_member_per_record_is_read_record_by_record()
    {
        var records = Enumerable.Range(1, 4).Select(i => Warc.Response($"urn:uuid:g{i}", $"https://news.example.test/{i}", Warc.Page($"Story {i}", $"Body {i}."), version: i % 2 == 0 ? "WARC/1.0" : "WARC/1.1")).ToArray();
        Assert.Equal(["urn:uuid:g1", "urn:uuid:g2", "urn:uuid:g3", "urn:uuid:g4"], ReadBytes(Warc.GzipPerRecord(records)).Select(i => i.Document!.Record));
    }

    [Fact]
    public void A_record_over_the_cap_is_one_error_and_the_next_record_is_read()
    {
        var big = Warc.Response("urn:uuid:big", "https://news.example.test/big", Warc.Page("Big", new string('w', 300_000)));
        var small = Warc.Response("urn:uuid:small", "https://news.example.test/small", Warc.Page("Small", "Small."));
        var items = ReadBytes([.. big, .. small], new ReaderOptions { MaxDocumentBytes = 100 * 1024, MaxHeaderBytes = 4096 });
        Assert.Equal(2, items.Count);
        Assert.Equal(new InputError("crawl.warc", "urn:uuid:big", "larger than the 100 KB limit"), items[0].Error);
        Assert.Equal("urn:uuid:small", items[1].Document!.Record);
    }

    [Fact]
    public void Garbage_where_a_record_should_start_is_one_error()
    {
        byte[] warc = [.. Warc.Response("urn:uuid:ok", "https://news.example.test/ok", Warc.Page("Ok", "Ok.")), .. "this is not a record\r\n"u8];
        var items = ReadBytes(warc);
        Assert.Equal(2, items.Count);
        Assert.StartsWith("not a WARC record", items[1].Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_without_an_id_is_named_by_its_target_uri()
    {
        var record = Warc.Record("resource", "x", "https://news.example.test/r", "text/html", "<html><body>Resource</body></html>"u8.ToArray());
        var text = Encoding.ASCII.GetString(record).Replace("WARC-Record-ID: <x>\r\n", "", StringComparison.Ordinal);
        var item = Assert.Single(ReadBytes(Encoding.ASCII.GetBytes(text)));
        Assert.Equal("https://news.example.test/r", item.Document!.Record);
    }

    [Fact]
    public void Wet_conversion_records_are_read_as_text()
    {
        var record = Warc.Record("conversion", "urn:uuid:wet-1", "https://news.example.test/t", "text/plain", Encoding.UTF8.GetBytes("Bridge reopens\nThe bridge reopened on Friday.\n"));
        var item = Assert.Single(ReadBytes(record));
        Assert.Equal(DocumentKind.Text, item.Document!.Kind);
        Assert.StartsWith("Bridge reopens", item.Document.Content, StringComparison.Ordinal);
    }
}
