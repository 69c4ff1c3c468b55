using Dossier.Extraction.Html;

namespace Dossier.Tests.Extraction.Html;

public sealed class UnicodeCompositionTests
{
    [Theory]
    [InlineData("u\u0308ber", "\u00FCber")] // decomposed umlaut composed
    [InlineData("\u09AF\u09BC", "\u09AF\u09BC")] // Bengali YYA stays two code points in NFC
    [InlineData("\u09DF", "\u09AF\u09BC")] // and its one-code-point spelling becomes them
    [InlineData("\u212B", "\u00C5")] // ANGSTROM SIGN is A with ring above
    [InlineData("e\u0323\u0302", "\u1EC7")] // two marks, composed in turn
    [InlineData("plain ascii", "plain ascii")]
    public void Body_text_is_composed_to_NFC_without_ICU(string text, string expected)
    {
        Assert.Equal(expected, UnicodeComposition.Compose(text));
    }
}
