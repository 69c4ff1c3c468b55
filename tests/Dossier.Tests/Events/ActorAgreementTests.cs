using System.Text.Json;
using Dossier.Events;
using Dossier.Language;
using Dossier.Model;
using Dossier.Testing;

namespace Dossier.Tests.Events;

/// <summary>
/// One actor system: a sentence coded on its own (<c>dossier code</c>), explained (<c>dossier explain</c>) and
/// annotated then coded as an article (<c>dossier analyze</c>) gives the same events. The sentences are our own
/// (<c>specs/events/agreement.json</c>), naming countries of every continent.
/// </summary>
public class ActorAgreementTests(ITestOutputHelper output)
{
    private static readonly CameoEventCoder s_coder = new();
    private static readonly TextAnnotator s_annotator = new();

    private static IEnumerable<string> Sentences()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.RepoRoot, "specs", "events", "agreement.json")));
        return [.. doc.RootElement.GetProperty("sentences").EnumerateArray().Select(s => s.GetString()!)];
    }

    private static string Key(IEnumerable<EventRecord> events) =>
        string.Join(" ", events.Select(e => $"{e.Source.Code}>{e.Target.Code}:{e.Code}").Order(StringComparer.Ordinal));

    [Fact]
    public void Code_explain_and_analyze_give_the_same_events()
    {
        var sentences = Sentences().ToList();
        Assert.True(sentences.Count >= 50, "the agreement set shrank");
        var disagreements = new List<string>();
        var coded = 0;
        foreach (var s in sentences)
        {
            var code = Key(s_coder.CodeSentence(s));
            var explain = Key(s_coder.Explain(s).Events);
            var article = s_annotator.Annotate(new Article("agreement", "agreement.txt", null, s, ArticleMetadata.Empty, []));
            var analyze = Key(s_coder.Code(article).Events);
            if (code.Length > 0) coded++;
            output.WriteLine($"{code,-40} {s}");
            if (code != explain || code != analyze) disagreements.Add($"{s}\n  code:    {code}\n  explain: {explain}\n  analyze: {analyze}");
        }
        output.WriteLine($"coded {coded} of {sentences.Count}");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }
}
