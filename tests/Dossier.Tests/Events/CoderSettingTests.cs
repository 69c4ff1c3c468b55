using Dossier.Events;

namespace Dossier.Tests.Events;

/// <summary>The act's setting (promised, demanded, refused), one-sided acts and word senses (issue 17). Our own sentences.</summary>
public class CoderSettingTests
{
    private static readonly CameoEventCoder s_coder = new();

    private static string[] Code(string s) => [.. s_coder.CodeSentence(s).Select(e => $"{e.Source.Code}>{e.Target.Code}:{e.Code}").Order(StringComparer.Ordinal)];

    [Fact]
    public void A_promised_act_is_an_expression_of_intent() => Assert.Equal(["CHL>PER:033"], Code("Chile will send medical aid to Peru."));

    [Fact]
    public void An_offer_to_mediate_is_intent_to_mediate() =>
        Assert.Equal(["URY>BOL:039", "URY>CHL:039"], Code("Uruguay offered to mediate between Chile and Bolivia."));

    [Fact]
    public void A_promised_sanction_is_a_threat() => Assert.Equal(["ARG>CHL:1312"], Code("Argentina will impose sanctions on Chile."));

    [Fact]
    public void What_another_party_must_do_is_the_speaker_s_demand() =>
        Assert.Equal(["BRA>PRY:1053"], Code("Brazil said that Paraguay must release the detained farmers."));

    [Fact]
    public void The_that_clause_of_a_demand_is_not_coded_as_done() => Assert.Equal(["GHA>TGO:100"], Code("Ghana demanded that Togo close the border crossing."));

    [Fact]
    public void A_failed_act_is_not_coded() => Assert.Empty(Code("Norway and Sweden failed to agree on fishing quotas."));

    [Fact]
    public void A_refused_act_is_a_rejection() => Assert.Equal(["KEN>SOM:125"], Code("Kenya refused to meet Somalia."));

    [Fact]
    public void A_protest_without_a_target_is_coded_against_the_place() =>
        Assert.Equal(["KENEDU>KEN:141"], Code("Thousands of students staged a protest in Nairobi."));

    [Fact]
    public void An_agreement_to_act_needs_no_addressee() =>
        Assert.Equal(["PERGOV>PER:030"], Code("The Peruvian government agreed to postpone the vote."));

    [Fact]
    public void A_role_without_a_country_acting_on_one_country_is_that_country_s() =>
        Assert.Equal(["UGAOPP>UGAGOV:111"], Code("The opposition condemned the Ugandan government."));

    [Fact]
    public void A_threat_by_a_bare_role_belongs_to_the_place() =>
        Assert.Equal(["BOLGOV>BOL:1312"], Code("The president threatened to impose a curfew in La Paz."));

    [Fact]
    public void A_plural_noun_ending_the_clause_is_not_a_verb() =>
        Assert.Empty(Code("A Ghanaian plane carried UN election monitors."));

    [Fact]
    public void An_attack_whose_doer_is_not_named_comes_from_the_place() =>
        Assert.Equal(["SOM>KENMIL:190"], Code("Two Kenyan soldiers were killed in Somalia."));

    [Fact]
    public void An_acronym_before_a_noun_for_people_names_whose_people_they_are() =>
        Assert.Equal(["USA>MEX:190"], Code("US servicemen attacked Mexico."));

    [Fact]
    public void A_state_of_siege_is_imposed_at_home() =>
        Assert.Equal(["HTIGOV>HTI:1724"], Code("The Haitian government declared a state of siege."));

    [Fact]
    public void Police_acting_at_home_need_no_target() => Assert.Equal(["EGYCOP>EGY:173"], Code("Egyptian police arrested twelve protesters."));

    [Fact]
    public void A_visit_is_to_the_place_arrived_in() => Assert.Equal(["IDNGOV>AUS:042"], Code("The Indonesian president arrived in Canberra on Monday."));

    [Fact]
    public void A_pronoun_after_a_speech_verb_is_the_speaker() =>
        Assert.Equal(["MAR>DZAGOV:035"], Code("Morocco said it would allow the return of Algerian diplomats."));

    [Fact]
    public void A_month_inside_a_sentence_is_not_the_verb_march() => Assert.Empty(Code("Fiji warned last March that it would impose a curfew."));

    [Fact]
    public void A_purpose_infinitive_is_not_an_act() => Assert.Equal(["SEN>GMB:051"], Code("Senegal praised Gambia for its efforts to protect refugees."));

    [Fact]
    public void PETRARCH_reading_codes_the_bare_verb() =>
        Assert.Equal(["CHL>PER:070"], [.. new CameoEventCoder(CoderDictionaries.BuiltIn, CoderOptions.Petrarch).CodeSentence("Chile will send medical aid to Peru.").Select(e => $"{e.Source.Code}>{e.Target.Code}:{e.Code}")]);
}
