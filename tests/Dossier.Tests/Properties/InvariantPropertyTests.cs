using System.Text;
using CsCheck;
using Dossier.Extraction;
using Dossier.Model;
using Dossier.Reading;

namespace Dossier.Tests.Properties;

/// <summary>
/// Invariants that hold for every input, checked on generated ones (CsCheck; a failure prints the seed to replay
/// and a shrunk example). Generators draw from pieces of our own writing: words, sentences, tags and byte noise.
/// </summary>
public class InvariantPropertyTests
{
    private static readonly string[] Pieces =
    [
        "The council met on Monday.", "PORTVALE, March 3 (Reuters) - ", "\"We will build it,\" the mayor said.", "By Ana Lima and Tom Reyes",
        "Minister Jane Okafor", "on 12 May 2025", "yesterday", "- Dawn/ANN", "China", "the United Nations", "police arrested", "talks resumed",
        ",", ".", " ", "\n", "\n\n", "“", "”", "'", "(", ")", "Tags: harbour, budget", "Share this:", "Related stories", "\u00A0", "\u200B",
        "é", "ß", "中国", "’s", "—", ":", "?", "!", "\t", "AP", "SAID", "said", "Monday", "2025",
    ];

    private static readonly string[] Tags =
    [
        "<div>", "</div>", "<p>", "</p>", "<span>", "</span>", "<a href=\"/x\">", "</a>", "<br>", "<br/>", "<nav>", "</nav>", "<ul><li>", "</li></ul>",
        "<article>", "</article>", "<h1>", "</h1>", "<script>var a = '<div>';</script>", "<style>p{}</style>", "<!-- c -->", "<!--", "-->",
        "<meta property=\"og:title\" content=\"Harbour\">", "<script type=\"application/ld+json\">{\"headline\":\"H\",\"datePublished\":\"2025-05-12\"}</script>",
        "<title>", "</title>", "<html>", "<body>", "</body>", "<", ">", "&amp;", "&#x41;", "&bogus;", "<div class=\"share\">", "<figure><figcaption>",
        "</figcaption></figure>", "<pre>", "</pre>", "<table><tr><td>", "</td></tr></table>", "<div hidden>", "<img src=x>", "<textarea>", "</textarea>",
    ];

    private static readonly Gen<string> Prose = Gen.OneOf(Pieces).Array[0, 120].Select(string.Concat);

    private static readonly Gen<string> Markup = Gen.OneOf(Gen.OneOf(Pieces), Gen.OneOf(Tags)).Array[0, 200].Select(string.Concat);

    [Fact]
    public void Every_annotation_span_lies_inside_its_article_text()
    {
        Prose.Sample(text =>
        {
            var (annotated, _) = DossierPipeline.Default.Process(new SourceDocument("p.txt", null, DocumentKind.Text, text, SourceHints.None));
            if (annotated is null)
            {
                return;
            }

            var length = annotated.Article.Text.Length;
            void Inside(TextSpan? span, string what)
            {
                if (span is { } s && (s.Start < 0 || s.Length < 0 || s.End > length))
                {
                    Assert.Fail($"{what} span {s.Start}+{s.Length} outside text of {length}");
                }
            }

            Inside(annotated.Article.Metadata.DatelineSpan, "dateline");
            annotated.Sentences.ToList().ForEach(x => Inside(x.Span, "sentence"));
            annotated.Mentions.ToList().ForEach(x => Inside(x.Span, "mention"));
            annotated.Times.ToList().ForEach(x => Inside(x.Span, "time"));
            annotated.Quotes.ToList().ForEach(x => { Inside(x.Span, "quote"); Inside(x.SpeakerSpan, "speaker"); });
            annotated.Events.ToList().ForEach(x => { Inside(x.VerbSpan, "verb"); Inside(x.Source.Span, "source"); Inside(x.Target.Span, "target"); });
        }, iter: 150);
    }

    [Fact]
    public void Extraction_never_throws()
    {
        var extractor = new ArticleExtractor();
        Gen.Select(Markup, Gen.Bool).Sample((content, html) =>
        {
            var outcome = extractor.Extract(new SourceDocument("p", null, html ? DocumentKind.Html : DocumentKind.Text, content, SourceHints.None));
            Assert.True(outcome.Article is null != (outcome.Error is null), "exactly one of article and error");
        }, iter: 1000);
    }

    private static readonly Gen<byte[]> Bytes = Gen.OneOf(
        Gen.Byte.Array[0, 600],
        Markup.Select(Encoding.UTF8.GetBytes),
        Gen.Select(Gen.OneOf("{\"text\":\"A\"}\n", "{\"html\":\"<p>B</p>\"", "WARC/1.1\r\n", "<rss><channel><item><title>T</title>", "\u001F\u008B", "\uFEFF"), Markup)
            .Select((head, rest) => Encoding.UTF8.GetBytes(head + rest)),
        Gen.Byte.Array[0, 400].Select(b => (byte[])[0x1F, 0x8B, .. b]));

    [Fact]
    public void Reading_any_bytes_gives_documents_or_errors_and_never_throws()
    {
        var reader = new InputReader();
        Bytes.Sample(bytes =>
        {
            var items = reader.Read("any.bin", new MemoryStream(bytes)).ToList();
            Assert.NotEmpty(items);
            Assert.All(items, i => Assert.True(i.Document is null != (i.Error is null)));
            Assert.All(items.Where(i => i.Error is not null), i => Assert.Equal("any.bin", i.Error!.Path));
        }, iter: 3000);
    }
}
