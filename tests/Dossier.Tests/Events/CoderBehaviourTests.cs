using Dossier.Events;

namespace Dossier.Tests.Events;

public class CoderBehaviourTests
{
    private static readonly CameoEventCoder s_coder = new();

    private static string[] Code(string s) => [.. s_coder.CodeSentence(s).Select(e => $"{e.Source.Code}>{e.Target.Code}:{e.Code}").Order(StringComparer.Ordinal)];

    [Fact]
    public void Negated_verbs_are_not_coded_as_the_positive_event() => Assert.Empty(Code("India did not condemn Pakistan."));

    [Fact]
    public void Passive_voice_with_by_swaps_source_and_target() => Assert.Equal(["CHN>PAK:111"], Code("Pakistan was criticised by China."));

    [Fact]
    public void Joint_subject_of_a_mutual_verb_acts_on_itself() => Assert.Equal(["CHN>PAK:057", "PAK>CHN:057"], Code("Pakistan and China signed an agreement."));

    [Fact]
    public void Coordinated_actions_give_several_events() =>
        Assert.Equal(["EGY>ISR:111", "EGY>PSE:020"], Code("Egypt condemned Israel and called on Palestinians to negotiate."));

    [Fact]
    public void Reported_speech_codes_the_reported_action() =>
        Assert.Equal(["CHN>PAK:051"], Code("The statement said that China commended Pakistan."));

    [Fact]
    public void A_verb_used_as_a_noun_is_not_coded() => Assert.Empty(Code("The attack on Pakistan was condemned."));

    [Theory]
    [InlineData("NAIROBI, March 3, 2026 - Kenya signed a trade agreement with Tanzania.")]
    [InlineData("On 3 March Kenya signed a trade agreement with Tanzania.")]
    public void A_month_in_a_date_is_not_the_verb_march(string sentence) => Assert.Equal(["KEN>TZA:057"], Code(sentence));

    [Fact]
    public void The_verb_march_is_still_coded() => Assert.Contains(Code("Kenyans marched against Uganda."), e => e.StartsWith("KEN>UGA:", StringComparison.Ordinal));

    [Fact]
    public void Appeal_and_pledge_are_modalities()
    {
        var appeal = s_coder.CodeSentence("Kenya urged Somalia to negotiate.");
        Assert.Equal(Dossier.Model.EventModality.Appeal, Assert.Single(appeal).Modality);
        var pledge = s_coder.CodeSentence("Germany pledged aid to Ukraine.");
        Assert.Equal(Dossier.Model.EventModality.Pledge, Assert.Single(pledge).Modality);
    }

    [Fact]
    public void Spans_point_at_source_verb_and_target()
    {
        const string s = "Japan praised Vietnam.";
        var e = Assert.Single(s_coder.CodeSentence(s));
        Assert.Equal("Japan", e.Source.Span!.Value.Of(s));
        Assert.Equal("praised", e.VerbSpan.Of(s));
        Assert.Equal("Vietnam", e.Target.Span!.Value.Of(s));
        Assert.Equal("CONSULT", s_coder.CodeSentence("Japan met Vietnam.")[0].PloverType);
    }
}
