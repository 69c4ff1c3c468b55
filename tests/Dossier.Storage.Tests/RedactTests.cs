namespace Dossier.Storage.Tests;

public class RedactTests
{
    [Theory]
    [InlineData("news.db", "news.db")]
    [InlineData("Host=db;Database=news;Username=u;Password=s3cret", "Host=db;Database=news;Username=u;Password=***")]
    [InlineData("Host=db;pwd = \"a;b\";Database=news", "Host=db;pwd=***;Database=news")]
    [InlineData("postgresql://u:s3cret@db:5432/news", "postgresql://u:***@db:5432/news")]
    public void Passwords_become_stars(string db, string shown) => Assert.Equal(shown, DossierStore.Redact(db));

    [Fact]
    public void A_message_that_quotes_the_password_is_redacted_too() =>
        Assert.Equal("login failed for u with ***", DossierStore.Redact("login failed for u with s3cret", "Host=db;Username=u;Password=s3cret"));
}
