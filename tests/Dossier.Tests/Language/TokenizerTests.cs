using Dossier.Language;

namespace Dossier.Tests.Language;

public class TokenizerTests
{
    private static string[] Words(string text) => [.. Tokenizer.Tokenize(text).Select(t => text.Substring(t.Start, t.Length))];

    [Fact]
    public void Possessives_split_from_their_noun()
    {
        Assert.Equal(["China", "\u2019s", "territory"], Words("China\u2019s territory"));
        Assert.Equal(["Kabul", "'s"], Words("Kabul's"));
    }

    [Fact]
    public void Dotted_initials_stay_one_token()
    {
        Assert.Equal(["The", "U.S.", "envoy"], Words("The U.S. envoy"));
    }

    [Fact]
    public void Decimals_thousands_and_ordinals_stay_one_number()
    {
        var tokens = Tokenizer.Tokenize("3.5 percent of 1,200 on the 7th");
        Assert.Equal([TokenKind.Number, TokenKind.Word, TokenKind.Word, TokenKind.Number, TokenKind.Word, TokenKind.Word, TokenKind.Number], tokens.Select(t => t.Kind));
    }

    [Fact]
    public void Hyphens_separate_words_so_that_country_pairs_are_found()
    {
        Assert.Equal(["Pakistan", "-", "China"], Words("Pakistan-China"));
    }

    [Fact]
    public void Quotation_marks_are_their_own_tokens()
    {
        var tokens = Tokenizer.Tokenize("\u201cYes,\u201d he said");
        Assert.Equal(TokenKind.Quote, tokens[0].Kind);
        Assert.Equal(TokenKind.Quote, tokens[3].Kind);
    }
}

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
