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
}
