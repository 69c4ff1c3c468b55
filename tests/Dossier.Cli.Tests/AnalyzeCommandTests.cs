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
        folder.File("x.txt", "Title <script>alert(1)</script>\n\nThe <img src=x onerror=alert(2)> council met on Monday. It agreed.\n");
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
