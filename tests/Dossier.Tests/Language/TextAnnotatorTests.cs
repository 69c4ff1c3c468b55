using Dossier.Language;
using Dossier.Model;

namespace Dossier.Tests.Language;

public class TextAnnotatorTests
{
    private static Article Article(string text, DateTimeOffset? published = null) =>
        new("t", "t", null, text, published is null ? ArticleMetadata.Empty : new ArticleMetadata { Published = published }, []);

    [Fact]
    public void Annotating_twice_gives_the_same_annotations()
    {
        const string text = "KABUL: Afghan Foreign Minister Amir Khan Muttaqi met Chinese envoys on Monday. \u201cWe want trade,\u201d he said.";
        var annotator = new TextAnnotator();
        var a = annotator.Annotate(Article(text, new DateTimeOffset(2026, 2, 4, 0, 0, 0, TimeSpan.Zero)));
        var b = annotator.Annotate(Article(text, new DateTimeOffset(2026, 2, 4, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(a.Mentions, b.Mentions, (x, y) => x.Span == y.Span && x.Canonical == y.Canonical && x.Actor == y.Actor);
        Assert.Equal(a.Times, b.Times);
        Assert.Equal(a.Quotes, b.Quotes);
    }

    [Fact]
    public void A_known_head_of_state_named_without_nationality_gets_the_government_code()
    {
        var a = new TextAnnotator().Annotate(Article("President William Ruto met Tanzanian President Samia Suluhu Hassan in Nairobi."));
        Assert.Contains(a.Mentions, m => m.Canonical == "William Ruto" && m.Actor == "KENGOV");
        Assert.Contains(a.Mentions, m => m.Canonical == "Samia Suluhu Hassan" && m.Actor == "TZAGOV");
    }

    [Fact]
    public void Publication_date_resolves_relative_times()
    {
        var a = new TextAnnotator().Annotate(Article("The envoy arrived on Monday.", new DateTimeOffset(2026, 2, 4, 9, 0, 0, TimeSpan.Zero)));
        var t = Assert.Single(a.Times);
        Assert.Equal(("2026-02-02", "publication-date"), (t.Value, t.ResolvedFrom));
    }

    [Fact]
    public void A_reference_date_from_outside_wins_and_says_so()
    {
        var annotator = new TextAnnotator();
        var a = annotator.Annotate(Article("The talks ran from March 3 to 5."), new DateOnly(2025, 3, 9));
        var t = Assert.Single(a.Times);
        Assert.Equal(("2025-03-03/2025-03-05", "external"), (t.Value, t.ResolvedFrom));
    }

    [Fact]
    public void Without_any_date_partial_times_stay_unresolved()
    {
        var a = new TextAnnotator().Annotate(Article("The talks ended on March 5."));
        var t = Assert.Single(a.Times);
        Assert.Equal(("XXXX-03-05", "unresolved"), (t.Value, t.ResolvedFrom));
    }

    [Fact]
    public void Reresolve_changes_only_the_times()
    {
        var annotator = new TextAnnotator();
        var first = annotator.Annotate(Article("Ghana and Togo met on Friday."));
        var again = annotator.Reresolve(first, new DateOnly(2026, 1, 12));
        Assert.Equal(first.Mentions, again.Mentions);
        Assert.Equal("2026-01-09", Assert.Single(again.Times).Value);
    }

    [Fact]
    public void Event_date_and_location_come_from_the_lead()
    {
        var a = new TextAnnotator().Annotate(Article("NAIROBI: Kenya and Uganda signed a rail deal on Tuesday (Feb 3) in Mombasa. Work starts next year.", new DateTimeOffset(2026, 2, 5, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 2, 3), a.EventDate);
        Assert.Equal("Mombasa", a.EventLocation);
    }

    [Fact]
    public void A_dateline_inside_the_first_sentence_leaves_that_sentence_in_the_lead()
    {
        // The extractor found the dateline (a two-word city, an agency in brackets) where the sentence splitter did
        // not cut it off: the first sentence still tells the event, and the dateline's own day is not the event's.
        const string text = "SAN CARLOS, May 26 (Reuters) - The harbour board opened its new container terminal in San Carlos on Monday.\n\nThe terminal cost 40 million dollars.";
        var metadata = new ArticleMetadata { Published = new DateTimeOffset(2026, 5, 26, 6, 0, 0, TimeSpan.Zero), Dateline = "SAN CARLOS", DatelineSpan = new TextSpan(0, 10) };
        var a = new TextAnnotator().Annotate(new Article("t", "t", null, text, metadata, []));
        Assert.Equal(new DateOnly(2026, 5, 25), a.EventDate);
    }

    [Fact]
    public void A_day_more_than_a_year_before_the_report_is_background_not_the_event_day()
    {
        var a = new TextAnnotator().Annotate(Article(
            "The regional bloc, founded on 8 August 1967, admitted its eleventh member on Sunday in Kuala Lumpur.",
            new DateTimeOffset(2025, 10, 27, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2025, 10, 26), a.EventDate);
    }

    [Fact]
    public void A_gazetteer_town_after_its_countrys_possessive_is_a_place()
    {
        var a = new TextAnnotator().Annotate(Article("Dockworkers walked out at Ghana's Tema port on Monday, halting container traffic."));
        var tema = Assert.Single(a.Mentions, m => m.Canonical == "Tema");
        Assert.Equal(MentionType.Place, tema.Type);
        Assert.Equal("GHA", tema.Actor);

        // A town's name after another possessive is still no place: "Jackson" may be anyone.
        var b = new TextAnnotator().Annotate(Article("The mayor's Jackson plan was approved on Monday."));
        Assert.DoesNotContain(b.Mentions, m => m.Type == MentionType.Place && m.Canonical == "Jackson");
    }

    [Fact]
    public void A_photo_caption_at_the_head_gives_no_event_place()
    {
        // Where the picture was taken is not where the event happened.
        const string text = "A view of the old port in Mombasa on May 4. (Photo by Ola Berg/PAWIRE)\n\nThe port authority raised its fees at a meeting in Kisumu on Tuesday.";
        var a = new TextAnnotator().Annotate(Article(text, new DateTimeOffset(2026, 5, 6, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal("Kisumu", a.EventLocation);
    }

    [Fact]
    public void Every_annotation_is_a_span_inside_the_text()
    {
        const string text = "\u201cWe will rebuild,\u201d President William Ruto said in Nairobi on Jan. 9, 2026, according to the statement.";
        var a = new TextAnnotator().Annotate(Article(text));
        var spans = a.Sentences.Select(s => s.Span).Concat(a.Mentions.Select(m => m.Span)).Concat(a.Times.Select(t => t.Span)).Concat(a.Quotes.Select(q => q.Span));
        Assert.All(spans, s => Assert.True(s.Start >= 0 && s.End <= text.Length && s.Length > 0, s.ToString()));
    }
}

public class ActorCodeSourceTests
{
    private sealed class FakeDictionary : IActorCodeSource
    {
        public string? CodeFor(string name, DateOnly? date) =>
            name == "Amina Yusuf" ? (date < new DateOnly(2026, 1, 1) ? "NGAOPP" : "NGAGOV") : null;
    }

    [Fact]
    public void A_users_dictionary_codes_people_by_the_date_in_force()
    {
        var annotator = new TextAnnotator(LanguageData.Default, new FakeDictionary());
        var article = new Dossier.Model.Article("t", "t", null, "Amina Yusuf said on Monday that Ghana would help.", new Dossier.Model.ArticleMetadata { Published = new DateTimeOffset(2026, 2, 4, 0, 0, 0, TimeSpan.Zero) }, []);
        var a = annotator.Annotate(article);
        Assert.Equal("NGAGOV", a.Mentions.Single(m => m.Canonical == "Amina Yusuf").Actor);
        Assert.Equal("GHA", a.Mentions.Single(m => m.Canonical == "Ghana").Actor);
    }

    [Fact]
    public void A_gazetteer_town_is_a_place_after_a_locative_word_and_not_elsewhere()
    {
        // Tema and Jackson come from the generated gazetteer (data/actors/gazetteer.tsv), not from our own city list.
        var a = new TextAnnotator().Annotate(new Dossier.Model.Article("t", "t", null, "Dockworkers walked out at the port in Tema on Tuesday. Jackson said the talks would resume.", ArticleMetadata.Empty, []));
        Assert.Contains(a.Mentions, m => m.Type == MentionType.Place && m.Canonical == "Tema" && m.Actor == "GHA");
        Assert.DoesNotContain(a.Mentions, m => m.Type == MentionType.Place && m.Canonical == "Jackson");
        Assert.Equal("Tema", a.EventLocation);
        Assert.False(a.EventLocationFromDateline);
    }

    [Fact]
    public void A_state_of_one_country_is_not_read_as_a_town_of_another()
    {
        // GeoNames has a town Florida in Uruguay and a town Ontario in California; news "in Florida" means the state.
        var a = new TextAnnotator().Annotate(new Dossier.Model.Article("t", "t", null, "Storms flooded homes in Florida and in Ontario on Monday.", ArticleMetadata.Empty, []));
        Assert.DoesNotContain(a.Mentions, m => (m.Canonical, m.Actor) is ("Florida", "URY") or ("Ontario", "USA"));
    }

    [Fact]
    public void A_place_from_the_dateline_alone_says_so()
    {
        const string text = "KISUMU: Runners from six countries took part in the race on Sunday.";
        var article = new Dossier.Model.Article("t", "t", null, text, new ArticleMetadata { DatelineSpan = new TextSpan(0, 6) }, []);
        var a = new TextAnnotator().Annotate(article);
        Assert.Equal("Kisumu", a.EventLocation);
        Assert.True(a.EventLocationFromDateline);
    }
}
