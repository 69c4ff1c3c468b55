using Dossier.Testing;

namespace Dossier.Cli.Tests;

/// <summary>The daily-use cases of issue 19, each as a new user would meet it.</summary>
public class DailyUseTests
{
    private static string Demo(string name) => Path.Combine(SharedData.RepoRoot, "samples", "demo", name);

    [Theory]
    [InlineData("stories")]
    [InlineData("search", "treaty")]
    [InlineData("show", "s-0001")]
    [InlineData("export", "--format", "jsonl")]
    public void Read_only_command_on_a_missing_database_fails_in_one_line_and_creates_nothing(params string[] command)
    {
        using var folder = new TempFolder();
        var typo = Path.Combine(folder.Path, "typo.db");
        var run = DossierProcess.Run(folder.Path, [.. command, "--db", typo]);

        run.AssertExit(1);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("typo.db", line, StringComparison.Ordinal);
        Assert.Contains("no such database", line, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Read_only_commands_leave_an_existing_database_unchanged()
    {
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "d.db");
        DossierProcess.Run(folder.Path, "ingest", Demo("06-quake-pacific-wire-service.txt"), "--db", db).AssertExit(0);
        var before = File.ReadAllBytes(db);

        DossierProcess.Run(folder.Path, "stories", "--db", db).AssertExit(0);
        DossierProcess.Run(folder.Path, "search", "quake", "--db", db).AssertExit(0);

        Assert.Equal(before, File.ReadAllBytes(db));
    }

    // Port 1 on loopback: nothing listens, so the connection fails at once (no network beyond loopback).
    private const string SecretDb = "Host=127.0.0.1;Port=1;Database=news;Username=analyst;Password=hunter2-not-shown;Timeout=3";

    [Theory]
    [InlineData("--help")]
    [InlineData("stories", "--help")]
    [InlineData("ingest", "--help")]
    [InlineData("serve", "--help")]
    public void Help_never_prints_the_database_password(params string[] args)
    {
        using var folder = new TempFolder();
        var run = DossierProcess.RunWithEnvironment(folder.Path, new Dictionary<string, string> { ["DOSSIER_DB"] = SecretDb }, args);

        run.AssertExit(0);
        Assert.DoesNotContain("hunter2", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stories")]
    [InlineData("ingest", "-")]
    public void Errors_name_the_database_with_its_password_redacted(params string[] args)
    {
        using var folder = new TempFolder();
        var run = DossierProcess.RunWithEnvironment(folder.Path, new Dictionary<string, string> { ["DOSSIER_DB"] = SecretDb }, args);

        run.AssertExit(1);
        Assert.DoesNotContain("hunter2", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Password=***", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_database_inside_the_input_folder_is_never_read_as_input()
    {
        using var folder = new TempFolder();
        var news = Path.Combine(folder.Path, "news");
        Directory.CreateDirectory(news);
        File.Copy(Demo("06-quake-pacific-wire-service.txt"), Path.Combine(news, "06.txt"));
        File.Copy(Demo("07-quake-southern-cross-herald.txt"), Path.Combine(news, "07.txt"));
        var db = Path.Combine(news, "news.db");

        var first = DossierProcess.Run(folder.Path, "ingest", news, "--db", db);
        first.AssertExit(0);
        // A leftover journal beside the database (a crash, another tool) is the store's too.
        File.WriteAllText(db + "-journal", "");
        var second = DossierProcess.Run(folder.Path, "ingest", news, "--db", db);

        second.AssertExit(0);
        Assert.Contains("2 articles added", first.Stderr, StringComparison.Ordinal);
        Assert.Contains("0 articles added, 2 already stored, 0 failed", second.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("samples/*/01-*.txt", 1)]
    [InlineData("samples/**/0[1]-*.txt", 0)]
    [InlineData("samples/demo/*-quake-*", 4)]
    [InlineData("samples/**/1*-*.txt", 3)]
    public void Quoted_globs_are_expanded_by_the_command(string pattern, int files)
    {
        var run = DossierProcess.Run(SharedData.RepoRoot, "extract", pattern);

        if (files == 0)
        {
            // No match: the pattern itself is reported as missing, in one line, and the run fails.
            run.AssertExit(1);
            Assert.Contains(pattern, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
            return;
        }

        run.AssertExit(0);
        Assert.Equal(files, run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void An_absolute_glob_keeps_its_absolute_paths()
    {
        var pattern = Path.Combine(SharedData.RepoRoot, "samples", "*", "01-*.txt");
        Assert.Equal([Path.Combine(SharedData.RepoRoot, "samples", "demo", "01-water-treaty-highland-tribune.txt")], InputPaths.Glob(pattern));
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("extract")]
    [InlineData("ingest")]
    public void Every_max_size_takes_one_syntax_where_a_plain_number_is_bytes(string command)
    {
        using var folder = new TempFolder();
        var file = Demo("06-quake-pacific-wire-service.txt");
        string[] Args(string size) => command == "ingest"
            ? ["ingest", file, "--db", Path.Combine(folder.Path, "s" + size + ".db"), "--max-size", size]
            : [command, file, "--max-size", size];

        DossierProcess.Run(folder.Path, Args("20MB")).AssertExit(0);
        DossierProcess.Run(folder.Path, Args("512K")).AssertExit(0);
        // 100 bytes: the report is larger, so it is refused (exit 1, named on stderr), the batch still ends normally.
        var tiny = DossierProcess.Run(folder.Path, Args("100"));
        tiny.AssertExit(1);
        Assert.Contains("06-quake-pacific-wire-service.txt", tiny.Stderr, StringComparison.Ordinal);
        var bad = DossierProcess.Run(folder.Path, Args("20 parsecs"));
        bad.AssertExit(2);
        Assert.Contains("--max-size: '20 parsecs' is not a size", Assert.Single(bad.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_takes_the_same_size_syntax()
    {
        using var folder = new TempFolder();
        var bad = DossierProcess.Run(folder.Path, "serve", "--max-request-size", "lots");
        bad.AssertExit(2);
        Assert.Contains("--max-request-size: 'lots' is not a size", Assert.Single(bad.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Stories_and_search_print_the_api_json_with_format_json()
    {
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "d.db");
        DossierProcess.Run(folder.Path, "ingest", Demo("06-quake-pacific-wire-service.txt"), Demo("07-quake-southern-cross-herald.txt"), "--db", db).AssertExit(0);

        var stories = DossierProcess.Run(folder.Path, "stories", "--db", db, "--format", "json");
        stories.AssertExit(0);
        using var list = System.Text.Json.JsonDocument.Parse(stories.Stdout);
        var story = list.RootElement.GetProperty("stories").EnumerateArray().First();
        Assert.False(string.IsNullOrEmpty(story.GetProperty("id").GetString()));
        Assert.True(story.GetProperty("independentSources").GetInt32() >= 1);

        var search = DossierProcess.Run(folder.Path, "search", "quake", "--db", db, "--format", "json");
        search.AssertExit(0);
        using var hits = System.Text.Json.JsonDocument.Parse(search.Stdout);
        var hit = hits.RootElement.EnumerateArray().First();
        Assert.Equal(story.GetProperty("id").GetString(), hit.GetProperty("storyId").GetString());
        Assert.Contains('[', hit.GetProperty("snippet").GetString()!);
    }

    [Fact]
    public void Quiet_ingest_prints_nothing_and_threads_are_checked()
    {
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "d.db");

        var quiet = DossierProcess.Run(folder.Path, "ingest", Demo("06-quake-pacific-wire-service.txt"), "--db", db, "-q", "-j", "1");
        quiet.AssertExit(0);
        Assert.Equal("", quiet.Stderr);
        // Redirected stderr (as here) never gets progress, quiet or not: only the summary line.
        var again = DossierProcess.Run(folder.Path, "ingest", Demo("07-quake-southern-cross-herald.txt"), "--db", db, "--threads", "2");
        again.AssertExit(0);
        Assert.Single(again.ErrorLines);

        var bad = DossierProcess.Run(folder.Path, "analyze", Demo("07-quake-southern-cross-herald.txt"), "-j", "0");
        bad.AssertExit(2);
        Assert.Contains("--threads", Assert.Single(bad.ErrorLines), StringComparison.Ordinal);
        var analyzeQuiet = DossierProcess.Run(folder.Path, "analyze", "-q", "--format", "json");
        analyzeQuiet.AssertExit(0);
        Assert.Equal("", analyzeQuiet.Stderr);
    }
}
