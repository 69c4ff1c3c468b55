using System.Text;
using Dossier.Extraction;
using Dossier.Model;
using Dossier.Reading;

namespace Dossier.Tests.Extraction.Text;

public class TextArticleExtractorTests
{
    private static string FixturePath(string name) => Path.Combine(Dossier.Testing.SharedData.RepoRoot, "tests", "Dossier.Tests", "Extraction", "Text", "Fixtures", name);

    private static Article FromFixture(string name)
    {
        var item = Assert.Single(new InputReader().Read([FixturePath(name)]));
        Assert.Null(item.Error);
        return FromDocument(item.Document!);
    }

    private static Article FromDocument(SourceDocument document)
    {
        var outcome = TextArticleExtractor.Extract(document);
        Assert.Null(outcome.Error);
        return outcome.Article!;
    }

    private static Article FromText(string text, SourceHints? hints = null) =>
        FromDocument(new SourceDocument("t.txt", null, DocumentKind.Text, text, hints ?? SourceHints.None));

    [Fact]
    public void A_dated_dateline_gives_the_publication_day_when_the_container_gives_none()
    {
        var article = FromText("Ports agree on shared pilots\n\nHARWICK, March 3, 2026 - Two ports agreed on Tuesday to share their pilots, officials said.\n\nThe plan starts in spring.");
        Assert.Equal("HARWICK", article.Metadata.Dateline);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero), article.Metadata.Published);
        Assert.Contains(new Provenance("published", "dateline"), article.Metadata.Sources);

        // What the container says wins; a dateline without a year gives no day.
        var hinted = FromText("HARWICK, March 3, 2026 - Two ports agreed to share their pilots.", SourceHints.None with { Published = new DateTimeOffset(2026, 3, 4, 8, 0, 0, TimeSpan.Zero) });
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 8, 0, 0, TimeSpan.Zero), hinted.Metadata.Published);
        Assert.Null(FromText("HARWICK, March 3 - Two ports agreed to share their pilots.").Metadata.Published);
    }

    [Fact]
    public void A_dated_byline_gives_the_publication_day_when_nothing_else_does()
    {
        var article = FromText("Ports agree on shared pilots\n\nBy Ana Soto | March 12, 2026\n\nHARWICK: Two ports agreed on Thursday to share their pilots, officials said.\n\nThe plan starts in spring.");
        Assert.Equal(new DateTimeOffset(2026, 3, 12, 0, 0, 0, TimeSpan.Zero), article.Metadata.Published);
        Assert.Contains(new Provenance("published", "byline"), article.Metadata.Sources);
        Assert.Equal(["Ana Soto"], article.Metadata.Authors);

        // Other ways bylines write the day; a byline without a year, or without a date, gives none.
        Assert.Equal(new DateTimeOffset(2026, 3, 12, 0, 0, 0, TimeSpan.Zero), FromText("Ports agree on shared pilots\n\nBy Ana Soto - Thursday, 12 March 2026\n\nTwo ports agreed to share their pilots.").Metadata.Published);
        Assert.Null(FromText("Ports agree on shared pilots\n\nBy Ana Soto | March 12\n\nTwo ports agreed to share their pilots.").Metadata.Published);
        Assert.Null(FromText("Ports agree on shared pilots\n\nBy Ana Soto\n\nTwo ports agreed to share their pilots.").Metadata.Published);
    }

    [Theory]
    [InlineData("March 3, 2026", "2026-03-03")]
    [InlineData("Jan. 14, 2026", "2026-01-14")]
    [InlineData("Dec 1 2025", "2025-12-01")]
    [InlineData("March 3", null)]
    [InlineData("Sept. 3, 2026", null)]
    public void Dateline_days_need_a_year(string date, string? expected) =>
        Assert.Equal(expected, TextArticleExtractor.DatelineDay(date)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Pasted_page_keeps_the_article_and_records_each_removed_block_with_its_reason()
    {
        var article = FromFixture("pasted-page.txt");
        Assert.Equal("Coastal towns agree on shared flood barrier plan", article.Metadata.Title);
        Assert.Equal(
            "MARLOW BAY: Three coastal towns signed an agreement on Friday (Jan 2) to build a shared flood barrier, officials said.\n\n"
            + "The barrier will run for twelve kilometres along the estuary and is expected to take four years to complete.\n\n"
            + "Funding, timeline and oversight\n\n"
            + "“We cannot hold back the sea alone,” the mayor of Marlow Bay told reporters.\n\n"
            + "The towns will share the cost in proportion to their population.",
            article.Text);
        Assert.Equal(
            [
                ("caption", "Workers stack sandbags along the seafront in Marlow Bay on Jan 2, 2026. - Coast Herald/ANN"),
                ("credit", "- Coast Herald/ANN"),
                ("share-prompt", "Sign up for our free newsletter to get the morning headlines."),
                ("tags", "flood barrier , Marlow Bay , coastal towns"),
                ("related-heading", "More Stories From Coast Herald"),
                ("related-headlines", "Night market returns to the old quay"),
                ("related-headlines", "Council votes to repaint the lighthouse"),
                ("related-headlines", "Seal pup rescued near the marina"),
                ("related-heading", "You May Also Like"),
            ],
            article.Removed.Select(r => (r.Reason, r.Text)));
    }

    [Fact]
    public void Caption_before_the_dateline_goes_to_captions_and_gives_the_credit()
    {
        var article = FromFixture("pasted-page.txt");
        Assert.Equal(["Workers stack sandbags along the seafront in Marlow Bay on Jan 2, 2026. - Coast Herald/ANN"], article.Metadata.Captions);
        Assert.Equal("Coast Herald/ANN", article.Metadata.Credit);
        Assert.Equal("MARLOW BAY", article.Metadata.Dateline);
        Assert.Equal(new TextSpan(0, 10), article.Metadata.DatelineSpan);
    }

    [Fact]
    public void Wire_copy_gives_dateline_agency_credit_bylines_and_drops_links_and_notes()
    {
        var article = FromFixture("wire-copy.txt");
        Assert.Equal("VALDORA", article.Metadata.Dateline);
        Assert.Equal("Reuters", article.Metadata.Credit);
        Assert.Equal(["Lena Ortiz", "Samir Haddad"], article.Metadata.Authors);
        Assert.Equal(["byline", "related-link", "boilerplate"], article.Removed.Select(r => r.Reason));
        Assert.StartsWith("VALDORA, Jan 4 (Reuters) - Dock workers", article.Text, StringComparison.Ordinal);
        Assert.EndsWith("six percent over two years.", article.Text, StringComparison.Ordinal);
        Assert.Contains(article.Metadata.Sources, p => p is { Field: "credit", Source: "dateline" });
    }

    [Fact]
    public void Crlf_text_with_a_dateline_alone_on_its_line_is_joined_to_its_paragraph()
    {
        var article = FromFixture("crlf-lone-dateline.txt");
        Assert.Equal("Museum returns carved panels", article.Metadata.Title);
        Assert.Equal(
            "NORTHGATE: The city museum on Tuesday returned four carved panels to the village they were taken from a century ago.\n\n"
            + "Officials from both sides attended the ceremony.",
            article.Text);
        Assert.Equal("NORTHGATE", article.Metadata.Dateline);
        Assert.Equal("AP", article.Metadata.Credit);
        Assert.Equal(["share-prompt", "credit"], article.Removed.Select(r => r.Reason));
    }

    [Fact]
    public void Utf16_text_reads_like_utf8()
    {
        var utf8 = File.ReadAllText(FixturePath("crlf-lone-dateline.txt"));
        using var stream = new MemoryStream([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(utf8)]);
        var item = Assert.Single(new InputReader().Read("utf16.txt", stream));
        var article = FromDocument(item.Document!);
        Assert.Equal(FromFixture("crlf-lone-dateline.txt").Text, article.Text);
    }

    [Fact]
    public void Hard_wrapped_paragraphs_are_joined()
    {
        var article = FromFixture("hard-wrapped.txt");
        var paragraphs = article.Text.Split("\n\n");
        Assert.Equal(2, paragraphs.Length);
        Assert.Equal("HILLCREST: Apple growers in the northern valley say trees have flowered three weeks earlier than usual after a mild winter, raising fears that a late frost could damage the crop.", paragraphs[0]);
        Assert.Equal("HILLCREST", article.Metadata.Dateline);
    }

    [Fact]
    public void A_subheading_with_commas_inside_the_article_is_kept()
    {
        var article = FromText("Budget talks resume\nLawmakers met again on Wednesday.\nSchools, roads, hospitals\nThe plan gives more to schools, roads and hospitals than last year.\n");
        Assert.Contains("Schools, roads, hospitals", article.Text, StringComparison.Ordinal);
        Assert.Empty(article.Removed);
        Assert.Null(article.Metadata.Dateline);
    }

    [Fact]
    public void A_share_prompt_inside_the_body_is_removed_alone()
    {
        var article = FromText("Title here\nFirst paragraph of the report.\nFollow us on Telegram for the latest updates\nSecond paragraph of the report.\n");
        Assert.Equal("First paragraph of the report.\n\nSecond paragraph of the report.", article.Text);
        Assert.Equal([new RemovedBlock("Follow us on Telegram for the latest updates", "share-prompt")], article.Removed);
    }

    [Fact]
    public void Container_title_is_used_when_the_text_opens_with_a_sentence()
    {
        var article = FromText("The council approved the plan on Monday.\nWork starts in spring.", new SourceHints { Title = "Plan approved", Outlet = "Town Crier" });
        Assert.Equal("Plan approved", article.Metadata.Title);
        Assert.StartsWith("The council approved", article.Text, StringComparison.Ordinal);
        Assert.Equal("Town Crier", article.Metadata.Outlet);
        Assert.Contains(article.Metadata.Sources, p => p is { Field: "title", Source: "container" });
    }

    [Fact]
    public void Text_with_only_chrome_has_no_article()
    {
        var outcome = TextArticleExtractor.Extract(new SourceDocument("t.txt", null, DocumentKind.Text, "Share this story\n", SourceHints.None));
        Assert.Equal("no article text", outcome.Error?.Reason);
    }
}
