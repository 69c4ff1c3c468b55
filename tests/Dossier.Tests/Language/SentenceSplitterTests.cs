using Dossier.Language;

namespace Dossier.Tests.Language;

public class SentenceSplitterTests
{
    [Fact]
    public void Sentences_end_at_a_full_stop_followed_by_a_capital()
    {
        const string text = "The talks ended. Both sides agreed.";
        var sentences = SentenceSplitter.Split(text);
        Assert.Equal(["The talks ended.", "Both sides agreed."], sentences.Select(s => s.Span.Of(text)));
    }
}
