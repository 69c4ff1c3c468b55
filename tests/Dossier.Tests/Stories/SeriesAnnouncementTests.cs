using System.Collections.Immutable;
using System.Text.Json;
using Dossier.Model;
using Dossier.Output;
using Dossier.Reading;
using Dossier.Stories;

namespace Dossier.Tests.Stories;

/// <summary>
/// The next occurrence a series' latest story announces, and the series' name as its reports write it. Reports are
/// our own writing: a strategic dialogue between two foreign ministries and a river commission, with the sentences
/// that announce (or only recall) a round.
/// </summary>
public class SeriesAnnouncementTests
{
    private const string Dialogue = "Chile-Argentina Foreign Ministers' Strategic Dialogue";

    // Two reports of the seventh round, each announcing the eighth in its own words.
    private static readonly (string Title, string Published, string Outlet, string Text)[] SeventhRound =
    [
        ("Chile and Argentina hold seventh round of strategic dialogue in Santiago", "2026-08-14T18:00:00Z", "Andes Ledger",
            "SANTIAGO, August 14 - The foreign ministers of Chile and Argentina met in Santiago on Friday for the seventh round of the " + Dialogue + ". " +
            "They discussed border crossings, lithium exports and fisheries in the south. The ministers agreed to hold the eighth round in Buenos Aires next year."),
        ("Argentine and Chilean ministers close strategic dialogue with lithium pledge", "2026-08-14T21:00:00Z", "Pampas Wire",
            "The seventh " + Dialogue + " ended in Santiago on Friday with a joint pledge on lithium exports and new border crossings. " +
            "Both delegations praised the tone of the talks. Buenos Aires will host the next round in 2027, the Chilean foreign ministry said."),
    ];

