using CsCheck;
using Dossier.Events;
using Dossier.Vocabulary;

namespace Dossier.Tests.Vocabulary;

/// <summary>The one tokenizer: what is common to every stage, and each stage's joins.</summary>
public class TokenizerTests
{
    private static string[] Words(string text, string rules = "Language") =>
        [.. Tokens(text, rules).Select(t => text.Substring(t.Start, t.Length))];

    public static TheoryData<string> Rules => ["Language", "Events", "Terms"];

    private static Token[] Tokens(string text, string rules) => rules switch
    {
        "Language" => Tokenizer.Tokenize<TokenRules.Language>(text, 0, text.Length),
        "Events" => Tokenizer.Tokenize<TokenRules.Events>(text, 0, text.Length),
        _ => Tokenizer.Tokenize<TokenRules.Terms>(text, 0, text.Length),
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Possessives_split_from_their_noun_under_every_rule(string rules)
    {
        Assert.Equal(["China", "\u2019s", "territory"], Words("China\u2019s territory", rules));
        var tokens = Tokens("Kabul's", rules);
        Assert.Equal([TokenKind.Word, TokenKind.Possessive], tokens.Select(t => t.Kind));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Decimals_and_thousands_stay_one_number_under_every_rule(string rules)
    {
        const string text = "3.5 percent of 1,200 on the 7th";
        var tokens = Tokens(text, rules);
        Assert.Equal([TokenKind.Number, TokenKind.Word, TokenKind.Word, TokenKind.Number, TokenKind.Word, TokenKind.Word, TokenKind.Number], tokens.Select(t => t.Kind));
    }

    [Fact]
    public void The_language_stage_splits_compounds_so_that_country_pairs_are_found()
    {
        Assert.Equal(["Pakistan", "-", "China"], Words("Pakistan-China"));
        Assert.Equal(["The", "U.S.", "envoy", "O'Brien", "at", "10:30"], Words("The U.S. envoy O'Brien at 10:30"));
    }

    [Fact]
    public void The_coder_keeps_compounds_and_symbols_whole_and_splits_contractions()
    {
        const string rules = "Events";
        Assert.Equal(["anti-Gondor", "AT&T", "and/or", "U.S.", "W.", "Bush"], Words("anti-Gondor AT&T and/or U.S. W. Bush", rules));
        Assert.Equal(["They", "did", "n't", "come", "ca", "n't"], Words("They didn't come can't", rules));
        Assert.Equal(["anti-", "Gondor"], Words("anti- Gondor", rules));
        Assert.Equal(["``", "Q", "&amp;", "10", ":", "30"], Words("``Q &amp; 10:30", rules));
    }

    [Fact]
    public void Grouping_keeps_compounds_and_breaks_at_every_other_mark()
    {
        const string rules = "Terms";
        Assert.Equal(["two-state", "U", ".", "S", ".", "O", "'", "Brien", "10", ":", "30"], Words("two-state U.S. O'Brien 10:30", rules));
    }

    [Fact]
    public void The_coders_keys_are_upper_case_with_treebank_forms()
    {
        const string text = "Gondor's envoy didn't \u201Csign\u201D";
        Assert.Equal(["GONDOR", "'S", "ENVOY", "DID", "N'T", "\"", "SIGN", "\""], CoderTokens.Tokenize(text, 0, text.Length).Select(t => t.Key));
    }

    [Fact]
    public void Tokens_cover_every_character_but_white_space_in_order_under_every_rule()
    {
        var text = Gen.Char["abAB12 -.,:'\u2019&/;_`\"\u201C\u00E9\n"].Array[0, 60].Select(c => new string(c));
        text.Sample(s =>
        {
            foreach (var rules in new[] { "Language", "Events", "Terms" })
            {
                var at = 0;
                foreach (var token in Tokens(s, rules))
                {
                    if (token.Length <= 0 || token.Start < at || s[at..token.Start].Any(c => !char.IsWhiteSpace(c) && c != '_'))
                    {
                        return false;
                    }

                    at = token.End;
                }

                if (s[at..].Any(c => !char.IsWhiteSpace(c) && c != '_'))
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Fact]
    public void NextWord_gives_the_words_and_numbers_of_Next_under_every_rule()
    {
        var text = Gen.Char["abAB12 -.,:'\u2019&/;_`ntNT\n"].Array[0, 60].Select(c => new string(c));
        text.Sample(s =>
            Same<TokenRules.Language>(s) && Same<TokenRules.Events>(s) && Same<TokenRules.Terms>(s));

        static bool Same<TRules>(string s)
            where TRules : struct, ITokenRules
        {
            var words = new List<Token>();
            var i = 0;
            while (Tokenizer.NextWord<TRules>(s, ref i, s.Length, out var token))
            {
                words.Add(token);
            }

            return words.SequenceEqual(Tokenizer.Tokenize<TRules>(s, 0, s.Length).Where(t => t.IsWord));
        }
    }
}
