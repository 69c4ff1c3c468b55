using Dossier.Language;
using Dossier.Model;
using Dossier.Testing;

namespace Dossier.Tests.Language;

/// <summary>The bars of issue 4 on the two seed reports (read from ../shared/seeds at run time).</summary>
[Trait("Category", "SharedData")]
public class SeedTests
{
    private static readonly TextAnnotator Annotator = new();

    /// <summary>Report A's body: the text up to the last line that ends with the wire credit.</summary>
    internal static Article ReportA()
    {
        var text = File.ReadAllText(Path.Combine(SharedData.Require("seeds"), "000_8b03f19a8a88b294.txt"));
        var lines = text.Split('\n');
        var last = Array.FindLastIndex(lines, l => l.TrimEnd().EndsWith("- Dawn/ANN", StringComparison.Ordinal));
        return new Article("A", "000", null, string.Join('\n', lines[..(last + 1)]), ArticleMetadata.Empty, []);
    }

    internal static Article ReportB()
    {
        var text = File.ReadAllText(Path.Combine(SharedData.Require("seeds"), "001_a7b499ff036797a9.txt"));
        return new Article("B", "001", null, text, ArticleMetadata.Empty, []);
    }

    private static Mention Person(AnnotatedArticle a, string name) =>
        a.Mentions.FirstOrDefault(m => m.Type == MentionType.Person && m.Canonical == name) ?? throw new Xunit.Sdk.XunitException($"no person {name}");

    [Fact]
    public void People_carry_their_titles_and_actor_codes()
    {
        var a = Annotator.Annotate(ReportA());
        var b = Annotator.Annotate(ReportB());
        foreach (var doc in new[] { a, b })
        {
            var dar = Person(doc, "Ishaq Dar");
            Assert.Contains("Deputy Prime Minister", dar.Titles);
            Assert.Contains("Foreign Minister", dar.Titles);
            Assert.Equal("PAKGOV", dar.Actor);
            var wang = Person(doc, "Wang Yi");
            Assert.Contains("Foreign Minister", wang.Titles);
            Assert.Equal("CHNGOV", wang.Actor);
            var xi = Person(doc, "Xi Jinping");
            Assert.Contains("President", xi.Titles);
            Assert.Equal("CHNGOV", xi.Actor);
        }

        var xu = Person(a, "Xu Jiqing");
        Assert.Contains("Vice President", xu.Titles);
        Assert.Equal("China Minmetals Corporation", xu.Affiliation);
        var chen = Person(a, "Chen Xiaodong");
        Assert.Contains("Chairman", chen.Titles);
        Assert.Equal("China International Development Cooperation Agency", chen.Affiliation);
        Assert.Equal("CHNGOV", chen.Actor);
    }

    [Fact]
    public void Surnames_and_references_resolve_within_the_document()
    {
        var a = Annotator.Annotate(ReportA());
        var text = a.Article.Text;
        Assert.Contains(a.Mentions, m => m.Span.Of(text) == "Dar" && m.Canonical == "Ishaq Dar");
        var sides = a.Mentions.First(m => m.Span.Of(text) == "The two sides");
        Assert.Equal(MentionType.Group, sides.Type);
        Assert.Equal(["Pakistan", "China"], sides.MembersOrEmpty);
        Assert.Contains(a.Mentions, m => m.Span.Of(text) == "Islamabad" && m.Actor == "PAKGOV");
        Assert.All(a.Mentions.Where(m => m.Span.Of(text) is "the statement" or "the communique"), m => Assert.Equal(("joint communique", MentionType.Document), (m.Canonical, m.Type)));
        var b = Annotator.Annotate(ReportB());
        Assert.Contains(b.Mentions, m => m.Span.Of(b.Article.Text) == "Beijing" && m.Actor == "CHNGOV");
    }

