using Dossier.Stories;

namespace Dossier.Tests.Stories;

public sealed class TextTermsTests
{
    [Theory]
    [InlineData("Kabul's envoy met the counter-terrorism chief on 3.5 million pledges, 1,200 troops.")]
    [InlineData("  -- ... ''")]
    [InlineData("")]
    [InlineData("Ministers’ talks: Éire, ÜBER and naïve co-operation end-")]
    public void Counting_words_agrees_with_listing_them(string text)
    {
        Assert.Equal(TextTerms.Words(text).Count, TextTerms.CountWords(text, 0, text.Length));
        var middle = text.Length / 3;
        Assert.Equal(TextTerms.Words(text, middle, text.Length - 1 > middle ? text.Length - 1 : middle).Count,
            TextTerms.CountWords(text, middle, text.Length - 1 > middle ? text.Length - 1 : middle));
    }

    [Fact]
    public void Words_are_lower_cased_and_shared_between_calls()
    {
        var first = TextTerms.Words("The Envoy's ENVOY envoy");
        Assert.Equal(["the", "envoy", "envoy", "envoy"], first.Select(w => w.Lower));
        Assert.Equal([(0, 3), (4, 9), (12, 17), (18, 23)], first.Select(w => (w.Start, w.End)));

        // The same form is one string, not a fresh copy per word.
        Assert.Same(first[1].Lower, first[3].Lower);
        Assert.Same(first[1].Lower, TextTerms.Words("ENVOY")[0].Lower);
    }
}
