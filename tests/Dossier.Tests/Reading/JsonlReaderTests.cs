using System.Text;
using Dossier.Model;
using Dossier.Reading;

namespace Dossier.Tests.Reading;

public class JsonlReaderTests
{
    private static List<ReadItem> Read(string jsonl, ReaderOptions? options = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(jsonl));
        return [.. new InputReader(options ?? new ReaderOptions()).Read("dump.jsonl", stream)];
    }

    [Fact]
    public void Each_line_is_a_document_whose_record_is_its_line_number()
    {
        var items = Read("""
            {"url":"https://a.example.test/1","html":"<html><body><p>One.</p></body></html>","title":"One","published":"2026-01-05T10:00:00Z","outlet":"Alpha Daily"}

            {"url":"https://a.example.test/2","text":"Two\n\nBody two.","authors":["Lee Park"]}
            """);
        Assert.Equal(2, items.Count);
        Assert.Equal("1", items[0].Document!.Record);
        Assert.Equal(DocumentKind.Html, items[0].Document!.Kind);
        Assert.Equal("Alpha Daily", items[0].Document!.Hints.Outlet);
        Assert.Equal("One", items[0].Document!.Hints.Title);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero), items[0].Document!.Hints.Published);
        Assert.Equal("3", items[1].Document!.Record);
        Assert.Equal(DocumentKind.Text, items[1].Document!.Kind);
        Assert.Equal(["Lee Park"], items[1].Document!.Hints.Authors);
    }

    [Fact]
    public void A_bad_line_is_one_error_and_the_next_line_is_read()
    {
        var items = Read("""
            {"url":"u1","text":"A\n\nok"}
            {"url":"u2", "text": broken
            {"url":"u3"}
            [1,2]
            {"url":"u5","text":"E\n\nok"}
            """);
        Assert.Equal(5, items.Count);
        Assert.StartsWith("invalid JSON", items[1].Error!.Reason, StringComparison.Ordinal);
        Assert.Equal(new InputError("dump.jsonl", "3", "no \"html\" or \"text\" field"), items[2].Error);
        Assert.Equal("line is not a JSON object", items[3].Error!.Reason);
        Assert.Equal("5", items[4].Document!.Record);
    }

    [Fact]
    public void A_line_over_the_cap_is_one_error_without_being_held_in_memory()
    {
        var items = Read("{\"text\":\"" + new string('x', 5000) + "\"}\n{\"text\":\"T\\n\\nfine\"}\n", new ReaderOptions { MaxDocumentBytes = 1024 });
        Assert.Equal("line larger than the 1 KB limit", items[0].Error!.Reason);
        Assert.Equal("2", items[1].Document!.Record);
    }
}
