using System.Text;
using Dossier.Model;
using Dossier.Reading;

namespace Dossier.Tests.Reading;

public class FeedReaderTests
{
    private static List<ReadItem> Read(string xml)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        return [.. new InputReader().Read("feed.xml", stream)];
    }

    private const string Rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>The Valley Courier</title>
            <item>
              <title>Dam inspection finds cracks</title>
              <link>https://courier.example.test/dam</link>
              <guid isPermaLink="false">courier-1001</guid>
              <pubDate>Tue, 06 Jan 2026 08:15:00 +0500</pubDate>
              <dc:creator>Ana Reyes</dc:creator>
              <description>Short summary of the inspection.</description>
              <content:encoded><![CDATA[<p>RIVERTON: Inspectors found cracks in the old dam on Monday.</p><p>Repairs start next week.</p>]]></content:encoded>
            </item>
            <item>
              <title>Ferry timetable changes</title>
              <link>https://courier.example.test/ferry</link>
              <pubDate>Wed, 07 Jan 2026 10:00:00 GMT</pubDate>
              <description>The ferry will leave an hour earlier from February.</description>
            </item>
          </channel>
        </rss>
        """;

    [Fact]
    public void Each_rss_item_is_a_document_with_its_full_content_and_the_feed_title_as_outlet()
    {
        var items = Read(Rss);
        Assert.Equal(2, items.Count);
        var first = items[0].Document!;
        Assert.Equal("courier-1001", first.Record);
        Assert.Equal(DocumentKind.Html, first.Kind);
        Assert.Contains("Inspectors found cracks", first.Content, StringComparison.Ordinal);
        Assert.Equal("The Valley Courier", first.Hints.Outlet);
        Assert.Equal("https://courier.example.test/dam", first.Hints.Url);
        Assert.Equal(new DateTimeOffset(2026, 1, 6, 8, 15, 0, TimeSpan.FromHours(5)), first.Hints.Published);
        Assert.Equal(["Ana Reyes"], first.Hints.Authors);
    }

    [Fact]
    public void An_rss_item_without_content_uses_its_description_and_its_index_as_record()
    {
        var second = Read(Rss)[1].Document!;
        Assert.Equal("2", second.Record);
        Assert.Equal(DocumentKind.Text, second.Kind);
        Assert.Equal("The ferry will leave an hour earlier from February.", second.Content);
        Assert.Equal(new DateTimeOffset(2026, 1, 7, 10, 0, 0, TimeSpan.Zero), second.Hints.Published);
    }

    [Fact]
    public void Atom_entries_use_content_or_summary()
    {
        const string atom = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Northern Ledger</title>
              <entry>
                <id>tag:ledger.example.test,2026:1</id>
                <title>Mill closes</title>
                <link rel="alternate" href="https://ledger.example.test/mill"/>
                <published>2026-01-05T09:00:00Z</published>
                <author><name>Tom Okafor</name></author>
                <content type="html">&lt;p&gt;The mill closed after ninety years.&lt;/p&gt;</content>
              </entry>
              <entry>
                <id>tag:ledger.example.test,2026:2</id>
                <title>Road reopens</title>
                <updated>2026-01-06T12:00:00+01:00</updated>
                <summary>The coast road reopened.</summary>
              </entry>
            </feed>
            """;
        var items = Read(atom);
        Assert.Equal(["tag:ledger.example.test,2026:1", "tag:ledger.example.test,2026:2"], items.Select(i => i.Document!.Record));
        Assert.Equal("<p>The mill closed after ninety years.</p>", items[0].Document!.Content);
        Assert.Equal("Northern Ledger", items[0].Document!.Hints.Outlet);
        Assert.Equal(["Tom Okafor"], items[0].Document!.Hints.Authors);
        Assert.Equal("The coast road reopened.", items[1].Document!.Content);
        Assert.Equal(new DateTimeOffset(2026, 1, 6, 12, 0, 0, TimeSpan.FromHours(1)), items[1].Document!.Hints.Published);
    }

    [Fact]
    public void A_feed_with_entity_definitions_is_not_expanded()
    {
        const string bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <rss version="2.0"><channel><title>T</title><item><title>x</title><description>&b;</description></item></channel></rss>
            """;
        var item = Assert.Single(Read(bomb));
        Assert.NotNull(item.Error);
        Assert.StartsWith("malformed feed", item.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_feed_is_one_error()
    {
        var item = Assert.Single(Read("<rss version=\"2.0\"><channel><title>Broken</title><item></channel></rss>"));
        Assert.StartsWith("malformed feed", item.Error!.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mon, 05 Jan 2026 09:30:00 EST", "2026-01-05T09:30:00-05:00")]
    [InlineData("5 Jan 2026 09:30 GMT", "2026-01-05T09:30:00+00:00")]
    [InlineData("2026-01-05T09:30:00+05:00", "2026-01-05T09:30:00+05:00")]
    public void Feed_dates_are_parsed(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FeedReader.ParseDate(text));
}
