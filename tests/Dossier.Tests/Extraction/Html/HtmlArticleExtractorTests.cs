using System.Text;
using Dossier.Extraction.Html;
using Dossier.Model;

namespace Dossier.Tests.Extraction.Html;

public sealed class HtmlArticleExtractorTests
{
    // Our own page, written for these tests: a news site's chrome around a short report.
    private const string Page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <title>Harbour bridge reopens after repairs | The Coastal Courier</title>
          <meta property="og:title" content="Harbour bridge reopens after repairs">
          <meta property="og:site_name" content="The Coastal Courier">
          <meta property="article:published_time" content="2026-03-02T08:15:00+01:00">
          <meta property="article:section" content="Local">
          <link rel="canonical" href="https://courier.example/local/harbour-bridge">
        </head>
        <body>
          <header class="site-header"><a href="/">The Coastal Courier</a><nav><a href="/local">Local</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav></header>
          <div class="cookie-banner">We use cookies to improve your visit. Accept all or manage your choices.</div>
          <main>
            <article>
              <h1>Harbour bridge reopens after repairs</h1>
              <div class="byline">By Mara Lindqvist and Tomas Berg</div>
              <div class="share-bar"><a href="#">Facebook</a> <a href="#">Email</a></div>
              <figure><img src="bridge.jpg"><figcaption>The bridge at dawn on Monday, after eight months of work.</figcaption></figure>
              <div class="article-body">
                <p>The harbour bridge reopened to traffic on Monday morning, eight months after engineers found cracks in two of its steel supports, the city council said.</p>
                <p>Crews replaced both supports, resurfaced the deck and added a lane for bicycles, at a cost the council put at 14 million euros, slightly under the original estimate.</p>
                <h2>Traffic expected to ease</h2>
                <p>Commuters had faced detours of up to forty minutes while the bridge was closed, and the council said it expected congestion in the old town to ease within days.</p>
                <blockquote>We promised the city a safer bridge, and we kept that promise, said the mayor, Ines Carvalho.</blockquote>
                <p>The works included:</p>
                <ul><li>two new steel supports on the northern pier,</li><li>a resurfaced deck with better drainage,</li><li>a protected lane for bicycles.</li></ul>
                <ul class="more-links"><li><a href="/a">Ferry timetable changes for spring</a></li><li><a href="/b">New parking rules in the old town</a></li><li><a href="/c">Council approves harbour budget</a></li></ul>
                <p>Advertisement</p>
              </div>
              <section id="comments"><h3>Comments</h3><p>Finally! It took them long enough, honestly, and the detours were a nightmare for everyone.</p></section>
            </article>
            <aside class="sidebar"><h3>Most read</h3><ol><li><a href="/x">Storm warning for the coast this weekend</a></li><li><a href="/y">School year dates announced</a></li></ol></aside>
          </main>
          <div class="newsletter-signup">Get the morning briefing in your inbox every day. Sign up now, it is free.</div>
          <footer>© 2026 The Coastal Courier. All rights reserved. Contact us. Privacy policy.</footer>
        </body>
        </html>
        """;

    private static Article Extract(string html)
    {
        var outcome = HtmlArticleExtractor.Extract(new SourceDocument("page.html", null, DocumentKind.Html, html, SourceHints.None));
        Assert.Null(outcome.Error);
        return outcome.Article!;
    }

    [Fact]
    public void Body_keeps_the_article_paragraphs_separated_by_blank_lines()
    {
        var text = Extract(Page).Text;

        Assert.StartsWith("The harbour bridge reopened to traffic on Monday morning", text, StringComparison.Ordinal);
        Assert.Contains("slightly under the original estimate.\n\nTraffic expected to ease\n\nCommuters had faced", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_lists_and_block_quotes_of_the_body_are_kept()
    {
        var text = Extract(Page).Text;

        Assert.Contains("Traffic expected to ease", text, StringComparison.Ordinal);
        Assert.Contains("We promised the city a safer bridge", text, StringComparison.Ordinal);
        Assert.Contains("two new steel supports on the northern pier,", text, StringComparison.Ordinal);
        Assert.Contains("a protected lane for bicycles.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The Coastal Courier. All rights reserved")]
    [InlineData("Sport")]
    [InlineData("We use cookies")]
    [InlineData("Facebook")]
    [InlineData("It took them long enough")]
    [InlineData("Storm warning for the coast")]
    [InlineData("Ferry timetable changes")]
    [InlineData("Get the morning briefing")]
    [InlineData("Advertisement")]
    [InlineData("By Mara Lindqvist")]
    [InlineData("The bridge at dawn")]
    public void Chrome_is_not_in_the_body(string chrome)
    {
        Assert.DoesNotContain(chrome, Extract(Page).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Title_repeated_in_the_body_is_dropped_and_kept_as_metadata()
    {
        var article = Extract(Page);

        Assert.Equal("Harbour bridge reopens after repairs", article.Metadata.Title);
        Assert.DoesNotContain("Harbour bridge reopens", article.Text, StringComparison.Ordinal);
        Assert.Contains(article.Removed, r => r.Reason == "title");
    }

    [Theory]
    [InlineData("comments", "It took them long enough")]
    [InlineData("share", "Facebook")]
    [InlineData("cookie-notice", "We use cookies")]
    [InlineData("newsletter", "Get the morning briefing")]
    [InlineData("footer", "All rights reserved")]
    [InlineData("sidebar", "Storm warning")]
    [InlineData("related-links", "Ferry timetable")]
    [InlineData("boilerplate", "Advertisement")]
    public void Removed_blocks_are_recorded_with_their_reason(string reason, string text)
    {
        var removed = Extract(Page).Removed;

        Assert.Contains(removed, r => r.Reason == reason && r.Text.Contains(text, StringComparison.Ordinal));
    }

    [Fact]
    public void Captions_are_kept_apart_from_the_body()
    {
        var article = Extract(Page);

        Assert.Equal(["The bridge at dawn on Monday, after eight months of work."], article.Metadata.Captions);
    }

    [Fact]
    public void Byline_gives_the_authors_when_the_page_names_none_in_metadata()
    {
        var article = Extract(Page);

        Assert.Equal(["Mara Lindqvist", "Tomas Berg"], article.Metadata.Authors);
        Assert.Contains(new Provenance("authors", "byline"), article.Metadata.Sources);
    }

    [Fact]
    public void Open_graph_and_link_metadata_come_with_their_sources()
    {
        var meta = Extract(Page).Metadata;

        Assert.Equal("The Coastal Courier", meta.Outlet);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 15, 0, TimeSpan.FromHours(1)), meta.Published);
        Assert.Equal("Local", meta.Section);
        Assert.Equal("https://courier.example/local/harbour-bridge", meta.Url);
        Assert.Contains(new Provenance("title", "og:title"), meta.Sources);
        Assert.Contains(new Provenance("outlet", "og:site_name"), meta.Sources);
        Assert.Contains(new Provenance("published", "article:published_time"), meta.Sources);
        Assert.Contains(new Provenance("url", "canonical"), meta.Sources);
    }

    [Fact]
    public void Json_ld_news_article_wins_over_open_graph()
    {
        var html = Page.Replace("</head>", """
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Courier site"},
              {"@type":"NewsArticle","headline":"Bridge reopens to traffic","datePublished":"2026-03-02T07:00:00Z",
               "dateModified":"2026-03-02T09:30:00Z","author":[{"@type":"Person","name":"Mara Lindqvist"}],
               "publisher":{"@type":"Organization","name":"Coastal Courier Media"},"articleSection":"City"}]}
            </script>
            </head>
            """, StringComparison.Ordinal);

        var meta = Extract(html).Metadata;

        Assert.Equal("Bridge reopens to traffic", meta.Title);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero), meta.Published);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero), meta.Modified);
        Assert.Equal(["Mara Lindqvist"], meta.Authors);
        Assert.Equal("Coastal Courier Media", meta.Outlet);
        Assert.Equal("City", meta.Section);
        Assert.Contains(new Provenance("title", "json-ld"), meta.Sources);
        Assert.Contains(new Provenance("authors", "json-ld"), meta.Sources);
    }

    [Fact]
    public void Broken_json_ld_falls_back_to_the_other_metadata()
    {
        var html = Page.Replace("</head>", """<script type="application/ld+json">{"@type":"NewsArticle","headline": </script></head>""", StringComparison.Ordinal);

        Assert.Equal("Harbour bridge reopens after repairs", Extract(html).Metadata.Title);
    }

    [Fact]
    public void Language_is_the_declared_one_else_identified_from_the_body()
    {
        var french = """
            <html><body><article>
            <p>Le pont du port a rouvert à la circulation lundi matin, huit mois après la découverte de fissures dans deux de ses piliers.</p>
            <p>Les ouvriers ont remplacé les deux supports et refait la chaussée, pour un coût de quatorze millions d'euros selon la mairie.</p>
            </article></body></html>
            """;

        Assert.Equal("en", Extract(Page).Metadata.Language);
        Assert.Contains(new Provenance("language", "html-lang"), Extract(Page).Metadata.Sources);
        Assert.Equal("fr", Extract(french).Metadata.Language);
        Assert.Contains(new Provenance("language", "lingua"), Extract(french).Metadata.Sources);
    }

    [Fact]
    public void Text_loose_between_line_breaks_is_found()
    {
        var html = """
            <html><body><div class="menu"><a href="/">Home</a> <a href="/news">News</a></div>
            <div class="col">
            <b>02/03/2026</b><br><br>
            The harbour bridge reopened on Monday, eight months after engineers found cracks, and the council said traffic would ease within days.<br><br>
            <div class="row"><a href="/share">Share</a></div>
            </div>
            <div class="foot">City hall, Main Square 1, open Monday to Friday</div></body></html>
            """;

        var text = Extract(html).Text;

        Assert.Contains("The harbour bridge reopened on Monday", text, StringComparison.Ordinal);
        Assert.DoesNotContain("City hall", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_flattened_not_a_crash()
    {
        var sb = new StringBuilder("<html><body>");
        for (var i = 0; i < 3000; i++)
        {
            sb.Append("<div>");
        }

        sb.Append("<p>A paragraph of text buried very deep inside the page, long enough to count as prose for the extractor.</p>");
        sb.Append("</body></html>");

        var text = Extract(sb.ToString()).Text;

        Assert.Contains("A paragraph of text buried very deep", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_without_text_is_an_error_naming_the_document()
    {
        var outcome = HtmlArticleExtractor.Extract(new SourceDocument("empty.html", "r1", DocumentKind.Html, "<html><body><nav><a href='/'>Home</a></nav></body></html>", SourceHints.None));

        Assert.Null(outcome.Article);
        Assert.Equal("dossier: empty.html#r1: no article text", outcome.Error!.ToString());
    }

    [Fact]
    public void Container_hints_fill_what_the_page_does_not_say()
    {
        var hints = new SourceHints { Title = "Feed title", Outlet = "Feed outlet", Url = "https://feed.example/item" };
        var outcome = HtmlArticleExtractor.Extract(new SourceDocument("feed.xml", "item-1", DocumentKind.Html, "<p>The harbour bridge reopened on Monday, eight months after engineers found cracks in its supports.</p>", hints));

        var meta = outcome.Article!.Metadata;
        Assert.Equal("Feed title", meta.Title);
        Assert.Equal("Feed outlet", meta.Outlet);
        Assert.Contains(new Provenance("title", "hint"), meta.Sources);
    }

    [Fact]
    public void Dateline_and_closing_wire_credit_are_read_from_the_body()
    {
        var outcome = HtmlArticleExtractor.Extract(new SourceDocument("wire.html", null, DocumentKind.Html, """
            <html><body><article>
            <p>LIMA, March 3 (Reuters) - Rescue teams reached three villages cut off by a landslide in the Andes on Tuesday, the regional government said.</p>
            <p>Roads into the valley stayed closed as engineers checked the slopes above them for further movement, officials added.</p>
            <p>Regional authorities said shelters had been opened in two schools for families who left their homes during the night. - Andean Times/ANN</p>
            </article></body></html>
            """, SourceHints.None));

        var article = outcome.Article!;
        Assert.Equal("LIMA", article.Metadata.Dateline);
        Assert.Equal("LIMA", article.Metadata.DatelineSpan!.Value.Of(article.Text));
        Assert.Equal("Andean Times/ANN", article.Metadata.Credit);
        Assert.Contains(new Provenance("credit", "credit-line"), article.Metadata.Sources);
        Assert.EndsWith("during the night.", article.Text, StringComparison.Ordinal);
        Assert.Contains(article.Removed, r => r.Reason == "credit" && r.Text.Contains("Andean Times/ANN", StringComparison.Ordinal));
    }

    [Fact]
    public void Agency_in_the_dateline_is_the_credit_when_no_credit_line_closes_the_body()
    {
        var article = Extract("""
            <html><body><article>
            <p>NAIROBI, June 9 (AP) - Lawmakers approved a budget that raises spending on rural roads by a fifth, the speaker of parliament announced on Monday.</p>
            <p>The opposition said the plan left too little for clinics in the north, where two new hospitals had been promised.</p>
            </article></body></html>
            """);

        Assert.Equal("NAIROBI", article.Metadata.Dateline);
        Assert.Equal("AP", article.Metadata.Credit);
        Assert.Contains(new Provenance("credit", "dateline"), article.Metadata.Sources);
    }

    [Fact]
    public void Body_given_only_as_JSON_LD_is_taken_after_what_the_markup_shows()
    {
        var body = string.Join("\\n", Enumerable.Range(1, 4).Select(i => $"Paragraph {i} of the report, which the page renders by script from its data, says the ferry service resumes in May."));
        var article = Extract($$"""
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry returns","articleBody":"{{body}}"}</script></head>
            <body><div id="app"><p>The ferry at the pier on Sunday. Photo: harbour office</p></div></body></html>
            """);

        Assert.StartsWith("The ferry at the pier on Sunday.", article.Text, StringComparison.Ordinal);
        Assert.Contains("Paragraph 1 of the report", article.Text, StringComparison.Ordinal);
        Assert.Contains("\n\nParagraph 4 of the report", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ruby_readings_are_not_part_of_the_text()
    {
        var article = Extract("""
            <html><body><article><p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもの<ruby>法律<rt>ほうりつ</rt></ruby>が変わりました。新しい法律では親が子どもをたたくことが禁止されます。</p></article></body></html>
            """);

        Assert.Equal("子どもの法律が変わりました。新しい法律では親が子どもをたたくことが禁止されます。", article.Text);
    }
}
