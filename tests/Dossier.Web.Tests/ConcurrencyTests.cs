using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Dossier.Web.Tests;

/// <summary>A store per request: a health endpoint, and readers that never wait for an upload.</summary>
public class ConcurrencyTests
{
    private const string Token = "test-token-0123456789";

    [Fact]
    public async Task Health_answers_ok_with_the_schema_version()
    {
        using var files = new StoreFiles();
        await using var factory = ApiFixture.Factory(files.Db);
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.True(json.RootElement.GetProperty("schema").GetInt32() > 0);
    }

    [Fact]
    public async Task Health_is_503_when_the_database_cannot_be_read()
    {
        using var files = new StoreFiles();
        // A folder where the database file should be: SQLite cannot open it.
        Directory.CreateDirectory(files.Db);
        await using var factory = ApiFixture.Factory(files.Db);
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Readers_are_answered_while_an_upload_ingests()
    {
        var ct = TestContext.Current.CancellationToken;
        using var files = new StoreFiles().File("harbour-a.txt", Reports.HarbourA);
        files.Ingest();
        await using var factory = ApiFixture.Factory(files.Db, Token);
        using var client = factory.CreateClient();

        // Thousands of distinct reports in one JSONL body: an ingest of several seconds on this machine.
        var body = new StringBuilder();
        for (var i = 0; i < 6000; i++)
        {
            var report = new { url = $"https://example.test/{i}", title = $"Council vote {i}",
                text = $"RIVERTON: The council of district {i} voted {i % 7 + 2} to 1 on Monday to repair bridge number {i}, the mayor's office said. Work starts in week {i % 52}." };
            body.Append(JsonSerializer.Serialize(report)).Append('\n');
        }

        using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson") };
        upload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var uploading = client.SendAsync(upload, ct);
        await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        Assert.False(uploading.IsCompleted, "the upload finished before the readers started; the test needs a larger upload");

        var clock = Stopwatch.StartNew();
        var reads = Enumerable.Range(0, 40).Select(async i =>
        {
            var url = (i % 4) switch { 0 => "/api/stories", 1 => "/api/articles", 2 => "/health", _ => "/api/search?q=dockworkers" };
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        });
        await Task.WhenAll(reads);
        var readsTook = clock.Elapsed;

        // Every reader was answered while the upload was still ingesting: none waited for it.
        Assert.False(uploading.IsCompleted, $"readers took {readsTook.TotalSeconds:0.0} s and the upload finished first");
        using var done = await uploading;
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
    }
}