    [Fact]
    public void Organisations_are_found_with_their_acronyms()
    {
        var a = Annotator.Annotate(ReportA());
        var text = a.Article.Text;
        Assert.Contains(a.Mentions, m => m.Span.Of(text) == "China Minmetals Corporation" && m.Type == MentionType.Organization && m.Actor == "CHNBUS");
        Assert.Contains(a.Mentions, m => m.Span.Of(text) == "MCC" && m.Canonical == "China Minmetals Corporation");
        Assert.Contains(a.Mentions, m => m.Span.Of(text) == "CIDCA" && m.Canonical == "China International Development Cooperation Agency" && m.Actor == "CHNGOV");
        Assert.Contains(a.Mentions, m => m.Span.Of(text) == "SCO" && m.Canonical == "Shanghai Cooperation Organisation" && m.Actor == "IGOCAS");
    }

    [Fact]
    public void Report_A_times_resolve_from_dates_in_its_own_text()
    {
        var a = Annotator.Annotate(ReportA());
        var text = a.Article.Text;
        string Value(string span) => a.Times.First(t => t.Span.Of(text) == span).Value;
        Assert.Equal("2026-01-04", Value("on Jan 4, 2026"));
        Assert.Equal("2026-01-05", Value("on Monday (Jan 5)"));
        Assert.Equal("2027", Value("next year"));
        Assert.Equal("2025-10", Value("In October"));
        Assert.Equal("2026/2027", Value("from 2026 to 2027"));
        Assert.Equal("2026-01-05", Value("on Monday"));
        Assert.Equal(new DateOnly(2026, 1, 5), a.EventDate);
        Assert.Equal("Beijing", a.EventLocation);
    }

    [Fact]
    public void Report_A_without_its_caption_still_infers_the_year_from_a_weekday_and_its_date()
    {
        var full = ReportA();
        var lines = full.Text.Split('\n').Where(l => !l.Contains("jointly unveil", StringComparison.Ordinal));
        var a = Annotator.Annotate(full with { Text = string.Join('\n', lines) });
        var monday = a.Times.First(t => a.Article.Text.Substring(t.Span.Start, t.Span.Length) == "on Monday (Jan 5)");
        Assert.Equal(("2026-01-05", "text-year"), (monday.Value, monday.ResolvedFrom));
        Assert.Contains(a.Times, t => t.Value == "2027");
    }

    [Fact]
    public void Report_B_has_no_year_but_its_dates_are_inferred()
    {
        var b = Annotator.Annotate(ReportB());
        var text = b.Article.Text;
        string Value(string span) => b.Times.First(t => t.Span.Of(text) == span).Value;
        Assert.Equal("2026-01-03/2026-01-05", Value("from January 3 to 5"));
        Assert.Equal("2026-01-04", Value("on January 4"));
        Assert.Equal("2026-01-05", Value("on Monday"));
        Assert.Equal("2027", Value("next year"));
        Assert.All(b.Times.Where(t => t.Span.Of(text) == "from January 3 to 5"), t => Assert.Equal("text-year", t.ResolvedFrom));
        Assert.Equal(new DateOnly(2026, 1, 5), b.EventDate);
        Assert.Equal("Beijing", b.EventLocation);
    }

    [Fact]
    public void Report_B_can_take_its_reference_date_from_report_A()
    {
        var a = Annotator.Annotate(ReportA());
        var b = Annotator.Annotate(ReportB(), a.EventDate);
        var visit = b.Times.First(t => t.Span.Of(b.Article.Text) == "from January 3 to 5");
        Assert.Equal(("2026-01-03/2026-01-05", "external"), (visit.Value, visit.ResolvedFrom));
    }

    [Fact]
    public void At_least_ninety_percent_of_report_A_quotes_are_attributed_to_their_speaker()
    {
        var a = Annotator.Annotate(ReportA());
        var text = a.Article.Text;
        var lastSection = text.IndexOf("Dar meets mining delegation", StringComparison.Ordinal);
        var direct = a.Quotes.Where(q => q.Direct).ToList();
        var right = direct.Count(q => q.Span.Start < lastSection
            ? q.Speaker == "joint communique"
            : q.Speaker is "Foreign Office" or "Ishaq Dar" || (q.Speaker?.StartsWith("Ishaq Dar and ", StringComparison.Ordinal) ?? false));
        Assert.True(direct.Count >= 50, $"only {direct.Count} direct quotes found");
        Assert.True(right >= 0.9 * direct.Count, $"{right}/{direct.Count} attributed");
    }
}
