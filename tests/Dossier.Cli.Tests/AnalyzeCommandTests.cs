using System.Text.Json;
using Dossier.Testing;
using NJsonSchema;

namespace Dossier.Cli.Tests;

public class AnalyzeCommandTests
{
    private const string GoodReport = "Harbour talks end in agreement\n\nPORTVILLE: The port authority and the dockworkers' union agreed on Tuesday to end a week-long strike, the union said.\n\nBoth sides will meet again in March to review the deal.\n";

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(SharedData.RepoRoot, "docs", "dossier.schema.json")).GetAwaiter().GetResult());

    [Fact]
    [Trait("Category", SharedData.Category)]
    public void Seeds_give_schema_valid_json_with_both_reports_in_one_story()
    {
        var seeds = SharedData.Require("seeds");
        var run = DossierProcess.Run(SharedData.RepoRoot, "analyze", seeds, "--format", "json");

        run.AssertExit(0);
        Assert.Empty(Schema.Value.Validate(run.Stdout));
        using var json = JsonDocument.Parse(run.Stdout);
        var articleIds = json.RootElement.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Equal(2, articleIds.Count);
        var story = Assert.Single(json.RootElement.GetProperty("stories").EnumerateArray(), s => s.GetProperty("articleIds").GetArrayLength() > 1);
        Assert.Equal(articleIds.Order(), story.GetProperty("articleIds").EnumerateArray().Select(a => a.GetString()).Order());
    }

    // Three rounds of one negotiation, a month apart, two outlets each: our own short reports.
    private static readonly (string Outlet, string Published, string Title, string Text)[] Rounds =
    [
        ("harbourpost.example", "2026-02-04T09:00:00Z", "Norway and Chile open first round of fisheries talks in Oslo",
            "OSLO, Feb 3 - Norway and Chile opened the first round of talks on a fisheries agreement in Oslo on Tuesday. Norwegian negotiator Ola Berg said the two delegations discussed salmon quotas and catch reporting. Chilean negotiator Ana Soto said the first round had been constructive."),
        ("coastline.example", "2026-02-04T11:30:00Z", "Fisheries talks: first round between Norway and Chile",
            "Delegations from Norway and Chile met in Oslo on Tuesday for the first round of fisheries negotiations. The talks covered salmon quotas, catch reporting and inspections at sea, Ola Berg told reporters. A second round is planned in Santiago."),
        ("harbourpost.example", "2026-03-11T09:00:00Z", "Second round of Norway-Chile fisheries talks ends in Santiago",
            "SANTIAGO, March 10 - The second round of fisheries talks between Norway and Chile ended in Santiago on Tuesday with a draft text on salmon quotas, negotiator Ana Soto said. Ola Berg said a third round would settle catch reporting."),
        ("coastline.example", "2026-03-11T12:00:00Z", "Norway, Chile agree draft in second round of fisheries negotiations",
            "Norway and Chile agreed a draft on salmon quotas at the second round of fisheries negotiations in Santiago on Tuesday. Ana Soto said inspections at sea were still open. The delegations will meet again in Bergen."),
        ("harbourpost.example", "2026-04-15T09:00:00Z", "Norway and Chile sign fisheries agreement at third round in Bergen",
            "BERGEN, April 14 - Norway and Chile signed a fisheries agreement on Tuesday at the third round of talks in Bergen, ending negotiations on salmon quotas and catch reporting. Ola Berg and Ana Soto initialled the text."),
        ("coastline.example", "2026-04-15T13:00:00Z", "Fisheries agreement signed in Bergen after third round of talks",
            "The third round of fisheries talks between Norway and Chile ended in Bergen on Tuesday with the signing of an agreement on salmon quotas, catch reporting and inspections at sea, negotiators Ola Berg and Ana Soto said."),
    ];

    [Fact]
    public void Rounds_of_one_negotiation_are_linked_as_a_series_in_the_json_and_the_brief()
    {
        using var folder = new TempFolder();
        folder.File("rounds.jsonl", string.Join('\n', Rounds.Select(r => JsonSerializer.Serialize(new { outlet = r.Outlet, published = r.Published, title = r.Title, text = r.Text }))) + "\n");
        var run = DossierProcess.Run(folder.Path, "analyze", "rounds.jsonl", "--format", "json");

        run.AssertExit(0);
        Assert.Empty(Schema.Value.Validate(run.Stdout));
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(3, json.RootElement.GetProperty("stories").GetArrayLength());
        var series = Assert.Single(json.RootElement.GetProperty("series").EnumerateArray());
        var entries = series.GetProperty("stories").EnumerateArray().ToList();
        Assert.Equal(["2026-02-03", "2026-03-10", "2026-04-14"], entries.Select(e => e.GetProperty("date").GetString()));
        Assert.Equal([1, 2, 3], entries.Select(e => e.GetProperty("ordinal").GetInt32()));

        var brief = DossierProcess.Run(folder.Path, "analyze", "rounds.jsonl");
        brief.AssertExit(0);
        Assert.Contains("- **Series:** ", brief.Stdout, StringComparison.Ordinal);
        Assert.Contains("(2 of 3); previous: Oslo, 2026-02-03, no. 1; next: ", brief.Stdout, StringComparison.Ordinal);
        Assert.Contains("2026-04-14, no. 3", brief.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_of_a_stored_round_writes_its_series_as_analyze_does()
    {
        using var folder = new TempFolder();
        folder.File("rounds.jsonl", string.Join('\n', Rounds.Select(r => JsonSerializer.Serialize(new { outlet = r.Outlet, published = r.Published, title = r.Title, text = r.Text }))) + "\n");
        var db = Path.Combine(folder.Path, "d.db");
        DossierProcess.Run(folder.Path, "ingest", "rounds.jsonl", "--db", db).AssertExit(0);
        var analyzed = DossierProcess.Run(folder.Path, "analyze", "rounds.jsonl", "--format", "json");
        analyzed.AssertExit(0);

        var listed = DossierProcess.Run(folder.Path, "stories", "--db", db, "--format", "json");
        listed.AssertExit(0);
        using var list = JsonDocument.Parse(listed.Stdout);
        var middle = list.RootElement.GetProperty("stories").EnumerateArray().Single(s => s.GetProperty("date").GetString() == "2026-03-10").GetProperty("id").GetString()!;
        var shown = DossierProcess.Run(folder.Path, "show", middle, "--db", db, "--format", "json");
        shown.AssertExit(0);
        Assert.Empty(Schema.Value.Validate(shown.Stdout));

        // The same series, field for field, but for the ids (`analyze` and the store name stories differently).
        static string WithoutIds(JsonElement series) => string.Join(" | ", series.EnumerateArray().Select(s => s.GetProperty("name").GetString() + ": " +
            string.Join(" / ", s.GetProperty("stories").EnumerateArray().Select(e => string.Join(", ", e.EnumerateObject().Where(p => p.Name != "storyId").Select(p => p.Name + "=" + p.Value.ToString()))))));
        using var fromShow = JsonDocument.Parse(shown.Stdout);
        using var fromAnalyze = JsonDocument.Parse(analyzed.Stdout);
        Assert.Equal(WithoutIds(fromAnalyze.RootElement.GetProperty("series")), WithoutIds(fromShow.RootElement.GetProperty("series")));

        // Both ran under one SOURCE_DATE_EPOCH: `show` stamps its output with that clock as `analyze` does, not the system's.
        Assert.Equal(fromAnalyze.RootElement.GetProperty("generatedAt").GetString(), fromShow.RootElement.GetProperty("generatedAt").GetString());
        Assert.Contains(fromShow.RootElement.GetProperty("series")[0].GetProperty("stories").EnumerateArray(), e => e.GetProperty("storyId").GetString() == middle);

        var brief = DossierProcess.Run(folder.Path, "show", middle, "--db", db);
        brief.AssertExit(0);
        Assert.Contains("(2 of 3); previous: Oslo, 2026-02-03, no. 1; next: ", brief.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_announced_next_round_and_the_written_name_reach_analyze_show_and_export_alike()
    {
        using var folder = new TempFolder();
        folder.File("rounds.jsonl", SeriesReports.Jsonl());
        var analyzed = DossierProcess.Run(folder.Path, "analyze", "rounds.jsonl", "--format", "json");
        analyzed.AssertExit(0);
        Assert.Empty(Schema.Value.Validate(analyzed.Stdout));
        using var fromAnalyze = JsonDocument.Parse(analyzed.Stdout);
        var series = Assert.Single(fromAnalyze.RootElement.GetProperty("series").EnumerateArray());
        Assert.Equal(SeriesReports.SeriesName, series.GetProperty("name").GetString());
        var next = series.GetProperty("next");
        Assert.Equal(SeriesReports.Announced.Month, next.GetProperty("date").GetString());
        Assert.Equal(SeriesReports.Announced.City, next.GetProperty("location").GetString());
        Assert.Equal(SeriesReports.Announced.Ordinal, next.GetProperty("ordinal").GetInt32());
        Assert.Equal(2, next.GetProperty("evidenceIds").GetArrayLength());

        // `show` of the latest round, from the store: the same announced round (ids aside), the same brief line.
        var db = Path.Combine(folder.Path, "d.db");
        DossierProcess.Run(folder.Path, "ingest", "rounds.jsonl", "--db", db).AssertExit(0);
        var listed = DossierProcess.Run(folder.Path, "stories", "--db", db, "--format", "json");
        listed.AssertExit(0);
        using var list = JsonDocument.Parse(listed.Stdout);
        var latest = list.RootElement.GetProperty("stories").EnumerateArray().Single(s => s.GetProperty("date").GetString() == "2026-05-05").GetProperty("id").GetString()!;
        var shown = DossierProcess.Run(folder.Path, "show", latest, "--db", db, "--format", "json");
        shown.AssertExit(0);
        Assert.Empty(Schema.Value.Validate(shown.Stdout));
        using var fromShow = JsonDocument.Parse(shown.Stdout);
        static string WithoutIds(JsonElement next) => string.Join(", ", next.EnumerateObject().Where(p => p.Name is not ("announcedIn" or "evidenceIds")).Select(p => p.Name + "=" + p.Value.ToString()));
        Assert.Equal(WithoutIds(next), WithoutIds(fromShow.RootElement.GetProperty("series")[0].GetProperty("next")));
        Assert.Equal(latest, fromShow.RootElement.GetProperty("series")[0].GetProperty("next").GetProperty("announcedIn").GetString());
        var brief = DossierProcess.Run(folder.Path, "show", latest, "--db", db);
        brief.AssertExit(0);
        Assert.Contains($"- **Series:** {SeriesReports.SeriesName} (3 of 3); previous: Oslo, 2026-03-17, no. 4; next: Oslo, 2026-09, no. 6, announced", brief.Stdout, StringComparison.Ordinal);

        // `export --format jsonl`: each story's line carries its series in the same shape.
        var exported = DossierProcess.Run(folder.Path, "export", "--db", db, "--format", "jsonl");
        exported.AssertExit(0);
        var lines = exported.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        // One story shape: each line is the schema's story, the one analyze's `stories` hold.
        Assert.All(lines, l => Assert.Empty(Schema.Value.Definitions["story"].Validate(l.GetRawText())));
        var line = lines.Single(l => l.GetProperty("id").GetString() == latest);
        // The same fields in the same order as `show` (analyze's writer) gives the story, and its series after them.
        Assert.Equal([.. fromShow.RootElement.GetProperty("stories")[0].EnumerateObject().Select(p => p.Name), "series"], line.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonSerializer.Serialize(fromShow.RootElement.GetProperty("series")[0]), JsonSerializer.Serialize(line.GetProperty("series")));
        Assert.Equal(JsonValueKind.Null, lines.Single(l => l.GetProperty("title").GetString()!.Contains("Flood", StringComparison.Ordinal)).GetProperty("series").ValueKind);
    }

    [Fact]
    public void Evidence_offsets_point_at_the_sentence_in_the_article_text()
    {
        using var folder = new TempFolder();
        folder.File("a.txt", GoodReport);
        folder.File("b.txt", GoodReport.Replace("Tuesday", "Tuesday evening", StringComparison.Ordinal));
        var run = DossierProcess.Run(folder.Path, "analyze", ".", "--format", "json");

        run.AssertExit(0);
        Assert.Empty(Schema.Value.Validate(run.Stdout));
        using var json = JsonDocument.Parse(run.Stdout);
        var texts = json.RootElement.GetProperty("articles").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!, a => a.GetProperty("text").GetString()!);
        var evidence = json.RootElement.GetProperty("stories").EnumerateArray()
            .SelectMany(s => s.GetProperty("claims").EnumerateArray()).SelectMany(c => c.GetProperty("evidence").EnumerateArray()).ToList();
        Assert.NotEmpty(evidence);
        foreach (var e in evidence)
        {
            var text = texts[e.GetProperty("articleId").GetString()!];
            var start = e.GetProperty("start").GetInt32();
            var end = e.GetProperty("end").GetInt32();
            Assert.Equal(e.GetProperty("sentence").GetString(), text[start..end]);
        }
    }

    [Theory]
    [InlineData("json")]
    [InlineData("md")]
    [InlineData("html")]
    public void Same_input_and_clock_give_byte_identical_output(string format)
    {
        using var folder = new TempFolder();
        folder.File("a.txt", GoodReport);
        folder.File("sub/b.txt", GoodReport.Replace("week-long", "nine-day", StringComparison.Ordinal));
        var first = DossierProcess.Run(folder.Path, "analyze", ".", "--format", format);
        var second = DossierProcess.Run(folder.Path, "analyze", ".", "--format", format);

        first.AssertExit(0);
        Assert.NotEmpty(first.StdoutBytes);
        Assert.Equal(first.StdoutBytes, second.StdoutBytes);
    }

    [Fact]
    public void Out_writes_into_a_folder_under_the_default_name()
    {
        using var folder = new TempFolder();
        folder.File("in/a.txt", GoodReport);
        Directory.CreateDirectory(Path.Combine(folder.Path, "out"));
        var run = DossierProcess.Run(folder.Path, "analyze", "in", "--format", "html", "--out", "out");

        run.AssertExit(0);
        Assert.Empty(run.Stdout);
        var html = File.ReadAllText(Path.Combine(folder.Path, "out", "dossier.html"));
        Assert.Contains("Harbour talks end in agreement", html, StringComparison.Ordinal);
        Assert.Contains("Content-Security-Policy", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Article_text_is_escaped_in_html_briefs()
    {
        using var folder = new TempFolder();
        folder.File("x.txt", "Harbour council meets today <script>alert(1)</script>\n\nThe <img src=x onerror=alert(2)> council met on Monday. It agreed.\n");
        var run = DossierProcess.Run(folder.Path, "analyze", "x.txt", "--format", "html");

        run.AssertExit(0);
        Assert.DoesNotContain("<script>", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Glob_patterns_are_expanded_when_the_shell_did_not()
    {
        using var folder = new TempFolder();
        folder.File("a.txt", GoodReport);
        folder.File("b.md", "Not matched\n\nThis file does not match the glob at all.\n");
        var run = DossierProcess.Run(folder.Path, "analyze", "*.txt", "--format", "json");

        run.AssertExit(0);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(["a.txt"], json.RootElement.GetProperty("articles").EnumerateArray().Select(a => Path.GetFileName(a.GetProperty("path").GetString())));
    }

    [Fact]
    public void Stdin_is_read_when_the_path_is_a_dash()
    {
        using var folder = new TempFolder();
        var run = DossierProcess.Run(folder.Path, "analyze", "-", "--format", "json");

        // The harness closes stdin at once: an empty stdin is an input that failed, reported by name.
        run.AssertExit(1);
        Assert.Equal(["dossier: -: empty file"], run.ErrorLines);
    }
}

public class DemoCorpusTests
{
    [Fact]
    public void No_arguments_analyse_the_built_in_demo_corpus_from_any_folder()
    {
        using var folder = new TempFolder();
        var run = DossierProcess.Run(folder.Path, "analyze");

        run.AssertExit(0);
        Assert.Contains("built-in demo corpus", run.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("# Dossier brief", run.Stdout, StringComparison.Ordinal);
        var reports = int.Parse(System.Text.RegularExpressions.Regex.Match(run.Stdout, @"(\d+) reports").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(reports >= 12, $"only {reports} demo reports were analysed");
        Assert.DoesNotContain("README", run.Stdout, StringComparison.Ordinal);
    }
}
