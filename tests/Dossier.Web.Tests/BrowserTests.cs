using System.Text.Json;
using Dossier.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dossier.Web.Tests;

/// <summary>
/// The real app on a loopback port over the seeds and our hostile reports, and Debian's Chromium driven by
/// Playwright. Nothing is downloaded: the browser is /usr/bin/chromium, launched offline.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private WebApplication? app;
    private IPlaywright? playwright;

    public StoreFiles Files { get; } = new();

    public IBrowser? Browser { get; private set; }

    public string BaseUrl { get; private set; } = "";

    public string? Missing { get; private set; }

    public string Screenshots { get; } = Path.Combine(SharedData.RepoRoot, "TestResults", "web");

    public async ValueTask InitializeAsync()
    {
        var root = Environment.GetEnvironmentVariable("DOSSIER_SHARED") ?? Path.GetFullPath(Path.Combine(SharedData.RepoRoot, "..", "shared"));
        var seeds = Path.Combine(root, "seeds");
        if (!File.Exists(Chromium))
        {
            Missing = "chromium not found at " + Chromium + " (apt-get install -y chromium)";
            return;
        }

        if (!Directory.Exists(seeds))
        {
            Missing = "shared data not found: " + seeds;
            return;
        }

        Files.File("hostile-a.txt", Reports.Hostile).File("hostile-b.txt", Reports.HostileB).File("rounds.jsonl", SeriesReports.Jsonl());
        Files.Ingest(seeds, Files.Input);
        app = DossierWebHost.Build([], new WebOptions { Db = Files.Db, Urls = "http://127.0.0.1:0" });
        await app.StartAsync();
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Directory.CreateDirectory(Screenshots);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Files.Dispose();
    }
}

