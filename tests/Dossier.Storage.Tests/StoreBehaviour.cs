using System.Globalization;
using System.Text;
using Dossier.Model;
using Dossier.Output;
using Dossier.Testing;
using Parquet.Serialization;

namespace Dossier.Storage.Tests;

/// <summary>
/// The store's behaviour, written once and run on every provider (SQLite and PostgreSQL) through
/// <typeparamref name="TProvider"/>, which only hands out fresh databases.
/// </summary>
public abstract class StoreBehaviour<TProvider>(TProvider provider) : IDisposable
    where TProvider : IStoreProvider
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("dossier-store-test-");

    protected TProvider Provider { get; } = provider;

    private DossierStore Open(string db, int batch = 500) => DossierStore.Open(db, new StoreOptions { BatchSize = batch });

    private static string Export(DossierStore store, ExportFormat format)
    {
        using var buffer = new MemoryStream();
        StoreExport.Write(store, format, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Everything an export run would show, in one string: stories, claims, events and mentions.</summary>
    private static string Everything(DossierStore store) =>
        Export(store, ExportFormat.Jsonl) + Export(store, ExportFormat.Events) + Export(store, ExportFormat.Mentions) + Export(store, ExportFormat.Csv);

    private IReadOnlyList<string> Generated(int count, string name = "gen") => TestCorpus.Generate(Path.Combine(work.FullName, name), count);

    [Fact]
    public void Migrations_bring_a_new_database_to_the_latest_version_and_are_not_applied_twice()
    {
        var db = Provider.NewDatabase();
        using (var store = Open(db))
        {
            Assert.Equal(Migrator.Latest(store.Provider), store.SchemaVersion);
            Assert.Equal(0, store.Counts().Articles);
        }

        using var again = Open(db);
        Assert.Equal(Migrator.Latest(again.Provider), again.SchemaVersion);
    }

    [Fact]
    public void Each_article_is_stored_once_and_reingesting_adds_nothing()
    {
        using var store = Open(Provider.NewDatabase());
        var files = TestCorpus.DemoFiles();
        var first = store.Ingest(TestCorpus.Read(files), TestCorpus.Pipeline(), cancellationToken: TestContext.Current.CancellationToken);
        var counts = store.Counts();
        Assert.True(first.Read >= files.Count, $"read {first.Read} documents from {files.Count} files");
        Assert.Equal(first.Added, counts.Articles);
        Assert.True(counts.Articles >= 11, $"only {counts.Articles} demo articles stored");
        var before = Everything(store);

        var second = store.Ingest(TestCorpus.Read(files), TestCorpus.Pipeline(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, second.Added);
        Assert.Equal(first.Read, second.Skipped);
        Assert.Equal(counts, store.Counts());
        Assert.Equal(before, Everything(store));
    }

    [Fact]
    public void The_same_text_under_another_name_is_not_stored_again()
    {
        var files = Generated(6);
        var copy = Path.Combine(work.FullName, "copy-of-first.txt");
        // Same words, other spacing: the normalised content is the same.
        File.WriteAllText(copy, File.ReadAllText(files[0]).Replace(" ", "  ", StringComparison.Ordinal));
        using var store = Open(Provider.NewDatabase());

        store.Ingest(TestCorpus.Read(files), TestCorpus.Pipeline(), cancellationToken: TestContext.Current.CancellationToken);
        var report = store.Ingest(TestCorpus.Read([copy]), TestCorpus.Pipeline(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, report.Added);
        Assert.Equal(1, report.Skipped);
        Assert.Equal(6, store.Counts().Articles);
    }

    [Fact]
    public void New_reports_join_stories_and_only_the_stories_they_change_are_fused_again()
    {
        var files = Generated(40);
        var counter = new CountingFuser(new Fusion.SimpleClaimFuser());
        var pipeline = TestCorpus.Pipeline(counter);
        using var store = Open(Provider.NewDatabase());
        store.Ingest(TestCorpus.Read(files.Take(30)), pipeline, cancellationToken: TestContext.Current.CancellationToken);
        var storiesBefore = store.Stories(new StoryQuery { Limit = 1000 }).ToDictionary(s => s.Id, s => s);
        counter.Reset();

        var report = store.Ingest(TestCorpus.Read(files.Skip(30)), pipeline, cancellationToken: TestContext.Current.CancellationToken);

        var after = store.Stories(new StoryQuery { Limit = 1000 });
        var changed = after.Where(s => !storiesBefore.TryGetValue(s.Id, out var old) || old.Articles != s.Articles).Select(s => s.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(10, report.Added);
        Assert.NotEmpty(changed);
        Assert.Equal(changed, counter.Fused.Distinct().Order(StringComparer.Ordinal).ToList());
        Assert.True(counter.Fused.Count < after.Count, $"fused {counter.Fused.Count} of {after.Count} stories: a rebuild, not an update");
        Assert.Equal(report.StoriesCreated + report.StoriesUpdated, changed.Count);
    }

    [Fact]
    public void Ingesting_in_two_runs_gives_the_same_database_as_one_run()
    {
        var files = Generated(60);
        using var once = Open(Provider.NewDatabase(), batch: 25);
        using var twice = Open(Provider.NewDatabase(), batch: 25);

        once.Ingest(TestCorpus.Read(files), TestCorpus.Pipeline(), cancellationToken: TestContext.Current.CancellationToken);
        twice.Ingest(TestCorpus.Read(files.Take(25)), TestCorpus.Pipeline(), cancellationToken: TestContext.Current.CancellationToken);
        twice.Ingest(TestCorpus.Read(files), TestCorpus.Pipeline(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(once.Counts(), twice.Counts());
        Assert.Equal(Everything(once), Everything(twice));
    }

    [Fact]
    public void A_batch_that_dies_midway_leaves_nothing_and_the_next_run_completes_it()
    {
        var files = Generated(50);
        using var reference = Open(Provider.NewDatabase(), batch: 10);
        reference.Ingest(TestCorpus.Read(files), TestCorpus.Pipeline(), cancellationToken: TestContext.Current.CancellationToken);

        using var crashed = Open(Provider.NewDatabase(), batch: 10);
        // The fuser throws while the third batch is being written: that transaction must vanish whole.
        var dying = TestCorpus.Pipeline(new FailingFuser(TestCorpus.Pipeline().Fuser, failOnCall: 12));
        Assert.Throws<InvalidOperationException>(() => crashed.Ingest(TestCorpus.Read(files), dying, cancellationToken: TestContext.Current.CancellationToken));
        var partial = crashed.Counts();
        Assert.Equal(0, partial.Articles % 10);
        Assert.True(partial.Articles < 50);
        Assert.Equal(partial.Articles, partial.Sources);

        crashed.Ingest(TestCorpus.Read(files), TestCorpus.Pipeline(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(reference.Counts(), crashed.Counts());
        Assert.Equal(Everything(reference), Everything(crashed));
    }

    [Fact]
    public async Task Four_concurrent_ingesters_store_every_article_once_and_build_the_same_stories_as_one()
    {
        var files = Generated(80);
        using var single = Open(Provider.NewDatabase(), batch: 10);
        single.Ingest(TestCorpus.Read(files), TestCorpus.Pipeline(), cancellationToken: TestContext.Current.CancellationToken);
        var shared = Provider.NewDatabase();
        using (var init = Open(shared))
        {
            _ = init.SchemaVersion;
        }

        // Overlapping inputs: each ingester takes 3/4 of the files, starting at a different quarter.
        var tasks = Enumerable.Range(0, 4).Select(i => Task.Run(() =>
        {
            using var store = Open(shared, batch: 10);
            var mine = files.Skip(i * 20).Concat(files.Take(i * 20)).Take(60).ToList();
            return store.Ingest(TestCorpus.Read(mine), TestCorpus.Pipeline(parallelism: 1), cancellationToken: TestContext.Current.CancellationToken);
        }, TestContext.Current.CancellationToken)).ToArray();
        await Task.WhenAll(tasks);

        using var concurrent = Open(shared);
        Assert.Equal(single.Counts().Articles, tasks.Sum(t => t.Result.Added));
        Assert.Equal(single.Counts(), concurrent.Counts());
        Assert.Equal(Partition(single), Partition(concurrent));
        Assert.Equal(Claims(single), Claims(concurrent));
    }

    /// <summary>
    /// Stories as sets of stored texts (content keys). Two input files with the same text are one article; which
    /// file's name it is stored under depends on which ingester read it first, so names are not compared.
    /// </summary>
    private static List<string> Partition(DossierStore store) =>
        [.. store.AllStories().Select(s => string.Join(' ', store.ArticlesOf(s.Id).Select(a => a.ContentKey).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];

    private static List<string> Claims(DossierStore store) =>
        [.. store.AllStories().SelectMany(s => s.Claims.Select(c => $"{s.Id}|{c.Text}|{c.Status}|{c.IndependentSources}|{string.Join(',', c.Evidence.Select(e => e.SentenceIndex + ":" + e.Span))}")).Order(StringComparer.Ordinal)];

    /// <summary>A series as one line: its name, then each story's title, day, place and ordinal, in order, then the next one announced.</summary>
    private static string Show(StorySeriesRecord? series) => series is null ? "(none)" :
        series.Name + ": " + string.Join(" | ", series.Stories.Select(e => $"{e.StoryId} {e.Title} {e.Date:yyyy-MM-dd} {e.Location} {e.Ordinal}")) +
        (series.Next is { } next ? $"; next: {next.Date} {next.Location} {next.Ordinal} in {next.AnnouncedIn} by {string.Join(',', next.EvidenceIds)}" : "");

    /// <summary>Series as lists of stories, each story as its sorted "file#record" labels: ids differ between `analyze` and the store.</summary>
    private static List<string> SeriesByArticles(DossierStore store) =>
        [.. store.AllSeries().Select(s => string.Join(" / ", s.Stories.Select(e => string.Join(' ', store.ArticlesOf(e.StoryId)
            .Select(a => Path.GetFileName(a.Article.Article.Path) + "#" + a.Article.Article.Record).Order(StringComparer.Ordinal)))))];

    [Fact]
    public void Series_of_a_recurring_event_are_stored_in_order_linked_again_by_each_run_and_are_those_analyze_gives()
    {
        var early = SeriesReports.Write(Path.Combine(work.FullName, "rounds-3-4.jsonl"), [3, 4]);
        var late = SeriesReports.Write(Path.Combine(work.FullName, "round-5.jsonl"), [5], flood: false);
        using var store = Open(Provider.NewDatabase(), batch: 3);

        store.Ingest(TestCorpus.Read([early]), TestCorpus.Pipeline(), cancellationToken: TestContext.Current.CancellationToken);
        var first = Assert.Single(store.AllSeries());
        Assert.Equal([3, 4], first.Stories.Select(e => e.Ordinal ?? 0));
        Assert.Null(first.Next);

        // A later run adds the next round: the series is linked again from every stored digest, not only the new ones.
        store.Ingest(TestCorpus.Read([late]), TestCorpus.Pipeline(), cancellationToken: TestContext.Current.CancellationToken);
        var series = Assert.Single(store.AllSeries());
        Assert.Equal(SeriesReports.Rounds.Select(r => SeriesReports.Title(r.Ordinal)), series.Stories.Select(e => e.Title));
        Assert.Equal(SeriesReports.Rounds.Select(r => (DateOnly?)r.Day), series.Stories.Select(e => e.Date));
        Assert.Equal(SeriesReports.Rounds.Select(r => r.City), series.Stories.Select(e => e.Location));
        Assert.Equal([3, 4, 5], series.Stories.Select(e => e.Ordinal ?? 0));
        Assert.Equal("series-" + series.Stories[0].StoryId, series.Id);
        Assert.Equal(SeriesReports.SeriesName, series.Name);

        // The fifth round's reports announce the sixth: kept with the series, its evidence the two reports by their store ids.
        var next = Assert.IsType<AnnouncedOccurrence>(series.Next);
        Assert.Equal((SeriesReports.Announced.Month, SeriesReports.Announced.City, (int?)SeriesReports.Announced.Ordinal), (next.Date, next.Location, next.Ordinal));
        Assert.Equal(series.Stories[^1].StoryId, next.AnnouncedIn);
        Assert.Equal(store.ArticlesOf(next.AnnouncedIn).Select(a => a.Article.Article.Id).Order(StringComparer.Ordinal), next.EvidenceIds);
        foreach (var entry in series.Stories)
        {
            Assert.Equal(Show(series), Show(store.SeriesOf(entry.StoryId)));
        }

        var flood = store.AllStories().Single(s => s.Title.Contains("Flood", StringComparison.Ordinal));
        Assert.Null(store.SeriesOf(flood.Id));
        Assert.Null(store.SeriesOf("no-such-story"));

        // A re-run adds nothing and changes nothing.
        var before = Show(series);
        var again = store.Ingest(TestCorpus.Read([early, late]), TestCorpus.Pipeline(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, again.Added);
        Assert.Equal(before, Show(Assert.Single(store.AllSeries())));

        // `analyze` of the same input links the same stories, in the same order.
        var analyzed = TestCorpus.Pipeline().Analyze(TestCorpus.Read([early, late]), cancellationToken: TestContext.Current.CancellationToken);
        var label = analyzed.Articles.ToDictionary(a => a.Article.Id, a => Path.GetFileName(a.Article.Path) + "#" + a.Article.Record, StringComparer.Ordinal);
        var stories = analyzed.Stories.ToDictionary(s => s.Id, StringComparer.Ordinal);
        Assert.Equal(
            [.. analyzed.Series.Select(s => string.Join(" / ", s.Stories.Select(e => string.Join(' ', stories[e.StoryId].ArticleIds.Concat(stories[e.StoryId].AnnouncementIds).Select(id => label[id]).Order(StringComparer.Ordinal)))))],
            SeriesByArticles(store));
        var fromAnalyze = Assert.Single(analyzed.Series);
        Assert.Equal(series.Name, fromAnalyze.Name);
        Assert.Equal((next.Date, next.Location, next.Ordinal), (fromAnalyze.Next?.Date, fromAnalyze.Next?.Location, fromAnalyze.Next?.Ordinal));
    }

    [Fact]
    public void A_store_whose_stories_have_no_digests_gets_them_from_the_stored_articles_and_links_the_same_series()
    {
        var db = Provider.NewDatabase();
        var input = SeriesReports.Write(Path.Combine(work.FullName, "rounds.jsonl"));
        using var store = Open(db);
        store.Ingest(TestCorpus.Read([input]), TestCorpus.Pipeline(), cancellationToken: TestContext.Current.CancellationToken);
        var before = store.AllSeries().Select(Show).ToList();
        Assert.Single(before);

        // As a database from before schema 3 is after its migration: stories, no digests, never linked.
        using (System.Data.Common.DbConnection raw = DossierStore.IsPostgres(db) ? new Npgsql.NpgsqlConnection(db) : new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + db))
        {
            raw.Open();
            using var command = raw.CreateCommand();
            command.CommandText = "DELETE FROM story_digests; DELETE FROM series_stories; DELETE FROM series; DELETE FROM series_linked";
            command.ExecuteNonQuery();
        }

        Assert.Empty(store.AllSeries());
        var report = store.Ingest(TestCorpus.Read([input]), TestCorpus.Pipeline(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, report.Added);
        Assert.Equal(before, store.AllSeries().Select(Show).ToList());
    }

    [Fact]
    public void Search_finds_articles_by_stemmed_words_and_stories_filter_by_date_actor_and_text()
    {
        using var store = Open(Provider.NewDatabase());
        store.Ingest(TestCorpus.Read(TestCorpus.DemoFiles().Concat(Generated(12))), TestCorpus.Pipeline(), cancellationToken: TestContext.Current.CancellationToken);

        var hits = store.Search("signing treaties");
        Assert.Contains(hits, h => h.Path.EndsWith("01-water-treaty-highland-tribune.txt", StringComparison.Ordinal));
        Assert.Contains(hits, h => h.Path.EndsWith("04-water-treaty-savanna-post.txt", StringComparison.Ordinal));
        Assert.DoesNotContain(hits, h => h.Path.EndsWith("12-marathon-highland-tribune.txt", StringComparison.Ordinal));
        Assert.Empty(store.Search("\"*(:"));

        var treaty = hits.First(h => h.Path.EndsWith("01-water-treaty-highland-tribune.txt", StringComparison.Ordinal)).StoryId;
        var bySearch = store.Stories(new StoryQuery { Search = "Mara treaty" });
        Assert.Contains(bySearch, s => s.Id == treaty);

        var all = store.Stories(new StoryQuery { Limit = 1000 });
        var coded = store.AllStories().First(s => s.ArticleIds.Any(id => store.ArticlesOf(s.Id).Any(a => a.Article.Events.Length > 0)));
        var actor = store.ArticlesOf(coded.Id).SelectMany(a => a.Article.Events).First().Source.Code;
        var byActor = store.Stories(new StoryQuery { Actor = actor[..3].ToLowerInvariant(), Limit = 1000 });
        Assert.Contains(byActor, s => s.Id == coded.Id);
        Assert.True(byActor.Count < all.Count);

        var dated = all.Where(s => s.Date is not null).OrderBy(s => s.Date).ToList();
        if (dated.Count > 1)
        {
            var since = dated[dated.Count / 2].Date!.Value;
            var recent = store.Stories(new StoryQuery { Since = since, Limit = 1000 });
            Assert.All(recent, s => Assert.True(s.Date >= since));
            Assert.Equal(all.Count(s => s.Date >= since), recent.Count);
        }
    }

    [Fact]
    public void Story_pages_and_filters_from_sql_are_the_listing_filtered_and_cut_in_memory()
    {
        using var store = Open(Provider.NewDatabase(), batch: 40);
        store.Ingest(TestCorpus.Read(TestCorpus.DemoFiles().Concat(Generated(90))), TestCorpus.Pipeline(), cancellationToken: TestContext.Current.CancellationToken);
        var stories = store.AllStories().ToList();
        Assert.True(stories.Count > 20, $"{stories.Count} stories");

        // The listing order, computed here from the stored stories: dated newest first, undated last, then id.
        var listing = stories.OrderBy(s => s.Date is null).ThenByDescending(s => s.Date).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        IReadOnlyList<string> Paged(StoryQuery filter, int size)
        {
            var ids = new List<string>();
            for (var offset = 0; ; offset += size)
            {
                var page = store.Stories(filter with { Offset = offset, Limit = size });
                Assert.True(page.Count <= size);
                ids.AddRange(page.Select(p => p.Id));
                if (page.Count < size)
                {
                    return ids;
                }
            }
        }

        Assert.Equal(listing.Select(s => s.Id), Paged(new StoryQuery(), 7));
        Assert.Equal(listing.Skip(5).Take(3).Select(s => s.Id), store.Stories(new StoryQuery { Offset = 5, Limit = 3 }).Select(s => s.Id));
        Assert.Empty(store.Stories(new StoryQuery { Offset = listing.Count, Limit = 10 }));

        foreach (var status in (ClaimStatus[])[ClaimStatus.Corroborated, ClaimStatus.SingleSource, ClaimStatus.Conflicting])
        {
            var expected = listing.Where(s => s.Claims.Any(c => c.Status == status)).Select(s => s.Id).ToList();
            Assert.Equal(expected, Paged(new StoryQuery { Status = status }, 5));
        }

        var days = listing.Where(s => s.Date is not null).Select(s => s.Date!.Value).Distinct().Order().ToList();
        Assert.True(days.Count > 2);
        var (from, to) = (days[days.Count / 4], days[days.Count * 3 / 4]);
        Assert.Equal(listing.Where(s => s.Date >= from && s.Date <= to).Select(s => s.Id), Paged(new StoryQuery { Since = from, Until = to }, 4));
        Assert.Equal(
            listing.Where(s => s.Date <= to && s.Claims.Any(c => c.Status == ClaimStatus.SingleSource)).Select(s => s.Id),
            Paged(new StoryQuery { Until = to, Status = ClaimStatus.SingleSource }, 6));
    }

    [Fact]
    public void Event_rows_give_the_events_and_the_timeline_the_stored_articles_hold()
    {
        using var store = Open(Provider.NewDatabase(), batch: 40);
        store.Ingest(TestCorpus.Read(TestCorpus.DemoFiles().Concat(Generated(90))), TestCorpus.Pipeline(), cancellationToken: TestContext.Current.CancellationToken);

        // What the event rows must say, read the long way: every stored article of every story, its events.
        var events = store.AllStories().SelectMany(s => store.ArticlesOf(s.Id)).SelectMany(a => a.Article.Events.Select(e => (Stored: a, Event: e))).ToList();
        Assert.NotEmpty(events);
        var (first, second) = events.GroupBy(x => (x.Event.Source.Code[..3], x.Event.Target.Code[..3])).OrderByDescending(g => g.Count()).First().Key;
        bool Pair(EventRecord e, string a, string b) => e.Source.Code.StartsWith(a, StringComparison.Ordinal) && e.Target.Code.StartsWith(b, StringComparison.Ordinal);
        var between = events.Where(x => Pair(x.Event, first, second) || Pair(x.Event, second, first))
            .OrderBy(x => x.Stored.StoryId, StringComparer.Ordinal).ThenBy(x => x.Stored.Seq).ToList();
        static string? Day(AnnotatedArticle a) => (a.EventDate ?? (a.Article.Metadata.Published is { } p ? DateOnly.FromDateTime(p.DateTime) : null))?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var rows = store.EventsBetween(first.ToLowerInvariant(), second, limit: 10_000);
        Assert.Equal(
            between.Select(x => $"{x.Stored.Article.Article.Id}|{x.Stored.StoryId}|{Day(x.Stored.Article)}|{x.Event.Source.Code}|{x.Event.Target.Code}|{x.Event.Code}|{x.Event.Goldstein}|{x.Stored.Article.Sentences[x.Event.SentenceIndex].Span.Of(x.Stored.Article.Article.Text)}"),
            rows.Select(r => $"{r.ArticleId}|{r.StoryId}|{r.Day}|{r.Source}|{r.Target}|{r.Code}|{r.Goldstein}|{r.Sentence}"));
        Assert.Equal(Math.Min(3, between.Count), store.EventsBetween(first, second, limit: 3).Count);

        var expectedDays = between.GroupBy(x => Day(x.Stored.Article)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}|{g.Count()}|{Math.Round(g.Sum(x => x.Event.Goldstein), 6)}");
        Assert.Equal(expectedDays, store.EventDays(second, first).Select(d => $"{d.Day}|{d.Events}|{Math.Round(d.GoldsteinSum, 6)}"));
        Assert.Empty(store.EventDays("ZZZ", first));
    }

    [Fact]
    public void Events_export_parses_back_with_gdelt_column_names_and_types()
    {
        using var store = Open(Provider.NewDatabase());
        store.Ingest(TestCorpus.Read(Generated(30)), TestCorpus.Pipeline(), cancellationToken: TestContext.Current.CancellationToken);

        var events = Gdelt.Parse(Export(store, ExportFormat.Events), Gdelt.EventTypes);
        var mentions = Gdelt.Parse(Export(store, ExportFormat.Mentions), Gdelt.MentionTypes);

        Assert.NotEmpty(events);
        Assert.Equal(Gdelt.EventTypes.Select(t => t.Name), ExportRows.EventColumns);
        Assert.Equal(Gdelt.MentionTypes.Select(t => t.Name), ExportRows.MentionColumns);
        var stories = store.AllStories().ToDictionary(s => s.Id);
        foreach (var row in events)
        {
            Assert.Matches("^[0-9]{3,4}$", (string)row["EventCode"]!);
            Assert.InRange((int)row["QuadClass"]!, 1, 4);
            Assert.InRange((int)row["NumSources"]!, 1, (int)row["NumArticles"]!);
            Assert.True((int)row["NumMentions"]! >= (int)row["NumArticles"]!);
            Assert.Equal(((int)row["Day"]!) / 100, (int)row["MonthYear"]!);
        }

        // Mentions point at the characters of the stored article: the action offset falls inside the sentence of the evidence.
        var articles = stories.Values.SelectMany(s => store.ArticlesOf(s.Id)).ToDictionary(a => a.Article.Article.Metadata.Url ?? a.Article.Article.Path);
        Assert.Equal(events.Sum(e => (int)e["NumMentions"]!), mentions.Count);
        foreach (var row in mentions)
        {
            var article = articles[(string)row["MentionIdentifier"]!].Article;
            var sentence = article.Sentences[(int)row["SentenceID"]! - 1].Span;
            Assert.True(sentence.Contains((int)row["ActionCharOffset"]!));
            Assert.Equal(article.Article.Text.Length, (int)row["MentionDocLen"]!);
            var actor1 = (int)row["Actor1CharOffset"]!;
            Assert.True(actor1 == -1 || sentence.Contains(actor1));
        }

        var ids = events.Select(e => (long)e["GlobalEventID"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(mentions, m => Assert.Contains((long)m["GlobalEventID"]!, ids));
    }

    [Fact]
    public async Task Jsonl_csv_and_parquet_exports_carry_every_claim()
    {
        using var store = Open(Provider.NewDatabase());
        store.Ingest(TestCorpus.Read(TestCorpus.DemoFiles()), TestCorpus.Pipeline(), cancellationToken: TestContext.Current.CancellationToken);
        var claims = store.Counts().Claims;

        var jsonl = Export(store, ExportFormat.Jsonl).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Each line is the contract's story (docs/dossier.schema.json), the shape analyze and the web API give.
        var contract = (await NJsonSchema.JsonSchema.FromFileAsync(Path.Combine(SharedData.RepoRoot, "docs", "dossier.schema.json"), TestContext.Current.CancellationToken)).Definitions["story"];
        Assert.All(jsonl, line => Assert.Empty(contract.Validate(line)));
        var stories = jsonl.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        var claimTexts = stories.SelectMany(s => s.GetProperty("claims").EnumerateArray()).ToList();
        Assert.Equal(store.Counts().Stories, stories.Count);
        Assert.Equal(claims, claimTexts.Count);
        Assert.All(claimTexts.SelectMany(c => c.GetProperty("evidence").EnumerateArray()), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("sentence").GetString())));

        var csv = Export(store, ExportFormat.Csv);
        Assert.StartsWith(string.Join(',', ExportRows.ClaimColumns) + "\n", csv, StringComparison.Ordinal);

        using var parquet = new MemoryStream();
        StoreExport.Write(store, ExportFormat.Parquet, parquet);
        parquet.Position = 0;
        var rows = await ParquetSerializer.DeserializeAsync<ExportRows.ClaimRow>(parquet, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(claims, rows.Data.Count);
        Assert.Equal(claimTexts.Select(c => c.GetProperty("text").GetString()), rows.Data.Select(r => r.Text));

        // Streamed in row groups: a group of three claims each, the same rows in the same order.
        using var grouped = new MemoryStream();
        StoreExport.WriteParquet(store, grouped, rowGroup: 3);
        grouped.Position = 0;
        await using (var reader = await Parquet.ParquetReader.CreateAsync(grouped, cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.Equal((claims + 2) / 3, reader.RowGroupCount);
        }

        grouped.Position = 0;
        var regrouped = await ParquetSerializer.DeserializeAsync<ExportRows.ClaimRow>(grouped, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(rows.Data.Select(r => (r.ClaimId, r.Text)), regrouped.Data.Select(r => (r.ClaimId, r.Text)));
    }

    public void Dispose()
    {
        work.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>GDELT 2.0 column names and types, as GDELT's codebooks give them, for parsing our exports back.</summary>
internal static class Gdelt
{
    public static readonly (string Name, Type Type)[] EventTypes = Build(
        "GlobalEventID:long Day:int MonthYear:int Year:int FractionDate:double " +
        Actor("Actor1") + Actor("Actor2") +
        "IsRootEvent:int EventCode:string EventBaseCode:string EventRootCode:string QuadClass:int GoldsteinScale:double " +
        "NumMentions:int NumSources:int NumArticles:int AvgTone:double " +
        Geo("Actor1Geo") + Geo("Actor2Geo") + Geo("ActionGeo") + "DATEADDED:long SOURCEURL:string");

    public static readonly (string Name, Type Type)[] MentionTypes = Build(
        "GlobalEventID:long EventTimeDate:long MentionTimeDate:long MentionType:int MentionSourceName:string MentionIdentifier:string " +
        "SentenceID:int Actor1CharOffset:int Actor2CharOffset:int ActionCharOffset:int InRawText:int Confidence:int " +
        "MentionDocLen:int MentionDocTone:double MentionDocTranslationInfo:string Extras:string");

    private static string Actor(string p) =>
        string.Concat(new[] { "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code" }.Select(c => $"{p}{c}:string "));

    private static string Geo(string p) =>
        $"{p}_Type:int {p}_FullName:string {p}_CountryCode:string {p}_ADM1Code:string {p}_ADM2Code:string {p}_Lat:double? {p}_Long:double? {p}_FeatureID:string ";

    private static (string, Type)[] Build(string spec) =>
        [.. spec.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split(':')).Select(p => (p[0], p[1] switch
        {
            "long" => typeof(long),
            "int" => typeof(int),
            "double" => typeof(double),
            "double?" => typeof(double?),
            _ => typeof(string),
        }))];

    /// <summary>Parses tab-separated rows strictly: the right number of fields, each of its column's type.</summary>
    public static List<Dictionary<string, object?>> Parse(string tsv, (string Name, Type Type)[] columns)
    {
        var rows = new List<Dictionary<string, object?>>();
        foreach (var line in tsv.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\t');
            Assert.Equal(columns.Length, fields.Length);
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < fields.Length; i++)
            {
                var (name, type) = columns[i];
                var f = fields[i];
                row[name] = type == typeof(long) ? long.Parse(f, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
                    : type == typeof(int) ? int.Parse(f, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
                    : type == typeof(double) ? double.Parse(f, NumberStyles.Float, CultureInfo.InvariantCulture)
                    : type == typeof(double?) ? (f.Length == 0 ? null : double.Parse(f, NumberStyles.Float, CultureInfo.InvariantCulture))
                    : f;
            }

            rows.Add(row);
        }

        return rows;
    }
}
