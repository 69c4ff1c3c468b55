namespace Dossier.Storage.Tests;

public sealed class ArticleKeysTests
{
    [Fact]
    public void Content_key_ignores_case_spacing_and_punctuation()
    {
        Assert.Equal(ArticleKeys.Content("Kenya and Tanzania signed a treaty."), ArticleKeys.Content("KENYA  and\nTanzania signed a “treaty”"));
        Assert.NotEqual(ArticleKeys.Content("Kenya signed a treaty."), ArticleKeys.Content("Kenya signed two treaties."));
    }

    [Fact]
    public void Content_key_tells_outlets_apart()
    {
        Assert.NotEqual(ArticleKeys.Content("Same wire text.", "Continental Daily"), ArticleKeys.Content("Same wire text.", "Highland Tribune"));
        Assert.Equal(ArticleKeys.Content("Same wire text.", "Highland Tribune"), ArticleKeys.Content("same wire text", " highland tribune "));
    }

    [Theory]
    [InlineData("https://News.Example/a/b/?utm_source=x&id=3#top", "https://news.example/a/b?id=3")]
    [InlineData("http://news.example:80/a", "https://news.example/a")]
    [InlineData("https://news.example/", "https://news.example")]
    public void Canonical_url_drops_what_does_not_name_the_page(string url, string expected) =>
        Assert.Equal(expected, ArticleKeys.CanonicalUrl(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("file:///tmp/a.txt")]
    [InlineData("not a url")]
    public void Canonical_url_is_null_when_there_is_no_web_address(string? url) => Assert.Null(ArticleKeys.CanonicalUrl(url));
}
