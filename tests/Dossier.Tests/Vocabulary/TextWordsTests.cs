using System.Collections.Immutable;
using Dossier.Events;
using Dossier.Language;
using Dossier.Model;
using Dossier.Stories;
using Dossier.Vocabulary;

namespace Dossier.Tests.Vocabulary;

public class TextWordsTests
{
    [Fact]
    public void A_run_of_letters_and_digits_has_one_entry_shared_by_every_occurrence()
    {
        var text = new string("Gondor's envoy met Arnor; the envoy left.".AsSpan());
        TextWords.Scan(text);
        var words = TextWords.Of(text);
        Assert.NotNull(words);
        var first = words.At(text, 9, 14);
        Assert.NotNull(first);
        Assert.Equal("envoy", first.Surface);
        Assert.Same(first, words.At(text, 30, 35));
        Assert.Equal("Gondor", words.At(text, 0, 6)!.Surface);
    }

    [Fact]
    public void Bounds_that_are_not_a_whole_run_find_no_entry()
    {
        var text = new string("anti-Gondor U.S. didn't".AsSpan());
        TextWords.Scan(text);
        var words = TextWords.Of(text)!;
        Assert.Null(words.At(text, 0, 11));  // the coder's "anti-Gondor" is three runs
        Assert.Null(words.At(text, 12, 16)); // "U.S." likewise
        Assert.Null(words.At(text, 17, 20)); // "did" of "didn't" stops inside the run "didn"
        Assert.Null(words.At(text, 1, 4));   // not where a run starts
    }

    [Fact]
    public void Another_string_with_the_same_characters_finds_no_scan()
    {
        var text = new string("The envoy left.".AsSpan());
        var copy = new string(text.AsSpan());
        TextWords.Scan(text);
        Assert.Null(TextWords.Of(copy));
        Assert.Null(TextWords.Of(text)!.At(copy, 4, 9));
        TextWords.Scan(copy);
        Assert.Null(TextWords.Of(text));
    }

    [Fact]
    public void Stages_give_the_same_tokens_and_words_with_the_scan_as_without()
    {
        var text = new string("Gondor's Prime Minister didn't sign the anti-Arnor accord in Minas Tirith on 3 March; GONDOR and gondor agreed to 1,200 U.S. troops.".AsSpan());
        TextWords.Scan("-");
        var plainTokens = Dossier.Events.CoderTokens.Tokenize(text, 0, text.Length);
        var plainWords = TextTerms.Words(text).Select(w => (w.Start, w.End, w.Lower, string.Join(' ', w.Terms))).ToList();
        var data = LanguageData.Default;
        var languageTokens = Dossier.Vocabulary.Tokenizer.Tokenize(text);
        var plainFlags = data.Classify(text, languageTokens);

        // Twice with the scan: the first fills the shared entries, the second reads them.
        for (var round = 0; round < 2; round++)
        {
            TextWords.Scan(text);
            Assert.Equal(plainTokens, Dossier.Events.CoderTokens.Tokenize(text, 0, text.Length));
            Assert.Equal(plainWords, TextTerms.Words(text).Select(w => (w.Start, w.End, w.Lower, string.Join(' ', w.Terms))).ToList());
            Assert.Equal(plainFlags, data.Classify(text, languageTokens));
        }
    }

    [Fact]
    public void Annotated_and_coded_article_is_the_same_whether_or_not_the_coder_finds_the_scan()
    {
        var text = "Gondor and Arnor signed a water-sharing treaty on Thursday. Gondor's king praised Arnor.";
        var article = new Article("a1", "test", null, text, ArticleMetadata.Empty, ImmutableArray<RemovedBlock>.Empty);
        var annotator = new TextAnnotator();
        var coder = new CameoEventCoder();
        var shared = coder.Code(annotator.Annotate(article));
        var annotated = annotator.Annotate(article);
        TextWords.Scan("-");
        var separate = coder.Code(annotated);
        Assert.Equal(separate.Events.Select(e => (e.Code, e.Source.Code, e.Target.Code)), shared.Events.Select(e => (e.Code, e.Source.Code, e.Target.Code)));
    }
}
