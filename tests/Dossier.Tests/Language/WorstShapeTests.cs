using System.Text;
using Dossier.Language;
using Dossier.Model;

namespace Dossier.Tests.Language;

/// <summary>
/// Issue 20: the language stage's cost must not grow faster than its input. These tests hold the properties that
/// make it so (sentences bounded in length, text read up to a fixed limit, every annotation inside what was read);
/// the time and memory of a 20 MB input are measured by benchmarks/worst-shapes.sh, not here.
/// </summary>
public class WorstShapeTests
{
    private static string Repeat(string unit, int length)
    {
        var b = new StringBuilder(length + unit.Length);
        while (b.Length < length)
        {
            b.Append(unit);
        }

        return b.ToString(0, length);
    }

    [Fact]
    public void A_text_without_sentence_ends_is_cut_into_bounded_sentences_at_spaces()
    {
        var text = Repeat("the talks would resume after a pause ", 50_000);
        var sentences = SentenceSplitter.Split(text);

        Assert.True(sentences.Length >= 50_000 / SentenceSplitter.MaxSentenceLength);
        Assert.All(sentences, s => Assert.InRange(s.Span.Length, 1, SentenceSplitter.MaxSentenceLength));
        Assert.All(sentences, s => Assert.False(char.IsWhiteSpace(text[s.Span.Start]) || char.IsWhiteSpace(text[s.Span.End - 1])));
        Assert.All(sentences.Skip(1), s => Assert.True(char.IsWhiteSpace(text[s.Span.Start - 1]), "a piece starts after a space"));
        Assert.Equal(text.Trim().Replace(" ", string.Empty, StringComparison.Ordinal), string.Concat(sentences.Select(s => s.Span.Of(text))).Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void A_word_longer_than_a_sentence_is_cut_hard_but_not_inside_a_surrogate_pair()
    {
        var text = Repeat("a\U0001F600", 10_001);
        var sentences = SentenceSplitter.Split(text);

        Assert.All(sentences, s => Assert.InRange(s.Span.Length, 1, SentenceSplitter.MaxSentenceLength));
        Assert.All(sentences, s => Assert.False(char.IsLowSurrogate(text[s.Span.Start])));
        Assert.Equal(text.Length, sentences.Sum(s => s.Span.Length));
    }

    [Fact]
    public void A_million_dots_are_one_pass_and_change_nothing_around_them()
    {
        var dots = new string('.', 1_000_000);
        var text = "The talks ended. " + dots + " Both sides agreed.";
        var sentences = SentenceSplitter.Split(text);

        Assert.StartsWith("The talks ended. ...", sentences[0].Span.Of(text), StringComparison.Ordinal);
        Assert.All(sentences, s => Assert.InRange(s.Span.Length, 1, SentenceSplitter.MaxSentenceLength));
        Assert.Equal("Both sides agreed.", sentences[^1].Span.Of(text));
        const string runs = "Wait... What? Yes!!! Done... no. Fine.";
        Assert.Equal(["Wait...", "What?", "Yes!!!", "Done... no.", "Fine."], SentenceSplitter.Split(runs).Select(s => s.Span.Of(runs)));
    }

    [Fact]
    public void Normal_sentences_are_not_cut()
    {
        var sentence = "The minister said the talks, which began in the spring, would resume " + Repeat("after a long pause ", 400) + "in the capital.";
        Assert.True(sentence.Length < SentenceSplitter.MaxSentenceLength);
        var text = sentence + " Both sides agreed.";
        Assert.Equal([sentence, "Both sides agreed."], SentenceSplitter.Split(text).Select(s => s.Span.Of(text)));
    }

    [Fact]
    public void A_text_over_the_limit_is_annotated_up_to_a_line_end_and_says_so()
    {
        var paragraph = "Officials from Pakistan and China met in Beijing on Monday. \"We agreed,\" the minister said.\n";
        var text = Repeat(paragraph, TextAnnotator.MaxAnnotatedLength * 3);
        var article = new Article("a", "big.txt", null, text, ArticleMetadata.Empty, []);

        var annotated = new TextAnnotator().Annotate(article);

        Assert.Equal(text, annotated.Article.Text);
        var read = Assert.NotNull(annotated.AnnotatedLength);
        Assert.InRange(read, TextAnnotator.MaxAnnotatedLength / 2, TextAnnotator.MaxAnnotatedLength);
        Assert.Equal('\n', text[read]);
        Assert.NotEmpty(annotated.Sentences);
        Assert.NotEmpty(annotated.Mentions);
        Assert.NotEmpty(annotated.Quotes);
        Assert.All(annotated.Sentences, s => Assert.True(s.Span.End <= read));
        Assert.All(annotated.Mentions, m => Assert.True(m.Span.End <= read));
        Assert.All(annotated.Quotes, q => Assert.True(q.Span.End <= read));
        Assert.All(annotated.Times, t => Assert.True(t.Span.End <= read));
    }

    [Fact]
    public void A_text_under_the_limit_is_read_whole()
    {
        var text = Repeat("Officials met in Beijing on Monday. ", TextAnnotator.MaxAnnotatedLength - 10);
        var annotated = new TextAnnotator().Annotate(new Article("a", "a.txt", null, text, ArticleMetadata.Empty, []));
        Assert.Null(annotated.AnnotatedLength);
        Assert.Equal(text.TrimEnd().Length, annotated.Sentences[^1].Span.End);
    }

    [Fact]
    public void The_pipeline_reports_a_text_it_read_in_part_and_keeps_the_article()
    {
        var text = Repeat("Officials from Pakistan and China met in Beijing on Monday. ", TextAnnotator.MaxAnnotatedLength * 2);
        var document = new SourceDocument("big.txt", null, DocumentKind.Text, text, SourceHints.None);

        var (article, error) = DossierPipeline.Default.Process(document);

        Assert.NotNull(article);
        Assert.NotNull(error);
        Assert.StartsWith("dossier: big.txt: text of ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("annotated the first", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Alpha Bravo Charlie Delta Echo Foxtrot ")]
    [InlineData("\"a\" \u201cSaid\u201d ' \u201d \" ")]
    [InlineData("12 March 2024 13 April 2025 1999 ")]
    [InlineData("( a ( b ) ) ) ( ")]
    [InlineData("A.B.C.D.E.F.G. ")]
    public void Worst_shapes_give_annotations_inside_what_was_read(string unit)
    {
        var text = Repeat(unit, 300_000);
        var annotated = new TextAnnotator().Annotate(new Article("a", "a.txt", null, text, ArticleMetadata.Empty, []));
        var read = annotated.AnnotatedLength ?? text.Length;

        Assert.True(read <= TextAnnotator.MaxAnnotatedLength);
        Assert.All(annotated.Sentences, s => Assert.InRange(s.Span.Length, 1, SentenceSplitter.MaxSentenceLength));
        Assert.All(annotated.Mentions, m => Assert.True(m.Span.End <= read));
        Assert.All(annotated.Quotes, q => Assert.True(q.Span.End <= read));
        Assert.All(annotated.Times, t => Assert.True(t.Span.End <= read));
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00+00:00")]
    [InlineData("9999-12-31T00:00:00+00:00")]
    public void A_publication_date_at_the_calendars_edge_leaves_times_unresolved_not_the_article_lost(string published)
    {
        const string text = "The team won on Tuesday night. The talks resume next year and again on Monday.";
        var article = new Article("a", "a.html", null, text, ArticleMetadata.Empty with { Published = DateTimeOffset.Parse(published, System.Globalization.CultureInfo.InvariantCulture) }, []);

        var annotated = new TextAnnotator().Annotate(article);

        Assert.NotEmpty(annotated.Times);
        Assert.All(annotated.Times, t => Assert.True(t.Span.End <= text.Length));
    }
}
