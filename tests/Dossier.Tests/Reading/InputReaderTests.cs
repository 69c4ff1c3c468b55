using System.IO.Compression;
using System.Text;
using Dossier.Model;
using Dossier.Reading;

namespace Dossier.Tests.Reading;

public class InputReaderTests
{
    private static List<ReadItem> Read(params string[] paths) => [.. new InputReader().Read(paths)];

    private static SourceDocument Single(params string[] paths)
    {
        var items = Read(paths);
        var item = Assert.Single(items);
        Assert.Null(item.Error);
        return item.Document!;
    }

    [Fact]
    public void Excluded_files_are_never_read_whether_found_in_a_folder_or_named()
    {
        using var temp = new TempFolder();
        var kept = temp.Write("note.txt", "Harbour talks resumed on Tuesday.");
        var db = temp.Write("news.db", "SQLite format 3\0 pretend");
        var wal = temp.Write("news.db-wal", "log");
        var reader = new InputReader(new ReaderOptions { Excluded = new HashSet<string>([Path.GetFullPath(db), Path.GetFullPath(wal)], StringComparer.Ordinal) });

        var items = reader.Read([temp.Path, db]).ToList();

        Assert.Equal(kept, Assert.Single(items).Document!.Path);
    }

    [Fact]
    public void A_text_file_becomes_one_text_document()
    {
        using var temp = new TempFolder();
        var doc = Single(temp.Write("note.txt", "Harbour talks resume\n\nPORTVALE: Talks resumed on Tuesday."));
        Assert.Equal(DocumentKind.Text, doc.Kind);
        Assert.Null(doc.Record);
        Assert.StartsWith("Harbour talks resume", doc.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_is_recognised_by_its_content_whatever_the_extension()
    {
        using var temp = new TempFolder();
        Assert.Equal(DocumentKind.Html, Single(temp.Write("page.dat", Warc.Page("Bridge opens", "The bridge opened."))).Kind);
        Assert.Equal(DocumentKind.Text, Single(temp.Write("page.html", "Just words about a bridge, no markup at all.")).Kind);
    }

    [Fact]
    public void Gzipped_html_is_decompressed_and_sniffed()
    {
        using var temp = new TempFolder();
        var doc = Single(temp.Write("page.html.gz", Warc.Gzip(Encoding.UTF8.GetBytes(Warc.Page("Ferry resumes", "The ferry sailed again.")))));
        Assert.Equal(DocumentKind.Html, doc.Kind);
        Assert.Contains("The ferry sailed again.", doc.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-16le-bom")]
    [InlineData("utf-16be-bom")]
    [InlineData("utf-16le-nobom")]
    [InlineData("utf-8-bom")]
    public void Unicode_encodings_are_decoded(string form)
    {
        const string text = "Cafés reopen\r\nVALLEYFORD: The cafés reopened on Monday — “at last”, owners said.\r\n";
        byte[] bytes = form switch
        {
            "utf-16le-bom" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
            "utf-16be-bom" => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)],
            "utf-16le-nobom" => Encoding.Unicode.GetBytes(text),
            _ => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
        };
        using var temp = new TempFolder();
        Assert.Equal(text, Single(temp.Write("a.txt", bytes)).Content);
    }

    [Fact]
    public void Meta_charset_decides_the_encoding_of_a_page()
    {
        using var temp = new TempFolder();
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><title>Новости</title></head><body><p>Мост открыт.</p></body></html>";
        var doc = Single(temp.Write("ru.html", Encoding.GetEncoding(1251).GetBytes(html)));
        Assert.Contains("Мост открыт.", doc.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Undeclared_legacy_bytes_fall_back_to_windows_1252()
    {
        using var temp = new TempFolder();
        // "café" with é as 0xE9 and curly quotes as 0x93/0x94: not UTF-8, plainly windows-1252.
        byte[] bytes = [.. "The caf"u8, 0xE9, .. " said "u8, 0x93, .. "open"u8, 0x94, .. ".\n"u8];
        Assert.Equal("The café said “open”.\n", Single(temp.Write("old.txt", bytes)).Content);
    }

    [Fact]
    public void Folders_are_read_recursively_in_ordinal_order_skipping_hidden_files()
    {
        using var temp = new TempFolder();
        temp.Write("b.txt", "Second report\n\nText b.");
        temp.Write("A/z.txt", "First report\n\nText a.");
        temp.Write("a/c.txt", "Third report\n\nText c.");
        temp.Write(".hidden.txt", "Not read\n\nHidden.");
        var paths = Read(temp.Path).Select(i => Path.GetRelativePath(temp.Path, i.Document!.Path).Replace('\\', '/')).ToList();
        Assert.Equal(["A/z.txt", "a/c.txt", "b.txt"], paths);
    }

    [Fact]
    public void A_missing_path_is_one_error_and_the_next_input_is_read()
    {
        using var temp = new TempFolder();
        var items = Read(Path.Combine(temp.Path, "nope.txt"), temp.Write("ok.txt", "Title\n\nBody."));
        Assert.Equal("no such file or folder", items[0].Error!.Reason);
        Assert.NotNull(items[1].Document);
    }

    [Fact]
    public void A_stream_is_sniffed_like_a_file()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("{\"url\":\"https://example.test/a\",\"text\":\"Title\\n\\nBody.\"}\n"));
        var item = Assert.Single(new InputReader().Read("-", stream));
        Assert.Equal("1", item.Document!.Record);
        Assert.Equal("https://example.test/a", item.Document.Hints.Url);
    }

    [Fact]
    public void Size_parsing_accepts_units()
    {
        Assert.True(ReaderOptions.TryParseSize("20MB", out var a));
        Assert.Equal(20L * 1024 * 1024, a);
        Assert.True(ReaderOptions.TryParseSize("512k", out var b));
        Assert.Equal(512L * 1024, b);
        Assert.True(ReaderOptions.TryParseSize("1000", out var c));
        Assert.Equal(1000, c);
        Assert.False(ReaderOptions.TryParseSize("lots", out _));
        Assert.False(ReaderOptions.TryParseSize("-5M", out _));
    }

    [Fact]
    public void The_size_cap_is_configurable()
    {
        using var temp = new TempFolder();
        var path = temp.Write("a.txt", "Title\n\n" + new string('x', 5000));
        var item = Assert.Single(new InputReader(new ReaderOptions { MaxDocumentBytes = 1024 }).Read([path]));
        Assert.Equal("larger than the 1 KB limit", item.Error!.Reason);
    }

    [Fact]
    public void Gzip_text_over_the_cap_is_stopped_while_decompressing()
    {
        using var temp = new TempFolder();
        var big = Encoding.ASCII.GetBytes("Title\n\n" + string.Concat(Enumerable.Range(0, 40000).Select(i => $"Line {i} of a long report.\n")));
        var path = temp.Write("big.txt.gz", Warc.Gzip(big));
        var item = Assert.Single(new InputReader(new ReaderOptions { MaxDocumentBytes = 100 * 1024 }).Read([path]));
        Assert.Equal("larger than the 100 KB limit", item.Error!.Reason);
    }

    [Fact]
    public void An_archive_is_refused_as_binary_and_named()
    {
        using var temp = new TempFolder();
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("a.txt").Open();
            entry.Write("hello"u8);
        }

        var item = Assert.Single(Read(temp.Write("a.zip", output.ToArray())));
        Assert.Equal("binary content (zip)", item.Error!.Reason);
    }

    [Fact]
    public void Utf8_content_wins_over_a_wrong_latin1_label()
    {
        using var temp = new TempFolder();
        var html = "<html><head><meta charset=\"iso-8859-1\"><title>t</title></head><body><p>The minister’s “plan”.</p></body></html>";
        Assert.Contains("The minister’s “plan”.", Single(temp.Write("mislabelled.html", html)).Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Prose_opening_with_a_brace_is_text_not_jsonl()
    {
        using var temp = new TempFolder();
        var doc = Single(temp.Write("odd.txt", "{Draft} Harbour plan\nThe council met on Monday.\n"));
        Assert.Equal(DocumentKind.Text, doc.Kind);
    }

    [Fact]
    public void Jsonl_with_a_byte_order_mark_is_read()
    {
        using var temp = new TempFolder();
        var doc = Single(temp.Write("dump.jsonl", [0xEF, 0xBB, 0xBF, .. "{\"text\":\"T\\n\\nBody.\"}\n"u8]));
        Assert.Equal("1", doc.Record);
    }
}
