using System.Text.Json;
using Dossier.Testing;

namespace Dossier.Cli.Tests;

/// <summary>The per-stage commands, run as a user runs them.</summary>
public class StageCommandTests
{
    private static string Demo(string file) => Path.Combine(SharedData.RepoRoot, "samples", "demo", file);

    [Fact]
    public void Extract_writes_one_json_line_per_feed_item_with_its_record()
    {
        using var folder = new TempFolder();
        var run = DossierProcess.Run(folder.Path, "extract", Demo("09-coastline-business-wire.xml"), "--format", "jsonl");

        run.AssertExit(0);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("record").ToString()));
            Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("text").GetString()));
        }
    }

    [Fact]
    public void Extract_keeps_page_chrome_out_of_a_syndicated_copy_and_says_why()
    {
        using var folder = new TempFolder();
        var run = DossierProcess.Run(folder.Path, "extract", Demo("02-water-treaty-continental-daily.txt"), "--format", "jsonl");

        run.AssertExit(0);
        using var json = JsonDocument.Parse(run.Stdout);
        var text = json.RootElement.GetProperty("text").GetString()!;
        Assert.DoesNotContain("Others Also Read", text, StringComparison.Ordinal);
        Assert.NotEmpty(json.RootElement.GetProperty("removed").EnumerateArray());
    }

    [Fact]
    public void Inspect_lists_removed_blocks_with_reasons()
    {
        using var folder = new TempFolder();
        var run = DossierProcess.Run(folder.Path, "inspect", Demo("02-water-treaty-continental-daily.txt"));

        run.AssertExit(0);
        Assert.Contains("Others Also Read", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Annotate_gives_sentences_mentions_and_times_with_offsets()
    {
        using var folder = new TempFolder();
        var run = DossierProcess.Run(folder.Path, "annotate", Demo("01-water-treaty-highland-tribune.txt"), "--format", "json");

        run.AssertExit(0);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.NotEmpty(json.RootElement.GetProperty("sentences").EnumerateArray());
        Assert.NotEmpty(json.RootElement.GetProperty("mentions").EnumerateArray());
        Assert.NotEmpty(json.RootElement.GetProperty("times").EnumerateArray());
    }

    [Fact]
    public void Annotate_takes_a_users_actor_dictionary_before_the_built_in_codes()
    {
        using var folder = new TempFolder();
        // Our own PETRARCH-format file: a person of the demo with a code no built-in table gives.
        var dictionary = System.IO.Path.Combine(folder.Path, "actors.txt");
        File.WriteAllText(dictionary, "AMINA_WEKESA [ZZZGOV]\n");
        var run = DossierProcess.Run(folder.Path, "annotate", Demo("01-water-treaty-highland-tribune.txt"), "--actors", dictionary);

        run.AssertExit(0);
        using var json = JsonDocument.Parse(run.Stdout);
        var codes = json.RootElement.GetProperty("mentions").EnumerateArray()
            .Where(m => m.GetProperty("canonical").GetString() == "Amina Wekesa").Select(m => m.GetProperty("actor").GetString()).ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, c => Assert.Equal("ZZZGOV", c));

        var missing = DossierProcess.Run(folder.Path, "annotate", Demo("01-water-treaty-highland-tribune.txt"), "--actors", "no-such-file.txt");
        missing.AssertExit(2);
        Assert.Contains("no-such-file.txt: no such dictionary file", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_and_ingest_take_a_users_actor_dictionary_too()
    {
        using var folder = new TempFolder();
        var dictionary = System.IO.Path.Combine(folder.Path, "actors.txt");
        File.WriteAllText(dictionary, "AMINA_WEKESA [ZZZGOV]\n");
        var report = Demo("01-water-treaty-highland-tribune.txt");

        var analyzed = DossierProcess.Run(folder.Path, "analyze", report, "--format", "json", "--actors", dictionary);
        analyzed.AssertExit(0);
        Assert.Contains("\"ZZZGOV\"", analyzed.Stdout, StringComparison.Ordinal);
        var plain = DossierProcess.Run(folder.Path, "analyze", report, "--format", "json");
        Assert.DoesNotContain("ZZZGOV", plain.Stdout, StringComparison.Ordinal);

        var db = System.IO.Path.Combine(folder.Path, "news.db");
        DossierProcess.Run(folder.Path, "ingest", report, "--db", db, "--actors", dictionary).AssertExit(0);
        var exported = DossierProcess.Run(folder.Path, "export", "--format", "jsonl", "--db", db);
        exported.AssertExit(0);
        Assert.Contains("\"ZZZGOV\"", exported.Stdout, StringComparison.Ordinal);

        foreach (var command in new[] { "analyze", "ingest" })
        {
            string[] args = command == "ingest" ? [command, report, "--db", db, "--actors", "no-such-file.txt"] : [command, report, "--actors", "no-such-file.txt"];
            var missing = DossierProcess.Run(folder.Path, args);
            missing.AssertExit(2);
            Assert.Contains($"dossier: {command}: no-such-file.txt: no such dictionary file", missing.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Extract_annotate_and_analyze_give_an_article_the_same_identity_and_metadata_first()
    {
        using var folder = new TempFolder();
        var file = Demo("02-water-treaty-continental-daily.txt");
        var analyzed = DossierProcess.Run(folder.Path, "analyze", file, "--format", "json");
        var extracted = DossierProcess.Run(folder.Path, "extract", file);
        var annotated = DossierProcess.Run(folder.Path, "annotate", file);
        analyzed.AssertExit(0);
        extracted.AssertExit(0);
        annotated.AssertExit(0);

        // The contract's article up to its authors, the part every output of an article starts with.
        static string Head(JsonElement article) =>
            string.Join('\n', article.EnumerateObject().TakeWhile(p => p.Name != "eventDate" && p.Name != "text").Select(p => p.Name + "=" + p.Value.GetRawText()));
        using var contract = JsonDocument.Parse(analyzed.Stdout);
        var expected = Head(contract.RootElement.GetProperty("articles")[0]);
        Assert.StartsWith("id=", expected, StringComparison.Ordinal);
        Assert.EndsWith("authors=" + contract.RootElement.GetProperty("articles")[0].GetProperty("authors").GetRawText(), expected, StringComparison.Ordinal);
        Assert.Contains("dateline=\"", expected, StringComparison.Ordinal);
        using var extract = JsonDocument.Parse(extracted.Stdout);
        using var annotate = JsonDocument.Parse(annotated.Stdout);
        Assert.Equal(expected, Head(extract.RootElement));
        Assert.Equal(expected, Head(annotate.RootElement));
    }

    [Fact]
    public void Ingest_twice_adds_nothing_the_second_time_and_stories_lists_the_stories()
    {
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "d.db");
        var first = DossierProcess.Run(folder.Path, "ingest", Demo("06-quake-pacific-wire-service.txt"), Demo("07-quake-southern-cross-herald.txt"), "--db", db);
        first.AssertExit(0);
        var second = DossierProcess.Run(folder.Path, "ingest", Demo("06-quake-pacific-wire-service.txt"), Demo("07-quake-southern-cross-herald.txt"), "--db", db);
        second.AssertExit(0);
        Assert.Contains("0 articles added", second.Stderr, StringComparison.Ordinal);

        var stories = DossierProcess.Run(folder.Path, "stories", "--db", db);
        stories.AssertExit(0);
        Assert.NotEmpty(stories.Stdout.Trim());
    }
}
