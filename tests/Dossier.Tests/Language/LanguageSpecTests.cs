using Dossier.Model;

namespace Dossier.Tests.Language;

/// <summary>The golden cases of <c>specs/language</c>: every case not tagged NotSupported must pass, and at least 95% overall.</summary>
public class LanguageSpecTests(ITestOutputHelper output)
{
    [Fact]
    public void Sentence_specs_split_where_a_reader_would()
    {
        var outcome = LanguageSpecs.Score("sentences", (a, text, item) =>
        {
            var span = LanguageSpecs.SpanOf(item);
            return a.Sentences.Any(s => s.Span == span) ? null : "got " + string.Join(" | ", a.Sentences.Select(s => s.Span.Of(text)));
        });
        Check(outcome);
    }

    [Fact]
    public void Mention_specs_find_spans_types_canonical_names_and_actor_codes()
    {
        var outcome = LanguageSpecs.Score("mentions", (a, text, item) =>
        {
            var span = LanguageSpecs.SpanOf(item);
            var m = a.Mentions.FirstOrDefault(x => x.Span == span);
            if (m is null)
            {
                return "no mention at this span; got " + string.Join(", ", a.Mentions.Select(x => x.Span.Of(text)));
            }

            var type = LanguageSpecs.Str(item, "type");
            var actor = LanguageSpecs.Str(item, "actor");
            var canonical = LanguageSpecs.Str(item, "canonical");
            if (m.Type.ToString() != type)
            {
                return $"type {m.Type}, expected {type}";
            }

            if (m.Actor != actor)
            {
                return $"actor {m.Actor ?? "none"}, expected {actor ?? "none"}";
            }

            return canonical is not null && m.Canonical != canonical ? $"canonical {m.Canonical}, expected {canonical}" : null;
        });
        Check(outcome);
    }

    [Fact]
    public void Time_specs_resolve_against_the_publication_date()
    {
        var outcome = LanguageSpecs.Score("times", (a, text, item) =>
        {
            var span = LanguageSpecs.SpanOf(item);
            var t = a.Times.FirstOrDefault(x => x.Span == span);
            var value = LanguageSpecs.Str(item, "value");
            if (t is null)
            {
                return "no time at this span; got " + string.Join(", ", a.Times.Select(x => $"{x.Span.Of(text)}={x.Value}"));
            }

            return t.Value == value ? null : $"value {t.Value}, expected {value}";
        });
        Check(outcome);
    }

    [Fact]
    public void Quote_specs_find_quotations_and_their_speakers()
    {
        var outcome = LanguageSpecs.Score("quotes", (a, text, item) =>
        {
            var span = LanguageSpecs.SpanOf(item);
            var q = a.Quotes.FirstOrDefault(x => x.Span == span);
            if (q is null)
            {
                return "no quote at this span; got " + string.Join(", ", a.Quotes.Select(x => $"[{x.Span.Of(text)}]"));
            }

            var speaker = LanguageSpecs.Str(item, "speaker");
            var direct = item.GetProperty("direct").GetBoolean();
            if (q.Direct != direct)
            {
                return $"direct {q.Direct}, expected {direct}";
            }

            return q.Speaker == speaker ? null : $"speaker {q.Speaker ?? "none"}, expected {speaker}";
        });
        Check(outcome);
    }

    [Fact]
    public void Specs_hold_at_least_two_hundred_sentences_of_input()
    {
        var count = 0;
        foreach (var kind in new[] { "sentences", "mentions", "times", "quotes" })
        {
            foreach (var (_, input, _, _) in LanguageSpecs.Cases(kind))
            {
                count += Dossier.Language.SentenceSplitter.Split(input).Length;
            }
        }

        output.WriteLine($"{count} sentences");
        Assert.True(count >= 200, $"only {count} sentences in specs/language");
    }

    private void Check(LanguageSpecs.Outcome outcome)
    {
        output.WriteLine($"{outcome.Passed}/{outcome.Total} right ({outcome.Rate:P1})");
        foreach (var f in outcome.Failures)
        {
            output.WriteLine("FAIL " + f);
        }

        foreach (var u in outcome.UnexpectedPasses)
        {
            output.WriteLine("now passes (drop NotSupported?) " + u);
        }

        Assert.True(outcome.Failures.Count == 0, string.Join("\n", outcome.Failures));
        Assert.True(outcome.Rate >= 0.95, $"{outcome.Rate:P1} < 95%");
    }
}
