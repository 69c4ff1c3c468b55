using System.Text;
using System.Text.Json;
using Dossier.Events;
using Dossier.Language;
using Dossier.Model;
using Dossier.Testing;

namespace Dossier.Tests.Events;

/// <summary>
/// Real-world precision and recall of the built-in coder against our gold lists in <c>specs/events/</c>:
/// the two seed reports (coded as articles) and sentences of our own news-style writing.
/// An event is right when its source and target codes start with the gold ones and its root code matches.
/// </summary>
public class GoldEventsTests(ITestOutputHelper output)
{
    // Precision is held at the bar (90 %): since issue 17 the coder also codes one-sided acts (protests, arrests,
    // attacks on unnamed people) and the CAMEO 2.0 verbs, which our dyadic gold lists do not list, so some right
    // events count as wrong here. Recall: the figures reached; a change that lowers them fails the test.
    private const double SeedPrecisionReached = 0.90;
    private const double SeedRecallReached = 0.71;
    private const double NewsPrecisionReached = 0.90;
    private const double NewsRecallReached = 0.90;

    private sealed record Gold(string Source, string Target, IReadOnlyList<string> Roots);

    private static string Spec(string name) => Path.Combine(SharedData.RepoRoot, "specs", "events", name);

    [Fact]
    public void Own_news_sentences_are_coded_with_high_precision()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Spec("news-gold.json")));
        var coder = new CameoEventCoder();
        var score = new Score();
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            var text = c.GetProperty("text").GetString()!;
            var gold = c.GetProperty("events").EnumerateArray()
                .Select(e => new Gold(e.GetProperty("source").GetString()!, e.GetProperty("target").GetString()!, [e.GetProperty("root").GetString()!])).ToList();
            score.Add(text, coder.CodeSentence(text), gold);
        }
        Report("news", score);
        Assert.True(score.Gold >= 130, "the gold list shrank");
        Assert.True(score.Precision >= NewsPrecisionReached, $"precision {score.Precision:P1}");
        Assert.True(score.Recall >= NewsRecallReached, $"recall {score.Recall:P1}");
    }

    [Fact]
    [Trait("Category", SharedData.Category)]
    public void Seed_reports_are_coded_with_high_precision()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Spec("seed-gold.json")));
        var coder = new CameoEventCoder();
        var score = new Score();
        foreach (var report in doc.RootElement.GetProperty("reports").EnumerateObject())
        {
            var path = SharedData.Require(report.Value.GetProperty("file").GetString()!);
            var body = report.Value.GetProperty("bodySentences").GetInt32();
            var text = File.ReadAllText(path);
            var sentences = SentenceSplitter.Split(text);
            var article = new AnnotatedArticle(new Article(report.Name, path, null, text, ArticleMetadata.Empty, [])) { Sentences = sentences };
            var events = coder.Code(article).Events;
            var gold = doc.RootElement.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("report").GetString() == report.Name).ToList();
            for (var s = 0; s < body; s++)
            {
                var sentence = sentences[s].Span.Of(text);
                var here = gold.Where(e => e.GetProperty("sentence").GetInt32() == s).ToList();
                foreach (var e in here)
                {
                    var key = e.GetProperty("key").GetString()!;
                    Assert.True(sentence.Contains(key, StringComparison.OrdinalIgnoreCase), $"{report.Name}#{s}: key '{key}' not in the sentence (index drift?)");
                }
                score.Add($"{report.Name}#{s}: {sentence[..Math.Min(70, sentence.Length)]}", events.Where(x => x.SentenceIndex == s).ToList(),
                    here.Select(e => new Gold(e.GetProperty("source").GetString()!, e.GetProperty("target").GetString()!,
                        [.. e.GetProperty("roots").EnumerateArray().Select(r => r.GetString()!)])).ToList());
            }
        }
        Report("seeds", score);
        Assert.True(score.Gold >= 60, "the gold list shrank");
        Assert.True(score.Precision >= SeedPrecisionReached, $"precision {score.Precision:P1}");
        Assert.True(score.Recall >= SeedRecallReached, $"recall {score.Recall:P1}");
    }

    private void Report(string name, Score score)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{name}: coded {score.Coded}, right {score.Right}, gold {score.Gold}, found {score.Found}; precision {score.Precision:P1}, recall {score.Recall:P1}");
        sb.AppendLine("root  coded  right  gold  found");
        foreach (var root in score.Roots.Keys.Order(StringComparer.Ordinal))
        {
            var r = score.Roots[root];
            sb.AppendLine($"{root}    {r.Coded,5}  {r.Right,5}  {r.Gold,4}  {r.Found,5}");
        }
        sb.Append(score.Log);
        output.WriteLine(sb.ToString());
        if (Environment.GetEnvironmentVariable("DOSSIER_EVENTS_REPORT") is { Length: > 0 } path) File.WriteAllText(path + "." + name, sb.ToString());
    }

    private sealed class Score
    {
        public int Coded, Right, Gold, Found;
        public readonly SortedDictionary<string, (int Coded, int Right, int Gold, int Found)> Roots = new(StringComparer.Ordinal);
        public readonly StringBuilder Log = new();
        public double Precision => Coded == 0 ? 1 : (double)Right / Coded;
        public double Recall => Gold == 0 ? 1 : (double)Found / Gold;

        public void Add(string label, IReadOnlyList<EventRecord> events, List<Gold> gold)
        {
            // One coded event per (source, target, root): the root level is what the gold list states.
            var coded = events.GroupBy(e => (e.Source.Code, e.Target.Code, e.RootCode)).Select(g => g.First()).ToList();
            var used = new bool[gold.Count];
            foreach (var e in coded)
            {
                var hit = gold.FindIndex(g => e.Source.Code.StartsWith(g.Source, StringComparison.Ordinal) && e.Target.Code.StartsWith(g.Target, StringComparison.Ordinal) && g.Roots.Contains(e.RootCode));
                var root = e.RootCode;
                var r = Roots.GetValueOrDefault(root);
                Coded++;
                if (hit >= 0 && !used[hit]) { used[hit] = true; Right++; Roots[root] = (r.Coded + 1, r.Right + 1, r.Gold, r.Found); }
                else { Roots[root] = (r.Coded + 1, r.Right, r.Gold, r.Found); Log.AppendLine($"WRONG {e.Source.Code}>{e.Target.Code}:{e.Code}  {label}"); }
            }
            for (var i = 0; i < gold.Count; i++)
            {
                var root = gold[i].Roots[0];
                var r = Roots.GetValueOrDefault(root);
                Gold++;
                if (used[i]) { Found++; Roots[root] = (r.Coded, r.Right, r.Gold + 1, r.Found + 1); }
                else { Roots[root] = (r.Coded, r.Right, r.Gold + 1, r.Found); Log.AppendLine($"MISSED {gold[i].Source}>{gold[i].Target}:{root}  {label}"); }
            }
        }
    }
}
