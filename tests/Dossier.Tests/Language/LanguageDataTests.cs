using Dossier.Language;
using Dossier.Vocabulary;

namespace Dossier.Tests.Language;

public class TokenTrieTests
{
    [Fact]
    public void The_longest_phrase_wins_and_case_is_ignored()
    {
        var trie = new TokenTrie<string>();
        trie.Add("South China Sea", "sea");
        trie.Add("China", "country");
        trie.Seal();
        const string text = "in the south china sea today";
        var tokens = Tokenizer.Tokenize(text);
        Assert.True(trie.TryMatch(text, tokens, 2, tokens.Length, out var count, out var value));
        Assert.Equal((3, "sea"), (count, value));
        Assert.True(trie.TryMatch(text, tokens, 3, tokens.Length, out count, out value));
        Assert.Equal((1, "country"), (count, value));
        Assert.False(trie.TryMatch(text, tokens, 0, tokens.Length, out _, out _));
    }
}

public class LanguageDataTests
{
    [Fact]
    public void Embedded_dictionaries_load_with_countries_igos_and_titles()
    {
        var data = LanguageData.Default;
        Assert.True(data.CountryNames.Count >= 200, $"{data.CountryNames.Count} countries");
        Assert.Equal("Pakistan", data.CountryNames["PAK"]);
        Assert.Equal("Islamabad", data.Capitals["PAK"]);
        const string text = "Shanghai Cooperation Organisation";
        var tokens = Tokenizer.Tokenize(text);
        Assert.True(data.Names.TryMatch(text, tokens, 0, tokens.Length, out _, out var igo));
        Assert.Equal(("IGOCAS", NameKind.Igo), (igo!.Code, igo.Kind));
    }

    [Fact]
    public void Word_flags_mark_what_a_token_can_be()
    {
        const string text = "the statement said on Monday";
        var flags = LanguageData.Default.Classify(text, Tokenizer.Tokenize(text));
        Assert.True(flags[0].HasFlag(WordFlags.ReferenceStart));
        Assert.True(flags[2].HasFlag(WordFlags.SpeechVerb));
        Assert.True(flags[4].HasFlag(WordFlags.TimeWord));
        Assert.Equal(WordFlags.None, flags[1] & WordFlags.SpeechVerb);
    }
}