[Trait("Category", "Browser")]
[Trait("Category", SharedData.Category)]
public class BrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> NewPage()
    {
        if (fixture.Missing is not null)
        {
            SharedData.Unavailable(fixture.Missing);
        }

        var context = await fixture.Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    private async Task<JsonElement> Api(IPage page, string url)
    {
        var response = await page.APIRequest.GetAsync(fixture.BaseUrl + url);
        Assert.True(response.Ok, url);
        return JsonSerializer.Deserialize<JsonElement>(await response.TextAsync());
    }

    [Fact]
    public async Task Seed_story_opens_from_the_list_and_a_claim_shows_its_evidence_highlighted()
    {
        var page = await NewPage();
        await page.GotoAsync(fixture.BaseUrl + "/");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.Screenshots, "story-list.png"), FullPage = true });

        var stories = await Api(page, "/api/stories?q=Islamabad");
        var seed = stories.GetProperty("stories").EnumerateArray().First(s => s.GetProperty("articles").GetInt32() >= 2);
        var id = seed.GetProperty("id").GetString()!;
        await page.Locator($"a.story-link[href='/stories/{Uri.EscapeDataString(id)}']").ClickAsync();
        await Assertions.Expect(page.Locator("article.story h1")).ToBeVisibleAsync();
        Assert.Contains("/stories/", page.Url, StringComparison.Ordinal);

        Assert.Equal(2, await page.Locator("ul.sources li").CountAsync());
        Assert.True(await page.Locator("details.claim").CountAsync() >= 10);
        Assert.True(await page.Locator("details.claim .badge.corroborated").CountAsync() >= 1);
        Assert.True(await page.Locator("details.claim .badge.single-source").CountAsync() >= 1);

        var claim = page.Locator("details.claim.corroborated").First;
        await claim.Locator("summary").ClickAsync();
        Assert.True(await claim.GetAttributeAsync("open") is not null);
        var marks = claim.Locator("blockquote.context mark");
        Assert.True(await marks.CountAsync() >= 2, "a corroborated claim shows a sentence from each report");
        await Assertions.Expect(marks.First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.Screenshots, "seed-story.png"), FullPage = true });
        await claim.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(fixture.Screenshots, "seed-claim-expanded.png") });

        // The evidence link opens the article with that claim's sentence highlighted in the full text.
        var href = await claim.Locator(".where a").First.GetAttributeAsync("href");
        Assert.StartsWith("/articles/", href, StringComparison.Ordinal);
        await page.GotoAsync(fixture.BaseUrl + href);
        Assert.Contains("/articles/", page.Url, StringComparison.Ordinal);
        var selected = page.Locator(".text mark.ev.sel");
        await Assertions.Expect(selected.First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.Screenshots, "seed-article.png") });
    }

    [Fact]
    public async Task A_round_of_a_negotiation_shows_its_series_and_the_links_walk_the_rounds_in_order()
    {
        var page = await NewPage();
        var found = await Api(page, "/api/stories?q=fourth%20mackerel");
        var id = found.GetProperty("stories").EnumerateArray().Single().GetProperty("id").GetString()!;
        await page.GotoAsync(fixture.BaseUrl + "/stories/" + Uri.EscapeDataString(id));

        var line = page.Locator("dl.facts dd.series");
        await Assertions.Expect(line).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("dl.facts dt", new PageLocatorOptions { HasText = "Series" })).ToBeVisibleAsync();
        var text = await line.InnerTextAsync();
        Assert.Contains("(2 of 3)", text, StringComparison.Ordinal);
        Assert.Contains("previous: " + SeriesReports.Title(3) + ", Reykjavik, 2026-02-03", text, StringComparison.Ordinal);
        Assert.Contains("next: " + SeriesReports.Title(5) + ", Reykjavik, 2026-05-05", text, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.Screenshots, "series-story.png") });

        // Previous leads to the third round, which has no previous; its next leads back; the next of that to the fifth.
        await line.Locator("a[rel=prev]").ClickAsync();
        await Assertions.Expect(page.Locator("article.story h1")).ToHaveTextAsync(SeriesReports.Title(3));
        Assert.Equal(0, await page.Locator("dd.series a[rel=prev]").CountAsync());
        Assert.Contains("(1 of 3)", await page.Locator("dd.series").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("dd.series a[rel=next]").ClickAsync();
        await Assertions.Expect(page.Locator("article.story h1")).ToHaveTextAsync(SeriesReports.Title(4));
        Assert.EndsWith("/stories/" + Uri.EscapeDataString(id), page.Url, StringComparison.Ordinal);
        await page.Locator("dd.series a[rel=next]").ClickAsync();
        await Assertions.Expect(page.Locator("article.story h1")).ToHaveTextAsync(SeriesReports.Title(5));
        Assert.Equal(0, await page.Locator("dd.series a[rel=next]").CountAsync());

        // The fifth round's reports announce the sixth: shown as next, with a link to a report that says so.
        var latest = await page.Locator("dd.series").InnerTextAsync();
        Assert.StartsWith(SeriesReports.SeriesName + " (3 of 3)", latest, StringComparison.Ordinal);
        Assert.EndsWith($"next: {SeriesReports.Announced.City}, {SeriesReports.Announced.Month}, no. {SeriesReports.Announced.Ordinal}, announced", latest, StringComparison.Ordinal);
        await page.Locator("dd.series a.series-announced").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/articles/"));
        Assert.Contains(SeriesReports.Announced.Sentence, await page.ContentAsync(), StringComparison.Ordinal);

        // A story in no series has no Series line.
        var flood = await Api(page, "/api/stories?q=Porto%20Alegre%20flood");
        await page.GotoAsync(fixture.BaseUrl + "/stories/" + Uri.EscapeDataString(flood.GetProperty("stories").EnumerateArray().Single().GetProperty("id").GetString()!));
        await Assertions.Expect(page.Locator("article.story h1")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("dd.series").CountAsync());
    }

    [Fact]
    public async Task Actor_pair_timeline_is_drawn_as_svg_without_script()
    {
        var page = await NewPage();
        await page.GotoAsync(fixture.BaseUrl + "/timeline?a=CHN&b=PAK");
        var chart = page.Locator("svg#timeline-chart");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        var days = await page.Locator("table.timeline tbody tr").CountAsync();
        Assert.True(days >= 1);
        // One bar and one Goldstein dot per day, laid out with a real size by the browser.
        Assert.Equal(days, await chart.Locator("g.bars rect").CountAsync());
        Assert.Equal(days, await chart.Locator("g.goldstein circle").CountAsync());
        Assert.True((await chart.BoundingBoxAsync())!.Width > 200);
        Assert.Equal(0, await page.Locator("script").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.Screenshots, "timeline-chn-pak.png"), FullPage = true });
    }

    [Fact]
    public async Task Script_payloads_in_an_article_render_inert()
    {
        var page = await NewPage();
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            Interlocked.Increment(ref dialogs);
            _ = dialog.DismissAsync();
        };

        var stories = await Api(page, "/api/stories?q=Lakeside");
        var id = stories.GetProperty("stories").EnumerateArray().First().GetProperty("id").GetString()!;
        var articles = await Api(page, "/api/articles?story=" + Uri.EscapeDataString(id));
        var urls = new List<string> { "/?q=Lakeside", "/stories/" + Uri.EscapeDataString(id) };
        urls.AddRange(articles.EnumerateArray().Select(a => "/articles/" + Uri.EscapeDataString(a.GetProperty("articleId").GetString()!)));

        var shown = 0;
        foreach (var url in urls)
        {
            await page.GotoAsync(fixture.BaseUrl + url);
            foreach (var summary in await page.Locator("details.claim summary").AllAsync())
            {
                await summary.ClickAsync();
            }

            // Any link the page holds: none may be a javascript: URL.
            var hrefs = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))");
            Assert.DoesNotContain(hrefs, h => h.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
            Assert.Equal(0, await page.Locator("main img, main svg, main iframe, main script").CountAsync());
            Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), url + " ran a payload");
            shown += (await page.Locator("main").InnerTextAsync()).Contains("<script>", StringComparison.Ordinal) ? 1 : 0;
        }

        // The payloads are on the pages, as text: the story page and at least one article show them.
        Assert.True(shown >= 2, $"payload text shown on {shown} pages");

        await page.GotoAsync(fixture.BaseUrl + "/stories/" + Uri.EscapeDataString(id));
        await page.Locator("details.claim summary").First.ClickAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.Screenshots, "xss-story.png"), FullPage = true });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"));
        Assert.Equal(0, dialogs);
    }
}
