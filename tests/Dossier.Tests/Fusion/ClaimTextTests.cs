using System.Text.RegularExpressions;
using Dossier.Fusion;
using Dossier.Language;
using Dossier.Model;
using Dossier.Reading;
using Dossier.Stories;
using Dossier.Testing;

namespace Dossier.Tests.Fusion;

/// <summary>Claim texts read as statements: no datelines, no participial fragments, no verbless pieces.</summary>
public partial class ClaimTextTests
{
    private static AnnotatedArticle Make(string id, string text) =>
        new(new Article(id, id + ".txt", null, text, new ArticleMetadata { Title = id }, [])) { Sentences = SentenceSplitter.Split(text) };

    private static Story Fuse(params AnnotatedArticle[] articles) =>
        new ClaimFuser().Fuse(new StoryCluster("s1", [.. articles], [.. articles.Select(a => new SourceGroup(a.Article.Id, [a.Article.Id]))]));

    [Theory]
    [InlineData("LISBON - The port authority closed three berths on Friday.", "The port authority closed three berths on Friday.")]
    [InlineData("OSLO, March 3 (Newswire) - Fishermen blocked the harbour entrance overnight.", "Fishermen blocked the harbour entrance overnight.")]
    [InlineData("SAN JOSE, Oct. 12 — Volunteers cleared the trail by noon.", "Volunteers cleared the trail by noon.")]
    [InlineData("Springfield, IL - The council approved the budget.", "The council approved the budget.")]
    [InlineData("LIMA, June 14. /Agency/. The ministry confirmed the figures.", "The ministry confirmed the figures.")]
    [InlineData("US - China talks resumed on Monday.", "US - China talks resumed on Monday.")]
    public void A_wire_dateline_is_taken_off_the_claim_text(string sentence, string expected) =>
        Assert.Equal(expected, ClaimText.Readable(sentence));

    [Theory]
    [InlineData("Speaking after the vote, the mayor said the bridge would reopen in May.", "The mayor said the bridge would reopen in May.")]
    [InlineData("Addressing the crowd, Mayor Lind promised new housing for the district.", "Mayor Lind promised new housing for the district.")]
    [InlineData("During the storm, the ferry stayed in port for two days.", "During the storm, the ferry stayed in port for two days.")]
    [InlineData("According to the agency, prices rose for the third month.", "According to the agency, prices rose for the third month.")]
    public void A_participial_lead_in_is_left_out_when_a_subject_follows(string sentence, string expected) =>
        Assert.Equal(expected, ClaimText.Readable(sentence));

    [Fact]
    public void A_participial_clause_reads_with_the_clause_it_follows()
    {
        const string text = "The storm flooded the lower town on Sunday night, forcing hundreds of families from their homes near the river.";
        var props = Propositions.Of(Make("a", text), 0);
        Assert.All(props, p => Assert.False(IsFragment(p.Text), p.Text));
        Assert.Contains(props, p => p.Text.StartsWith("The storm flooded", StringComparison.Ordinal) && p.Text.Contains("forcing hundreds", StringComparison.Ordinal));
    }

    [Fact]
    public void A_piece_without_a_finite_verb_is_not_cut_off()
    {
        const string text = "Harbour master Ines Duarte, speaking on Tuesday, described the repairs to the quay as urgent and costly for the town.";
        var props = Propositions.Of(Make("a", text), 0);
        Assert.DoesNotContain(props, p => p.Text == "Harbour master Ines Duarte.");
        Assert.All(props, p => Assert.False(IsFragment(p.Text), p.Text));
    }

    [Fact]
    public void Copies_of_one_text_give_the_claims_of_one_copy_with_every_copy_as_evidence()
    {
        const string text = "The river rose two metres overnight in the valley. Rescue teams evacuated four villages on Monday morning. The regional governor declared an emergency for the whole province.";
        var one = Fuse(Make("a0", text));
        var five = Fuse([.. Enumerable.Range(0, 5).Select(i => Make("a" + i, text))]);
        Assert.Equal(one.Claims.Select(c => c.Text), five.Claims.Select(c => c.Text));
        Assert.All(five.Claims, c => Assert.Equal(5, c.Evidence.Length));
        Assert.All(five.Claims, c => Assert.Equal(ClaimStatus.Corroborated, c.Status));
    }

    [Fact]
    [Trait("Category", SharedData.Category)]
    public void On_the_coverage_dev_set_at_most_two_percent_of_claims_are_fragments_and_none_carries_a_dateline()
    {
        var path = SharedData.Require("eval/coverage/dev.jsonl");
        var result = DossierPipeline.Default.Analyze(new InputReader().Read([path]), cancellationToken: TestContext.Current.CancellationToken);
        var claims = result.Stories.SelectMany(s => s.Claims).Select(c => c.Text).ToList();
        Assert.NotEmpty(claims);
        var fragments = claims.Where(IsFragment).ToList();
        Assert.True(fragments.Count <= 0.02 * claims.Count, $"{fragments.Count}/{claims.Count} fragments, e.g. {string.Join(" | ", fragments.Take(5))}");
        Assert.DoesNotContain(claims, c => WireDateline().IsMatch(c));
    }

    /// <summary>Our reading of a fragment: under four words, opening lower-case or with an -ing word, or a bare "Title, Name.".</summary>
    private static bool IsFragment(string claim)
    {
        var words = claim.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 4)
        {
            return true;
        }

        var first = words[0].Trim('"', '\'', '“', '‘', '(');
        if (first.Length == 0 || char.IsLower(first[0]))
        {
            return true;
        }

        return ClaimText.IsParticipleWord(first) || (words.Length <= 7 && BareName().IsMatch(claim));
    }

    [GeneratedRegex(@"^[A-Z][\w'’ -]+, [A-Z][\w.' -]+\.$")]
    private static partial Regex BareName();

    [GeneratedRegex(@"^[A-Z][A-Z .'-]{2,}(?:,\s+[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s+\d{4})?)?\s*(?:\([A-Za-z .]+\))?\s*[-–—:]\s")]
    private static partial Regex WireDateline();
}
