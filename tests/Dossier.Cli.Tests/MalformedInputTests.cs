using System.Text;
using System.Text.Json;

namespace Dossier.Cli.Tests;

/// <summary>Each bad input gives one error line naming it; the rest of the batch is still analysed; exit code 1.</summary>
public class MalformedInputTests
{
    private const string GoodReport = "Council approves budget\n\nRIVERTON: The city council approved the annual budget on Friday after a long debate, the mayor said.\n";

    private static void AssertBatchGoesOn(TempFolder folder, string badName, string expectedReason)
    {
        folder.File("good.txt", GoodReport);
        var run = DossierProcess.Run(folder.Path, "analyze", ".", "--format", "json");

        run.AssertExit(1);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("dossier: ", line, StringComparison.Ordinal);
        Assert.Contains(badName, line, StringComparison.Ordinal);
        Assert.Contains(expectedReason, line, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Stdout);
        var article = Assert.Single(json.RootElement.GetProperty("articles").EnumerateArray());
        Assert.Equal("Council approves budget", article.GetProperty("title").GetString());
    }

    [Fact]
    public void Empty_file_is_reported_and_skipped()
    {
        using var folder = new TempFolder();
        folder.File("empty.txt", "");
        AssertBatchGoesOn(folder, "empty.txt", "empty");
    }

    [Fact]
    public void Binary_file_is_reported_and_skipped()
    {
        using var folder = new TempFolder();
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        folder.File("image.bin", bytes);
        AssertBatchGoesOn(folder, "image.bin", "binary");
    }

    [Fact]
    public void Invalid_utf8_is_reported_and_skipped()
    {
        using var folder = new TempFolder();
        // Damaged UTF-8: a valid two-byte letter, then a three-byte sequence cut short. Text without valid
        // multi-byte sequences would be read as windows-1252 instead (the legacy fallback).
        var bytes = Encoding.UTF8.GetBytes("Headline\n\nThe caf\u00e9 owner said ").Concat(new byte[] { 0xE2, 0x80, 0x41, 0xC3 }).Concat(Encoding.ASCII.GetBytes(" in it.\n")).ToArray();
        folder.File("broken.txt", bytes);
        AssertBatchGoesOn(folder, "broken.txt", "");
    }

    [Fact]
    public void Fifty_megabyte_single_line_file_is_reported_and_skipped()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "huge.txt");
        using (var stream = File.Create(path))
        {
            var chunk = Encoding.ASCII.GetBytes(new string('x', 1 << 20));
            for (var i = 0; i < 50; i++)
            {
                stream.Write(chunk);
            }
        }

        AssertBatchGoesOn(folder, "huge.txt", "limit");
    }

    [Fact]
    public void Folder_without_permission_is_reported_and_skipped()
    {
        using var folder = new TempFolder();
        folder.File("locked/inside.txt", GoodReport);
        File.SetUnixFileMode(Path.Combine(folder.Path, "locked"), UnixFileMode.None);
        folder.File("good.txt", GoodReport);
        // Root reads any folder, so as root the command runs as 'nobody' for this test.
        var asUser = Environment.UserName == "root" ? "nobody" : null;
        File.SetUnixFileMode(folder.Path, (UnixFileMode)0b111_101_101);
        var run = DossierProcess.RunAs(folder.Path, asUser, "analyze", ".", "--format", "json");

        run.AssertExit(1);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("locked", line, StringComparison.Ordinal);
        Assert.Contains("permission denied", line, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Single(json.RootElement.GetProperty("articles").EnumerateArray());
    }
}
