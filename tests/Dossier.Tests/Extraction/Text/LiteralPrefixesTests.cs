using Dossier.Extraction.Text;
using Dossier.Testing;

namespace Dossier.Tests.Extraction.Text;

/// <summary>
/// The test of a line's first words before the chrome families' regexes (<see cref="LiteralPrefixes"/>) must never turn
/// away a line a family matches: it is read from the patterns' source, conservatively.
/// </summary>
public class LiteralPrefixesTests
{
    [Theory]
    [InlineData(@"^(follow|join)\b.{0,40}", "Follow us|JOIN the|follower", "Find us|fol|the minister")]
    [InlineData(@"^(stay|be) (updated|informed)\b", "Stay updated|be informed now", "Stay tuned|bee|be")]
    [InlineData(@"^(?:share|tweet)( this)?$", "Share|tweet this", "shar|the")]
    [InlineData(@"^\((reporting|writing) by\b.{0,300}\)$", "(Reporting by A)|(writing by", "(editing by|reporting by")]
    [InlineData(@"^(copyright|\(c\))\s*.{0,120}$", "Copyright 2026|(c) 2026", "copy|(d)")]
    [InlineData(@"^(?i:by|written by)\s+\w+", "By Ann|written by Ann", "Bz|wrote")]
    [InlineData(@"^next in\b.{0,60}$", "Next in World|NEXT IN", "Next|nexting")]
    [InlineData(@"^(tags?|topics?)\s*[:|]", "Tags: x|tag|Topic:|topics", "ta|top")]
    [InlineData(@"^a+b", "aab|ab", "b")]
    public void Lines_are_let_through_by_the_words_a_match_must_begin_with(string pattern, string admitted, string refused)
    {
        var prefixes = LiteralPrefixes.Of([pattern]);
        Assert.NotSame(LiteralPrefixes.Any, prefixes);
        Assert.All(admitted.Split('|'), line => Assert.True(prefixes.MayMatch(line), $"'{line}' turned away"));
        Assert.All(refused.Split('|'), line => Assert.False(prefixes.MayMatch(line), $"'{line}' let through"));
    }

    [Theory]
    [InlineData(@"^.{0,80}\ball rights reserved\.?$")] // a dot first
    [InlineData(@"^a|b")] // "b" is not anchored
    [InlineData(@"all rights reserved")] // not anchored at all
    [InlineData(@"^(?:x)?y")] // an optional first item
    [InlineData(@"^x*y")]
    [InlineData(@"^x{0,2}y")]
    [InlineData(@"^(?=a)a")] // a lookahead
    [InlineData(@"^(a|)b")] // an empty alternative
    [InlineData(@"^\s*Tags")] // a class
    [InlineData(@"^[A-Z]+:")] // a class
    [InlineData(@"^(?<name>a)")] // a named group
    [InlineData(@"^(?x: a b)")] // spaces that are not literal
    [InlineData(@"^(comments?|\d+ comments?)\s*:?$")] // one alternative starts with a class
    public void Anything_that_is_not_plainly_literal_at_the_start_lets_every_line_through(string pattern) =>
        Assert.Same(LiteralPrefixes.Any, LiteralPrefixes.Of([pattern, "^zzz"]));

    [Fact]
    public void Letters_outside_ascii_in_a_pattern_or_at_a_line_start_go_to_the_regex()
    {
        // The Kelvin sign is "k" to case-insensitive matching.
        Assert.Same(LiteralPrefixes.Any, LiteralPrefixes.Of(["^\u212Aelvin"]));
        var prefixes = LiteralPrefixes.Of(["^(copyright|©)"]);
        Assert.True(prefixes.MayMatch("© 2026 The Paper"));
        Assert.True(prefixes.MayMatch("\u212Aopyright"));
        Assert.False(prefixes.MayMatch("Correction"));
    }

    /// <summary>
    /// Every line of our text fixtures and the demo corpus, the chrome examples of the rule tests, each family keyword
    /// alone and behind every printable character: the families give the same reason as one regex of each family's
    /// patterns did before the split.
    /// </summary>
    [Fact]
    public void The_families_classify_every_line_as_one_regex_per_family_did()
    {
        var lines = new List<string>
        {
            "Follow us on our WhatsApp channel for breaking news", "Join our Telegram channel", "Share this article",
            "Share on WhatsApp", "Tap the bell to hear about new stories before anyone else!", "Turn on notifications for this topic",
            "Get the latest headlines free in your inbox every morning", "Download our app for the latest news",
            "Next In World News", "Others Also Read", "Related Articles", "Most Read", "Also read: Rates climb again",
            "Copyright 2026 Some Paper", "© 2026 Some Paper", "(c) 2026 Some Paper", "Some Paper. All rights reserved",
            "Advertisement", "ADVERTISEMENT", "(Reporting by A. Writer; Editing by B. Editor)", "12 comments", "Loading...",
            "Tags: economy, trade", "Topics | world", "Read more: the next round", "Watch: the minister speaks",
            "Never miss the latest news alerts in your inbox first", "Thanks for reading us!",
        };
        var folders = new[]
        {
            Path.Combine(SharedData.RepoRoot, "tests", "Dossier.Tests", "Extraction", "Text", "Fixtures"),
            Path.Combine(SharedData.RepoRoot, "samples", "demo"),
        };
        foreach (var file in folders.SelectMany(Directory.GetFiles))
        {
            lines.AddRange(File.ReadAllLines(file));
        }

        var keywords = new[] { "follow", "share", "next in", "related", "also read", "copyright", "advertisement", "tags:", "click here", "watch: x", "more from x", "published 3 May 2026", "stay updated" };
        foreach (var keyword in keywords)
        {
            lines.Add(keyword);
            lines.Add(keyword.ToUpperInvariant());
            lines.AddRange(Enumerable.Range(32, 95).Select(c => (char)c + keyword));
            lines.AddRange(Enumerable.Range(32, 95).Select(c => keyword + (char)c + "our app"));
        }

        var chrome = 0;
        foreach (var line in lines)
        {
            var expected = ChromeRules.FamilyByWholeRegexes(line);
            Assert.True(expected == ChromeRules.FamilyOf(line), $"'{line}': {expected} expected");
            chrome += expected is null ? 0 : 1;
        }

        Assert.True(chrome >= 40, $"only {chrome} chrome lines among the probes");
    }
}
