using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dossier.Model;
using Dossier.Output;

namespace Dossier.Storage;

/// <summary>The layouts <c>dossier export</c> writes.</summary>
public enum ExportFormat
{
    /// <summary>GDELT 2.0 event table: 61 tab-separated columns, one row per coded claim.</summary>
    Events,

    /// <summary>GDELT 2.0 mentions table: 16 tab-separated columns, one row per sentence behind a coded claim.</summary>
    Mentions,

    /// <summary>One JSON story per line, with its claims, evidence and conflicts.</summary>
    Jsonl,

    /// <summary>One row per claim (RFC 4180).</summary>
    Csv,

    /// <summary>The CSV columns as a Parquet file.</summary>
    Parquet,
}

/// <summary>
/// Writes a store's stories in the field's layouts (the rows are <see cref="ExportRows"/>'s, in Output/). Output is a
/// pure function of the stored data: stories by id, claims and evidence in their stored order, no clock, so two equal
/// databases export byte-identical files.
/// </summary>
public static class StoreExport
{
    /// <summary>
    /// One story per line in its public shape (<see cref="StoryWithSeriesJson"/>, the story of
    /// <c>analyze</c>'s output and of the web API, with its series or null), not the store's own serialisation of the model.
    /// </summary>
    private static void WriteJsonl(DossierStore store, IEnumerable<Story> stories, StreamWriter writer)
    {
        var seriesOf = new Dictionary<string, StorySeriesRecord>(StringComparer.Ordinal);
        foreach (var series in store.AllSeries())
        {
            foreach (var entry in series.Stories)
            {
                seriesOf[entry.StoryId] = series;
            }
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var options = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var story in stories)
        {
            buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(buffer, options))
            {
                JsonSerializer.Serialize(json, StoryWithSeriesJson.From(story, seriesOf.GetValueOrDefault(story.Id)), ContractJsonContext.Default.StoryWithSeriesJson);
            }

            writer.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
    }

    /// <summary>
    /// Writes every story of <paramref name="store"/> to <paramref name="output"/> in <paramref name="format"/>;
    /// <paramref name="progress"/> is told how many stories have been read so far.
    /// </summary>
    public static void Write(DossierStore store, ExportFormat format, Stream output, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(output);
        var all = Counted(store.AllStories(), progress);
        if (format == ExportFormat.Parquet)
        {
            WriteParquet(all, output, ParquetRowGroup);
            return;
        }

        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        switch (format)
        {
            case ExportFormat.Events:
                foreach (var (story, articles) in Stories(store, all))
                {
                    foreach (var row in ExportRows.EventRows(story, articles))
                    {
                        writer.WriteLine(string.Join('\t', row));
                    }
                }

                break;
            case ExportFormat.Mentions:
                foreach (var (story, articles) in Stories(store, all))
                {
                    foreach (var row in ExportRows.MentionRows(story, articles))
                    {
                        writer.WriteLine(string.Join('\t', row));
                    }
                }

                break;
            case ExportFormat.Jsonl:
                WriteJsonl(store, all, writer);
                break;
            default:
                writer.WriteLine(string.Join(',', ExportRows.ClaimColumns));
                foreach (var story in all)
                {
                    foreach (var row in ExportRows.ClaimRows(story))
                    {
                        writer.WriteLine(string.Join(',', row.Values().Select(ExportRows.Csv)));
                    }
                }

                break;
        }
    }

    private static IEnumerable<Story> Counted(IEnumerable<Story> stories, IProgress<int>? progress)
    {
        var n = 0;
        foreach (var story in stories)
        {
            yield return story;
            progress?.Report(++n);
        }
    }

    private static IEnumerable<(Story Story, Dictionary<string, AnnotatedArticle> Articles)> Stories(DossierStore store, IEnumerable<Story> all) =>
        all.Select(s => (s, store.ArticlesOf(s.Id).ToDictionary(a => a.Article.Article.Id, a => a.Article, StringComparer.Ordinal)));

    /// <summary>Claims per Parquet row group: what the export holds in memory at once, whatever the store's size.</summary>
    internal const int ParquetRowGroup = 50_000;

    /// <summary>The Parquet export with row groups of <paramref name="rowGroup"/> claims (tests use small ones).</summary>
    internal static void WriteParquet(DossierStore store, Stream output, int rowGroup) => WriteParquet(store.AllStories(), output, rowGroup);

    private static void WriteParquet(IEnumerable<Story> all, Stream output, int rowGroup)
    {
        // Parquet appends a row group by reading and rewriting the footer, so it needs a stream it can seek. A pipe
        // cannot: the file is then made in a temporary file and copied, which keeps memory bounded all the same.
        if (output.CanSeek)
        {
            WriteRowGroups(all, output, rowGroup);
            return;
        }

        var temporary = Path.GetTempFileName();
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                WriteRowGroups(all, file, rowGroup);
                file.Position = 0;
                file.CopyTo(output);
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void WriteRowGroups(IEnumerable<Story> all, Stream output, int rowGroup) =>
        ExportRows.WriteParquet(all.SelectMany(ExportRows.ClaimRows), output, rowGroup);
}
