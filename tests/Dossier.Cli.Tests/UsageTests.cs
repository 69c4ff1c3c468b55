namespace Dossier.Cli.Tests;

public class UsageTests
{
    [Fact]
    public void Unknown_format_is_a_usage_error()
    {
        using var folder = new TempFolder();
        var run = DossierProcess.Run(folder.Path, "analyze", "--format", "pdf");

        run.AssertExit(2);
        Assert.StartsWith("dossier: ", run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_option_is_a_usage_error()
    {
        using var folder = new TempFolder();
        var run = DossierProcess.Run(folder.Path, "analyze", "--no-such-option");

        run.AssertExit(2);
        Assert.Contains("--no-such-option", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_command_is_a_usage_error()
    {
        using var folder = new TempFolder();
        Assert.Equal(2, DossierProcess.Run(folder.Path, "frobnicate").ExitCode);
    }

    [Fact]
    public void Every_command_has_help()
    {
        using var folder = new TempFolder();
        var root = DossierProcess.Run(folder.Path, "--help");
        root.AssertExit(0);
        var commands = root.Stdout.Split('\n').SkipWhile(l => !l.StartsWith("Commands:", StringComparison.Ordinal)).Skip(1)
            .Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => l.Split(' ')[0]).ToList();
        Assert.Contains("analyze", commands);
        foreach (var command in commands)
        {
            var help = DossierProcess.Run(folder.Path, command, "--help");
            help.AssertExit(0);
            Assert.Contains("Usage:", help.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Version_is_printed()
    {
        using var folder = new TempFolder();
        var run = DossierProcess.Run(folder.Path, "--version");
        run.AssertExit(0);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Stdout);
    }
}
