using Dossier.Extraction.Text;

namespace Dossier.Tests.Extraction.Text;

public class ChromeRulesTests
{
    [Theory]
    [InlineData("Follow us on our WhatsApp channel for breaking news", "share-prompt")]
    [InlineData("Join our Telegram channel", "share-prompt")]
    [InlineData("Download our app for the latest news", "share-prompt")]
    [InlineData("Share this article", "share-prompt")]
    [InlineData("Share on WhatsApp", "share-prompt")]
    [InlineData("Tap the bell to hear about new stories before anyone else!", "share-prompt")]
    [InlineData("Turn on notifications for this topic", "share-prompt")]
    [InlineData("Get the latest headlines free in your inbox every morning", "share-prompt")]
    [InlineData("Next In World News", "related-heading")]
    [InlineData("Others Also Read", "related-heading")]
    [InlineData("Related Articles", "related-heading")]
    [InlineData("Most Read", "related-heading")]
    [InlineData("Also read: Rates climb again", "related-link")]
    [InlineData("Copyright 2026 Some Paper", "boilerplate")]
    [InlineData("Advertisement", "boilerplate")]
    [InlineData("Tags: economy, trade", "tags")]
    public void Chrome_lines_are_recognised_with_their_reason(string line, string reason) => Assert.Equal(reason, ChromeRules.Classify(line));

    [Theory]
    [InlineData("The minister said the channel would reopen next week.")]
    [InlineData("More than 300 people attended the meeting.")]
    [InlineData("Pakistan, China agree to enhance communication")]
    [InlineData("Share prices rose.")]
    [InlineData("Print runs were cut by half")]
    [InlineData("Residents can get the latest figures from the council website.")]
    [InlineData("The minister told us the channel would reopen next week.")]
    [InlineData("Share prices rose sharply on Tuesday after the announcement of the merger was confirmed.")]
    public void Article_lines_are_not_chrome(string line) => Assert.Null(ChromeRules.Classify(line));

    [Theory]
    [InlineData("Pakistan , China , Afghanistan , terrorist groups", true)]
    [InlineData("economy, trade, tariffs", true)]
    [InlineData("Pakistan, China agree to enhance communication", false)]
    [InlineData("Rain, wind and cold hit the coast on Monday.", false)]
    public void Keyword_lists_are_told_from_headlines(string line, bool expected) => Assert.Equal(expected, ChromeRules.IsKeywordList(line));

    [Theory]
    [InlineData("Night market returns to the old quay", true)]
    [InlineData("U.S. envoy arrives for talks", true)]
    [InlineData("The treaty enters into force once ratified. - Valley Post", false)]
    [InlineData("The talks ended on Monday.", false)]
    public void Headline_like_lines_are_short_and_unfinished(string line, bool expected) => Assert.Equal(expected, ChromeRules.IsHeadlineLike(line));
}
