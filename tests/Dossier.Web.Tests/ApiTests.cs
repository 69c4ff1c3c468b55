using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Dossier.Web.Tests;

public class ApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<JsonElement> GetJson(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = fixture.Client();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonSerializer.Deserialize<JsonElement>(text, Json);
    }

    private async Task<JsonElement> HarbourStory()
    {
        var list = await GetJson("/api/stories?q=dockworkers");
        var summary = Assert.Single(list.GetProperty("stories").EnumerateArray());
        return await GetJson("/api/stories/" + Uri.EscapeDataString(summary.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task Story_list_holds_the_ingested_stories()
    {
        var list = await GetJson("/api/stories");
        var stories = list.GetProperty("stories").EnumerateArray().ToList();
        Assert.Contains(stories, s => s.GetProperty("articles").GetInt32() == 2 && s.GetProperty("title").GetString()!.Length > 0);
    }

    [Fact]
    public async Task Story_has_claims_with_evidence_and_coverage()
    {
        var story = await HarbourStory();
        var claims = story.GetProperty("claims").EnumerateArray().ToList();
        Assert.NotEmpty(claims);
        Assert.Contains(claims, c => c.GetProperty("status").GetString() == "corroborated");
        Assert.All(claims, c => Assert.NotEmpty(c.GetProperty("evidence").EnumerateArray()));
        Assert.Equal(2, story.GetProperty("articleIds").GetArrayLength());
        Assert.NotEmpty(story.GetProperty("coverage").EnumerateArray());
    }

    [Fact]
    public async Task Story_json_carries_its_series_in_the_shape_analyze_writes_and_null_outside_any_series()
    {
        var rounds = (await GetJson("/api/stories?q=mackerel")).GetProperty("stories").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();
        Assert.Equal(3, rounds.Count);
        foreach (var id in rounds)
        {
            var series = (await GetJson("/api/stories/" + Uri.EscapeDataString(id))).GetProperty("series");
            Assert.Equal(["id", "name", "stories", "next"], series.EnumerateObject().Select(p => p.Name));
            Assert.Equal(Dossier.Testing.SeriesReports.SeriesName, series.GetProperty("name").GetString());
            var next = series.GetProperty("next");
            Assert.Equal(Dossier.Testing.SeriesReports.Announced.Month, next.GetProperty("date").GetString());
            Assert.Equal(Dossier.Testing.SeriesReports.Announced.City, next.GetProperty("location").GetString());
            Assert.True(next.GetProperty("announced").GetBoolean());
            var stories = series.GetProperty("stories").EnumerateArray().ToList();
            Assert.Contains(stories, e => e.GetProperty("storyId").GetString() == id);
            Assert.Equal([3, 4, 5], stories.Select(e => e.GetProperty("ordinal").GetInt32()));
            Assert.Equal(["2026-02-03", "2026-03-17", "2026-05-05"], stories.Select(e => e.GetProperty("date").GetString()!));
            Assert.All(stories, e => Assert.Equal(["storyId", "title", "date", "location", "ordinal"], e.EnumerateObject().Select(p => p.Name)));
        }

        var harbour = await HarbourStory();
        Assert.Equal(JsonValueKind.Null, harbour.GetProperty("series").ValueKind);
        Assert.True(harbour.GetProperty("claims").GetArrayLength() > 0, "the story's own fields are still there");
    }

    [Fact]
    public async Task Story_filters_by_status_date_and_search()
    {
        var corroborated = await GetJson("/api/stories?status=corroborated");
        Assert.NotEmpty(corroborated.GetProperty("stories").EnumerateArray());
        var none = await GetJson("/api/stories?q=zeppelin");
        Assert.Empty(none.GetProperty("stories").EnumerateArray());
        var future = await GetJson("/api/stories?since=2999-01-01");
        Assert.Empty(future.GetProperty("stories").EnumerateArray());
    }

    [Fact]
    public async Task Story_list_pages_follow_next_until_the_last_page()
    {
        var whole = (await GetJson("/api/stories?limit=1000")).GetProperty("stories").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.True(whole.Count > 1, $"{whole.Count} stories");

        var paged = new List<string?>();
        int? offset = 0;
        while (offset is { } at)
        {
            var page = await GetJson($"/api/stories?limit=1&offset={at}");
            paged.AddRange(page.GetProperty("stories").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
            offset = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetInt32();
            Assert.True(paged.Count <= whole.Count, "next kept pointing past the last story");
        }

        Assert.Equal(whole, paged);
    }

    [Theory]
    [InlineData("/api/stories?status=rumoured")]
    [InlineData("/api/stories?since=yesterday")]
    [InlineData("/api/stories?offset=-1")]
    [InlineData("/api/search")]
    [InlineData("/api/events/timeline?a=CHN")]
    public async Task Malformed_filters_are_a_validation_problem(string url)
    {
        var problem = await GetJson(url, HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task Unknown_story_and_article_are_not_found()
    {
        using var client = fixture.Client();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/api/stories/no-such-story", UriKind.Relative), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/api/articles/no-such-article", UriKind.Relative), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/stories/no-such-story", UriKind.Relative), ct)).StatusCode);
    }

    [Fact]
    public async Task Article_carries_its_text_and_evidence_spans_inside_it()
    {
        var story = await HarbourStory();
        var claim = story.GetProperty("claims").EnumerateArray().First();
        var evidence = claim.GetProperty("evidence").EnumerateArray().First();
        var article = await GetJson("/api/articles/" + Uri.EscapeDataString(evidence.GetProperty("articleId").GetString()!));
        var text = article.GetProperty("text").GetString()!;
        var highlights = article.GetProperty("highlights").EnumerateArray().ToList();
        var mine = Assert.Single(highlights, h => h.GetProperty("kind").GetString() == "evidence" &&
            h.GetProperty("label").GetString() == claim.GetProperty("id").GetString() &&
            h.GetProperty("start").GetInt32() == evidence.GetProperty("start").GetInt32());
        Assert.Equal(evidence.GetProperty("sentence").GetString(), text[mine.GetProperty("start").GetInt32()..mine.GetProperty("end").GetInt32()]);
        Assert.All(highlights, h => Assert.InRange(h.GetProperty("end").GetInt32(), 1, text.Length));
    }

    [Fact]
    public async Task Articles_list_and_search_find_the_reports()
    {
        var articles = await GetJson("/api/articles");
        // Two harbour reports, two hostile ones, six of the negotiation's rounds and the flood.
        Assert.Equal(11, articles.GetArrayLength());
        var hits = await GetJson("/api/search?q=dockworkers");
        Assert.Equal(2, hits.GetArrayLength());
    }

    [Fact]
    public async Task Actors_and_event_timeline_answer_with_their_shapes()
    {
        var actors = await GetJson("/api/actors");
        Assert.Equal(JsonValueKind.Array, actors.ValueKind);
        var timeline = await GetJson("/api/events/timeline?a=CHN&b=PAK");
        Assert.Equal("CHN", timeline.GetProperty("first").GetString());
        Assert.Equal(JsonValueKind.Array, timeline.GetProperty("days").ValueKind);
    }

    [Fact]
    public async Task Every_story_json_is_the_contracts_story_and_the_openapi_document_describes_its_fields()
    {
        var story = (await Contract.Value).Definitions["story"];
        var list = await GetJson("/api/stories");
        var ids = list.GetProperty("stories").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();
        Assert.True(ids.Count >= 5);
        using var client = fixture.Client();
        var evidence = new List<JsonElement>();
        foreach (var id in ids)
        {
            var text = await client.GetStringAsync(new Uri("/api/stories/" + Uri.EscapeDataString(id), UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Empty(story.Validate(text));
            // The public shape, not the model: offsets as start/end, the source count written out.
            evidence.AddRange(JsonDocument.Parse(text).RootElement.GetProperty("claims").EnumerateArray().SelectMany(c => c.GetProperty("evidence").EnumerateArray()));
        }

        Assert.NotEmpty(evidence);
        Assert.All(evidence, e => Assert.True(e.GetProperty("end").GetInt32() > e.GetProperty("start").GetInt32()));

        // The OpenAPI document names the answer's record and its fields, the contract's fields.
        var document = await GetJson("/openapi/v1.json");
        var answer = document.GetProperty("paths").GetProperty("/api/stories/{id}").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
        var fields = document.GetProperty("components").GetProperty("schemas").GetProperty(answer.Split('/')[^1]).GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal([.. story.Properties.Keys.Order(StringComparer.Ordinal)], fields.Order(StringComparer.Ordinal));
    }

    private static readonly Lazy<Task<NJsonSchema.JsonSchema>> Contract = new(() =>
        NJsonSchema.JsonSchema.FromFileAsync(Path.Combine(Dossier.Testing.SharedData.RepoRoot, "docs", "dossier.schema.json")));

    [Fact]
    public async Task List_answers_are_the_apis_own_records_not_the_stores_rows()
    {
        var schemas = (await GetJson("/openapi/v1.json")).GetProperty("components").GetProperty("schemas").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var own in new[] { "StoryListItem", "ArticleListItem", "ActorListItem", "SearchResult" })
        {
            Assert.Contains(own, schemas);
        }

        foreach (var row in new[] { "StorySummary", "ArticleSummary", "ActorCount", "SearchHit" })
        {
            Assert.DoesNotContain(row, schemas);
        }
    }

    [Fact]
    public async Task OpenApi_document_describes_every_api_group()
    {
        var document = await GetJson("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var expected in new[] { "/api/stories", "/api/stories/{id}", "/api/articles", "/api/articles/{id}", "/api/actors", "/api/events", "/api/events/timeline", "/api/search" })
        {
            Assert.Contains(expected, paths);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/stories")]
    [InlineData("/timeline?a=CHN&b=PAK")]
    public async Task Responses_carry_security_headers(string url)
    {
        using var client = fixture.Client();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Script_payloads_in_articles_are_escaped_on_every_page()
    {
        using var client = fixture.Client();
        var ct = TestContext.Current.CancellationToken;
        var list = await GetJson("/api/stories?q=Lakeside");
        var id = list.GetProperty("stories").EnumerateArray().First().GetProperty("id").GetString()!;
        var articles = await GetJson("/api/articles?story=" + Uri.EscapeDataString(id));
        var articleId = articles.EnumerateArray().First().GetProperty("articleId").GetString()!;
        var article = await GetJson("/api/articles/" + Uri.EscapeDataString(articleId));
        // The payload must survive extraction, or this test would prove nothing.
        Assert.Contains("<script>", article.GetProperty("text").GetString()!, StringComparison.Ordinal);

        foreach (var url in new[] { "/?q=Lakeside", "/stories/" + Uri.EscapeDataString(id), "/articles/" + Uri.EscapeDataString(articleId) })
        {
            Reports.AssertInert(await client.GetStringAsync(new Uri(url, UriKind.Relative), ct));
        }
    }

    [Fact]
    public async Task Upload_is_disabled_without_a_write_token()
    {
        using var client = fixture.Client();
        using var body = new StringContent(Reports.HarbourA, Encoding.UTF8, "text/plain");
        using var response = await client.PostAsync(new Uri("/api/articles", UriKind.Relative), body, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Upload_needs_the_bearer_token_and_then_ingests()
    {
        using var files = new StoreFiles();
        const string token = "test-token-0123456789";
        await using var factory = ApiFixture.Factory(files.Db, token);
        using var client = factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        using (var anonymous = new StringContent(Reports.HarbourA, Encoding.UTF8, "text/plain"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync(new Uri("/api/articles", UriKind.Relative), anonymous, ct)).StatusCode);
        }

        using (var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = new StringContent(Reports.HarbourA, Encoding.UTF8, "text/plain") })
        {
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "test-token-0123456780");
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong, ct)).StatusCode);
        }

        using var form = new MultipartFormDataContent
        {
            { new StringContent(Reports.HarbourA, Encoding.UTF8, "text/plain"), "files", "../../etc/harbour-a.txt" },
            { new StringContent(Reports.HarbourB, Encoding.UTF8, "text/plain"), "files", "harbour-b.txt" },
        };
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = form };
        upload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(upload, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync(ct), Json);
        Assert.Equal(2, result.GetProperty("report").GetProperty("added").GetInt32());

        var stored = JsonSerializer.Deserialize<JsonElement>(await client.GetStringAsync(new Uri("/api/articles", UriKind.Relative), ct), Json);
        Assert.Equal(2, stored.GetArrayLength());
        Assert.All(stored.EnumerateArray(), a => Assert.DoesNotContain("..", a.GetProperty("path").GetString()!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_larger_than_the_limit_is_refused()
    {
        using var files = new StoreFiles();
        const string token = "test-token-0123456789";
        await using var factory = ApiFixture.Factory(files.Db, token, maxRequestBytes: 1024);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = new StringContent(new string('x', 4096), Encoding.UTF8, "text/plain") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
