using System.Collections.Concurrent;
using Dossier.Model;
using Dossier.Reading;
using Dossier.Stories;

namespace Dossier.Tests;

/// <summary>The pipeline's one orchestration seen from a checkpoint sink (what `ingest` is): batches, threads, failures.</summary>
public sealed class CheckpointSinkTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_checkpoint_sink_gets_every_document_once_in_batches_in_input_order(int degree)
    {
        var items = Items(11);
        var sink = new RecordingSink(batchSize: 4);

        var summary = DossierPipeline.Default.WithParallelism(degree).Run(items, sink, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([4, 4, 3], sink.Batches.Select(b => b.Count));
        Assert.Equal(items.Select(i => i.Document?.Path ?? i.Error!.Path), sink.Batches.SelectMany(b => b));
        Assert.Equal(["begin", "finish", "complete"], sink.Calls);
        Assert.Equal(10, summary.Articles);
        Assert.Equal(1, summary.Errors);
        // Every article the sink added is in the session's stories.
        Assert.Equal(10, sink.Grouped);
    }

    [Fact]
    public void What_a_sink_keeps_is_computed_on_the_workers_not_on_the_grouping_thread()
    {
        var sink = new RecordingSink(batchSize: 3);

        DossierPipeline.Default.WithParallelism(2).Run(Items(9), sink, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(8, sink.KeptOn.Count);
        Assert.DoesNotContain(Environment.CurrentManagedThreadId, sink.KeptOn);
        Assert.All(sink.CheckpointedOn, id => Assert.Equal(Environment.CurrentManagedThreadId, id));
    }

    [Fact]
    public void A_checkpoint_that_fails_stops_the_run_with_its_own_exception_and_leaves_no_work_behind()
    {
        var sink = new RecordingSink(batchSize: 2) { FailAt = 2 };

        var thrown = Assert.Throws<InvalidOperationException>(() =>
            DossierPipeline.Default.WithParallelism(2).Run(Items(40), sink, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("checkpoint failed", thrown.Message);
        var kept = sink.KeptOn.Count;
        Thread.Sleep(100);
        Assert.Equal(kept, sink.KeptOn.Count);
        // Processing stayed within its bound ahead of the grouping thread (two batches, or the stages' own window).
        Assert.InRange(kept, 4, 4 + (16 * 2) + (16 * 2));
    }

    [Fact]
    public void Starting_over_gives_an_empty_session()
    {
        var grouping = new GroupingRun(new StoryGrouper());
        var article = DossierPipeline.Default.Process(Items(3)[0].Document!).Article!;
        grouping.Session.Add(article, grouping.Prepare(article));
        Assert.Single(grouping.Session.Stories);

        grouping.StartOver();

        Assert.Empty(grouping.Session.Stories);
    }

    /// <summary><paramref name="count"/> inputs: reports of distinct events, and one that could not be read (second to last).</summary>
    private static List<ReadItem> Items(int count)
    {
        var items = Enumerable.Range(0, count - 1).Select(i => ReadItem.Of(new SourceDocument(
            $"report-{i:00}.txt", null, DocumentKind.Text,
            $"Report {i}\n\nThe council of town {i} met on Monday to discuss the harbour budget number {i}, officials said.",
            SourceHints.None))).ToList();
        items.Insert(items.Count - 1, ReadItem.Failed("broken.txt", null, "invalid UTF-8"));
        return items;
    }

    private sealed class RecordingSink(int batchSize) : ICheckpointSink
    {
        public List<List<string>> Batches { get; } = [];
        public List<string> Calls { get; } = [];
        public ConcurrentBag<int> KeptOn { get; } = [];
        public List<int> CheckpointedOn { get; } = [];
        public int Grouped { get; private set; }
        public int FailAt { get; init; }

        public int BatchSize => batchSize;

        public object? Keep(SourceDocument document, AnnotatedArticle? article)
        {
            KeptOn.Add(Environment.CurrentManagedThreadId);
            return document.Path;
        }

        public void Checkpoint(IReadOnlyList<ProcessedDocument> batch, GroupingRun grouping)
        {
            CheckpointedOn.Add(Environment.CurrentManagedThreadId);
            if (Batches.Count + 1 == FailAt)
            {
                throw new InvalidOperationException("checkpoint failed");
            }

            // What was kept travels with the document; a document that was not read has nothing kept.
            Assert.All(batch, d => Assert.Equal(d.Error?.Reason == "invalid UTF-8" ? null : d.Path, d.Kept));
            Batches.Add([.. batch.Select(d => d.Path)]);
            foreach (var document in batch.Where(d => d.Article is not null))
            {
                grouping.Session.Add(document.Article!, document.Prepared);
            }
        }

        public AnalysisSummary Finish(GroupingRun grouping, AnalysisSummary counted)
        {
            Calls.Add("finish");
            Grouped = grouping.Session.Stories.Sum(s => s.Articles.Length + s.Announcements.Length);
            return counted;
        }

        public void Begin(DateTimeOffset generatedAt) => Calls.Add("begin");

        public void Complete(AnalysisSummary summary) => Calls.Add("complete");

        public void Article(AnnotatedArticle article) => Calls.Add("article");

        public void Story(Story story) => Calls.Add("story");

        public void Error(InputError error) => Calls.Add("error");
    }
}
