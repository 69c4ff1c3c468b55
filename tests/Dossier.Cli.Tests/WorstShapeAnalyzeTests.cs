using System.Text;
using System.Text.Json;

namespace Dossier.Cli.Tests;

/// <summary>
/// Issue 20, end to end: a huge input of a hostile shape goes through <c>analyze</c> whole, is kept whole in the
/// output, is annotated up to the language stage's limit and reported in one line; the batch goes on. Times and
/// memory are measured by benchmarks/worst-shapes.sh, not here.
/// </summary>
public class WorstShapeAnalyzeTests
{
    [Fact]
    public void A_text_of_megabytes_without_a_sentence_end_is_analysed_read_in_part_and_reported()
    {
        using var folder = new TempFolder();
        var words = "the minister said that water talks would resume after a long pause in the capital ".Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var text = new StringBuilder();
        for (var i = 0; text.Length < 4_000_000; i++)
        {
            text.Append(words[(i * 7) % words.Length]).Append(' ');
        }

        folder.File("giant.txt", text.ToString());
        folder.File("good.txt", "Council approves budget\n\nRIVERTON: The city council approved the annual budget on Friday after a long debate, the mayor said.\n");

        var run = DossierProcess.Run(folder.Path, "analyze", ".", "--format", "json");

        run.AssertExit(1);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("dossier: ", line, StringComparison.Ordinal);
        Assert.Contains("giant.txt", line, StringComparison.Ordinal);
        Assert.Contains("annotated the first", line, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Stdout);
        var articles = json.RootElement.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(2, articles.Count);
        var giant = articles.Single(a => a.GetProperty("path").GetString()!.EndsWith("giant.txt", StringComparison.Ordinal));
        Assert.True(giant.GetProperty("text").GetString()!.Length > 3_900_000, "the text is kept whole");
        Assert.InRange(giant.GetProperty("sentenceCount").GetInt32(), 1, 60_000 / 1_000 + 1);

        // `ingest` stores both and says the same of the giant one.
        var ingest = DossierProcess.Run(folder.Path, "ingest", "giant.txt", "good.txt", "--db", "store.db");
        ingest.AssertExit(1);
        var ingestLine = Assert.Single(ingest.ErrorLines, l => l.Contains("annotated the first", StringComparison.Ordinal));
        Assert.Contains("giant.txt", ingestLine, StringComparison.Ordinal);
        var stories = DossierProcess.Run(folder.Path, "stories", "--db", "store.db", "--format", "json");
        stories.AssertExit(0);
        using var listed = JsonDocument.Parse(stories.Stdout);
        Assert.Equal(2, listed.RootElement.GetProperty("stories").GetArrayLength());
    }
}