    private static AnalysisResult Analyze(IEnumerable<(string Title, string Published, string Outlet, string Text)> reports)
    {
        var path = Path.Combine(Path.GetTempPath(), "dossier-series-" + Guid.NewGuid().ToString("N") + ".jsonl");
        File.WriteAllLines(path, reports.Select(r => JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["title"] = r.Title,
            ["published"] = r.Published,
            ["outlet"] = r.Outlet,
            ["url"] = $"https://{r.Outlet.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()}.example/{r.Published[..10]}",
            ["text"] = r.Title + "\n\n" + r.Text,
        })));
        try
        {
            return DemoCorpus.Pipeline().Analyze(new InputReader().Read([path]));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Reports_announcing_the_next_round_give_the_series_its_place_year_and_number()
    {
        var result = Analyze(SeventhRound);
        var story = Assert.Single(result.Stories);

        // One round held and one announced: a series of its own, named as the reports write the dialogue's name.
        var series = Assert.Single(result.Series);
        Assert.Equal(Dialogue, series.Name);
        Assert.Equal(story.Id, Assert.Single(series.Stories).StoryId);
        var next = Assert.IsType<AnnouncedOccurrence>(series.Next);
        Assert.Equal("Buenos Aires", next.Location);
        Assert.Equal("2027", next.Date);
        Assert.Equal(8, next.Ordinal);
        Assert.Equal(story.Id, next.AnnouncedIn);
        Assert.Equal(story.ArticleIds.Order(StringComparer.Ordinal), next.EvidenceIds);
    }

    [Fact]
    public void The_announcement_does_not_depend_on_the_order_of_the_reports()
    {
        // Article ids name the input record, so the evidence is compared by outlet.
        static (StorySeriesRecord Series, string Evidence) Run(IEnumerable<(string, string, string, string)> reports)
        {
            var result = Analyze(reports);
            var outlet = result.Articles.ToDictionary(a => a.Article.Id, a => a.Article.Metadata.Outlet, StringComparer.Ordinal);
            var series = result.Series.Single();
            return (series, string.Join(", ", series.Next!.EvidenceIds.Select(id => outlet[id]).Order(StringComparer.Ordinal)));
        }

        var (forward, forwardEvidence) = Run(SeventhRound);
        var (backward, backwardEvidence) = Run(SeventhRound.Reverse());
        Assert.Equal(forward.Name, backward.Name);
        Assert.Equal((forward.Next!.Date, forward.Next.Location, forward.Next.Ordinal), (backward.Next!.Date, backward.Next.Location, backward.Next.Ordinal));
        Assert.Equal("Andes Ledger, Pampas Wire", forwardEvidence);
        Assert.Equal(forwardEvidence, backwardEvidence);
    }

    [Fact]
    public void Rounds_that_are_recalled_or_dated_before_the_story_are_not_announcements()
    {
        var result = Analyze(
        [
            ("Chile and Argentina hold seventh round of strategic dialogue in Santiago", "2026-08-14T18:00:00Z", "Andes Ledger",
                "The foreign ministers of Chile and Argentina met in Santiago on Friday for the seventh round of their strategic dialogue. " +
                // An earlier round, and a "next round" dated before the story: background, not an announcement.
                "The sixth round was held in Buenos Aires in 2025. Officials recalled that the next round after the fifth was scheduled to take place in Mendoza in March 2025. " +
                "The ministers discussed lithium exports."),
            ("Strategic dialogue: Chile and Argentina talk lithium", "2026-08-14T20:00:00Z", "Pampas Wire",
                "Chile and Argentina held the seventh round of their strategic dialogue in Santiago on Friday, discussing lithium exports and border crossings."),
        ]);
        Assert.Single(result.Stories);
        // Nothing announced, and one story alone is no series.
        Assert.Empty(result.Series);
    }

    [Fact]
    [Trait("Category", Dossier.Testing.SharedData.Category)]
    public void The_seed_reports_name_their_dialogue_and_the_round_they_announce()
    {
        // The issue's own example: the two seed reports of one round of a strategic dialogue announce the next round.
        var result = DemoCorpus.Analyze(Directory.GetFiles(Dossier.Testing.SharedData.Require("seeds"), "*.txt").Order(StringComparer.Ordinal));
        var story = Assert.Single(result.Stories);
        var series = Assert.Single(result.Series);
        Assert.Contains("Strategic Dialogue", series.Name, StringComparison.Ordinal);
        Assert.StartsWith("China-Pakistan", series.Name, StringComparison.Ordinal);
        var next = Assert.IsType<AnnouncedOccurrence>(series.Next);
        Assert.Equal(("2027", "Islamabad", (int?)8), (next.Date, next.Location, next.Ordinal));
        Assert.Equal(story.ArticleIds.Order(StringComparer.Ordinal), next.EvidenceIds);
    }

    private static SeriesDigest Digest(string id, string date, int ordinal, AnnouncedOccurrence? announced = null, string[]? names = null) =>
        new(id, "Round " + id, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), "santiago",
            [.. new[] { "lithium", "border", "dialogue", "chile", "argentina", "minister", "strategic", "crossing" }.Select(w => (ArticleFeatures.TermKey(w), 2)).OrderBy(t => t.Item1)],
            ["chile", "argentina", "ana lopez"], ["round:" + ordinal], true)
        {
            Labels = ["Chile", "Argentina", "Ana López"],
            Names = names is null ? [] : [.. names],
            Announced = announced,
        };

    private static AnnouncedOccurrence Announce(string story, string? date, string? place, int? ordinal) => new(date, place, ordinal, story, ["r-" + story]);

    [Fact]
    public void Only_the_latest_story_s_announcement_is_still_to_come_whatever_the_order_of_the_stories()
    {
        // The sixth round announced the seventh, which was held: only the seventh's announcement of the eighth is next.
        List<SeriesDigest> digests =
        [
            Digest("r6", "2025-09-02", 6, Announce("r6", "2026", "Santiago", 7)),
            Digest("r7", "2026-08-14", 7, Announce("r7", "2027", "Buenos Aires", 8)),
        ];
        var expected = Assert.Single(StorySeries.Link(digests));
        Assert.Equal(Announce("r7", "2027", "Buenos Aires", 8).Location, expected.Next?.Location);
        for (var seed = 1; seed <= 4; seed++)
        {
            var random = new Random(seed);
            var linked = Assert.Single(StorySeries.Link([.. digests.OrderBy(_ => random.Next())]));
            Assert.Equal(expected.Next, linked.Next);
            Assert.Equal(expected.Name, linked.Name);
        }

        // When only an earlier story announced, the announced round was held: nothing is next.
        Assert.Null(Assert.Single(StorySeries.Link([digests[0], Digest("r7", "2026-08-14", 7)])).Next);

        // An announced number some story already carries was held too.
        Assert.Null(Assert.Single(StorySeries.Link([Digest("r6", "2025-09-02", 6), Digest("r7", "2026-08-14", 7, Announce("r7", "2027", null, 7))])).Next);
    }

    [Fact]
    public void A_series_is_named_as_most_of_its_stories_write_it_and_otherwise_by_the_written_names_they_share()
    {
        // Two of three stories write the dialogue's name; the third a name of its own: the shared one wins, capitals kept.
        var named = Assert.Single(StorySeries.Link(
        [
            Digest("r5", "2024-09-02", 5, names: [Dialogue]),
            Digest("r6", "2025-09-02", 6, names: [Dialogue, "Santiago Lithium Forum"]),
            Digest("r7", "2026-08-14", 7, names: ["Andes Summit"]),
        ]));
        Assert.Equal(Dialogue, named.Name);

        // No name most stories share: the names they all mention as the reports write them, and the series noun.
        var unnamed = Assert.Single(StorySeries.Link([Digest("r6", "2025-09-02", 6), Digest("r7", "2026-08-14", 7, names: ["Andes Summit"])]));
        Assert.Equal("Ana López, Argentina, Chile: round", unnamed.Name);
    }

    [Fact]
    public void Names_are_read_from_sentences_not_from_headlines_in_title_case()
    {
        var nouns = StorySeries.RecurringNouns.Value;
        IEnumerable<string> Names(string title, string text) =>
            SeriesNames.Of(new AnnotatedArticle(new Article("a1", "a.txt", null, text, new ArticleMetadata { Title = title }, [])), TextTerms.Words(title), TextTerms.Words(text), nouns);
        Assert.Empty(Names("Ministers Open Lithium Talks In Santiago Amid Border Dispute", "Ministers met on Friday."));
        Assert.Equal(["Mekong River Commission Summit"], Names("", "Leaders gathered for the Mekong River Commission Summit on Monday."));
        // Lower-case words between an ordinal and its noun are kept as written when they hold a name.
        Assert.Equal(["Chile-Argentina strategic dialogue"], Names("", "They opened the 7th Chile-Argentina strategic dialogue."));
    }

    [Fact]
    public void The_json_the_brief_and_the_story_object_carry_the_announced_round()
    {
        var series = new StorySeriesRecord("series-r6", Dialogue,
            [new SeriesEntry("r6", "Round six", new DateOnly(2025, 9, 2), "Buenos Aires", 6), new SeriesEntry("r7", "Round seven", new DateOnly(2026, 8, 14), "Santiago", 7)])
        {
            Next = new AnnouncedOccurrence("2027", "Buenos Aires", 8, "r7", ["a1", "a2"]),
        };

        var line = BriefLayout.SeriesLine(new Story { Id = "r7", Title = "Round seven" }, [series]);
        Assert.Equal(Dialogue + " (2 of 2); previous: Buenos Aires, 2025-09-02, no. 6; next: Buenos Aires, 2027, no. 8, announced", line);
        // The earlier story's next is the later story, not the announcement.
        Assert.EndsWith("next: Santiago, 2026-08-14, no. 7", BriefLayout.SeriesLine(new Story { Id = "r6", Title = "Round six" }, [series]), StringComparison.Ordinal);

        var written = JsonSerializer.SerializeToElement(StoryWithSeriesJson.From(new Story { Id = "r7", Title = "Round seven" }, series), ContractJsonContext.Default.StoryWithSeriesJson);
        Assert.Equal("r7", written.GetProperty("id").GetString());
        Assert.Equal("series", written.EnumerateObject().Last().Name);
        var next = written.GetProperty("series").GetProperty("next");
        Assert.True(next.GetProperty("announced").GetBoolean());
        Assert.Equal("2027", next.GetProperty("date").GetString());
        Assert.Equal("Buenos Aires", next.GetProperty("location").GetString());
        Assert.Equal(8, next.GetProperty("ordinal").GetInt32());
        Assert.Equal("r7", next.GetProperty("announcedIn").GetString());
        Assert.Equal(["a1", "a2"], next.GetProperty("evidenceIds").EnumerateArray().Select(e => e.GetString()));
    }
}
