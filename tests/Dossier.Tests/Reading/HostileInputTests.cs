using System.Text;
using Dossier.Model;
using Dossier.Reading;

namespace Dossier.Tests.Reading;

/// <summary>Inputs a crawl brings that must not turn silently into junk or pass as whole (issue 20).</summary>
public class HostileInputTests
{
    private static string BrokenJsonl(int lines)
    {
        var sb = new StringBuilder(lines * 48);
        for (var i = 0; i < lines; i++)
        {
            // Each line is cut inside its string: an export damaged in transit.
            sb.Append("{\"url\": \"https://example.test/").Append(i).Append("\", \"text\": \"broken line ").Append(i).Append('\n');
        }

        return sb.ToString();
    }

    [Fact]
    public void A_hundred_thousand_broken_jsonl_lines_are_a_hundred_thousand_line_errors_and_no_article()
    {
        using var temp = new TempFolder();
        var path = temp.Write("export.txt", BrokenJsonl(100_000));
        var items = new InputReader().Read([path]).ToList();
        Assert.Equal(100_000, items.Count);
        Assert.All(items, i => Assert.Null(i.Document));
        Assert.All(items, i => Assert.Equal(path, i.Error!.Path));
        Assert.Equal("1", items[0].Error!.Record);
        Assert.Equal("100000", items[^1].Error!.Record);
        Assert.StartsWith("invalid JSON", items[^1].Error!.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dump.jsonl")]
    [InlineData("dump.ndjson")]
    [InlineData("dump.jsonl.gz")]
    public void A_jsonl_name_is_read_as_jsonl_whatever_the_first_line(string name)
    {
        using var temp = new TempFolder();
        var bytes = Encoding.UTF8.GetBytes("not json at all\n{\"text\":\"Harbour plan\\n\\nThe council met.\"}\n");
        var path = temp.Write(name, name.EndsWith(".gz", StringComparison.Ordinal) ? Warc.Gzip(bytes) : bytes);
        var items = new InputReader().Read([path]).ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("1", items[0].Error!.Record);
        Assert.Equal("2", items[1].Document!.Record);
    }

    [Fact]
    public void Prose_lines_opening_with_braces_only_now_and_then_stay_text()
    {
        using var temp = new TempFolder();
        var items = new InputReader().Read([temp.Write("note.txt", "{Draft} Harbour plan\nThe council met on Monday.\n{Note} Costs rose.\nIt voted.\n")]).ToList();
        Assert.Equal(DocumentKind.Text, Assert.Single(items).Document!.Kind);
    }
}

public class TruncatedGzipTests
{
    private static byte[] Page()
    {
        var sb = new StringBuilder("<html><head><title>Harbour plan</title></head><body>");
        for (var i = 0; i < 400; i++)
        {
            sb.Append("<p>The council met on Monday to discuss part ").Append(i).Append(" of the harbour plan and its cost.</p>");
        }

        return Encoding.UTF8.GetBytes(sb.Append("</body></html>").ToString());
    }

    [Fact]
    public void A_gzip_file_cut_in_half_keeps_its_text_marked_truncated_and_is_reported()
    {
        using var temp = new TempFolder();
        var whole = Warc.Gzip(Page());
        var path = temp.Write("page.html.gz", whole[..(whole.Length / 2)]);
        var items = new InputReader().Read([path]).ToList();
        Assert.Equal(2, items.Count);
        var document = items[0].Document!;
        Assert.Equal(InputReader.TruncatedGzip, document.Hints.Truncated);
        Assert.StartsWith(InputReader.TruncatedGzip, items[1].Error!.Reason, StringComparison.Ordinal);
        Assert.Equal(path, items[1].Error!.Path);
        var article = new Dossier.Extraction.ArticleExtractor().Extract(document).Article!;
        Assert.Equal(InputReader.TruncatedGzip, article.Metadata.Truncated);
    }

    [Fact]
    public void Whole_gzip_files_single_or_multi_member_are_not_marked()
    {
        using var temp = new TempFolder();
        var page = Page();
        var single = temp.Write("one.html.gz", Warc.Gzip(page));
        var multi = temp.Write("two.html.gz", [.. Warc.Gzip(page[..1000]), .. Warc.Gzip(page[1000..])]);
        foreach (var path in new[] { single, multi })
        {
            var item = Assert.Single(new InputReader().Read([path]));
            Assert.Null(item.Document!.Hints.Truncated);
            Assert.Equal(page.Length, Encoding.UTF8.GetByteCount(item.Document.Content));
        }
    }
}
