using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dossier.Model;
using Parquet;
using Parquet.Serialization;

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
/// Writes a store's stories in the field's layouts. Output is a pure function of the stored data: stories by
/// id, claims and evidence in their stored order, no clock, so two equal databases export byte-identical files.
/// </summary>
public static class StoreExport
{
    /// <summary>GDELT 2.0 event table columns, in order.</summary>
    public static ImmutableArray<string> EventColumns { get; } =
    [
        "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
        .. ActorColumns("Actor1"), .. ActorColumns("Actor2"),
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
        "NumMentions", "NumSources", "NumArticles", "AvgTone",
        .. GeoColumns("Actor1Geo"), .. GeoColumns("Actor2Geo"), .. GeoColumns("ActionGeo"),
        "DATEADDED", "SOURCEURL",
    ];

    /// <summary>GDELT 2.0 mentions table columns, in order.</summary>
    public static ImmutableArray<string> MentionColumns { get; } =
    [
        "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
        "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
        "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
    ];

    /// <summary>CSV and Parquet columns, in order.</summary>
    public static ImmutableArray<string> ClaimColumns { get; } =
    [
        "story_id", "story_title", "story_date", "story_location", "story_sources", "claim_id", "status",
        "independent_sources", "text", "event_source", "event_code", "event_target", "goldstein", "evidence",
    ];

    /// <summary>
    /// One story per line in its public shape (<see cref="Dossier.Output.StoryWithSeriesJson"/>, the story of
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
                JsonSerializer.Serialize(json, Dossier.Output.StoryWithSeriesJson.From(story, seriesOf.GetValueOrDefault(story.Id)), Dossier.Output.ContractJsonContext.Default.StoryWithSeriesJson);
            }

            writer.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
    }

    private static IEnumerable<string> ActorColumns(string prefix) =>
        new[] { "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code" }
            .Select(c => prefix + c);

    private static IEnumerable<string> GeoColumns(string prefix) =>
        new[] { "_Type", "_FullName", "_CountryCode", "_ADM1Code", "_ADM2Code", "_Lat", "_Long", "_FeatureID" }.Select(c => prefix + c);

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
                    foreach (var row in EventRows(story, articles))
                    {
                        writer.WriteLine(string.Join('\t', row));
                    }
                }

                break;
            case ExportFormat.Mentions:
                foreach (var (story, articles) in Stories(store, all))
                {
                    foreach (var row in MentionRows(story, articles))
                    {
                        writer.WriteLine(string.Join('\t', row));
                    }
                }

                break;
            case ExportFormat.Jsonl:
                WriteJsonl(store, all, writer);
                break;
            default:
                writer.WriteLine(string.Join(',', ClaimColumns));
                foreach (var story in all)
                {
                    foreach (var row in ClaimRows(story))
                    {
                        writer.WriteLine(string.Join(',', row.Values().Select(Csv)));
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

    /// <summary>A claim's event and the coded record behind it (from the claim, or else from its evidence sentences).</summary>
    private static (ClaimEvent Event, EventRecord? Record)? EventOf(Claim claim, Dictionary<string, AnnotatedArticle> articles)
    {
        foreach (var evidence in claim.Evidence)
        {
            if (articles.TryGetValue(evidence.ArticleId, out var article) &&
                article.Events.FirstOrDefault(e => e.SentenceIndex == evidence.SentenceIndex && Matches(e, claim.Event)) is { } record)
            {
                return (claim.Event ?? new ClaimEvent(record.Source.Code, record.Code, record.Target.Code, record.Goldstein, record.PloverMode ?? record.Modality.ToString().ToLowerInvariant()), record);
            }
        }

        return claim.Event is null ? null : (claim.Event, null);
    }

    /// <summary>True when a coded record is the claim's event (same actors and code), or the claim names none.</summary>
    private static bool Matches(EventRecord record, ClaimEvent? claimEvent) =>
        claimEvent is null || (record.Code == claimEvent.Code && record.Source.Code == claimEvent.Source && record.Target.Code == claimEvent.Target);

    /// <summary>A stable 63-bit event id from the story and claim ids.</summary>
    public static long GlobalEventId(string storyId, string claimId)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(storyId + "/" + claimId));
        return (long)(BitConverter.ToUInt64(digest, 0) & long.MaxValue);
    }

    private static IEnumerable<string[]> EventRows(Story story, Dictionary<string, AnnotatedArticle> articles)
    {
        foreach (var claim in story.Claims)
        {
            if (EventOf(claim, articles) is not { } found)
            {
                continue;
            }

            var (ev, record) = found;
            var evidenceArticles = claim.Evidence.Select(e => articles.GetValueOrDefault(e.ArticleId)).Where(a => a is not null).Select(a => a!).ToList();
            var day = DayOf(story, evidenceArticles);
            if (day is null)
            {
                // GDELT rows need a day; an event nobody dated is left out rather than given a made-up one.
                continue;
            }

            var rootCode = ev.Code.Length >= 2 ? ev.Code[..2] : ev.Code;
            var isRoot = claim.Evidence.Any(e => articles.TryGetValue(e.ArticleId, out var a) && e.SentenceIndex < a.Sentences.Length && a.Sentences[e.SentenceIndex].Paragraph == 0);
            var added = evidenceArticles.Select(a => a.Article.Metadata.Published).Where(p => p is not null).Max();
            var first = evidenceArticles.FirstOrDefault();
            var row = new List<string>
            {
                Int(GlobalEventId(story.Id, claim.Id)),
                day is { } d ? d.ToString("yyyyMMdd", CultureInfo.InvariantCulture) : "",
                day is { } m ? m.ToString("yyyyMM", CultureInfo.InvariantCulture) : "",
                day is { } y ? y.Year.ToString(CultureInfo.InvariantCulture) : "",
                day is { } f ? (f.Year + (f.DayOfYear - 1) / 365.0).ToString("0.0000", CultureInfo.InvariantCulture) : "",
            };
            row.AddRange(Actor(ev.Source, record?.Source.Name));
            row.AddRange(Actor(ev.Target, record?.Target.Name));
            row.Add(isRoot ? "1" : "0");
            row.Add(ev.Code);
            row.Add(ev.Code.Length > 3 ? ev.Code[..3] : ev.Code);
            row.Add(rootCode);
            row.Add(Int(QuadClass(rootCode)));
            row.Add(ev.Goldstein.ToString("0.0", CultureInfo.InvariantCulture));
            row.Add(Int(claim.Evidence.Length));
            row.Add(Int(claim.IndependentSources));
            row.Add(Int(claim.Evidence.Select(e => e.ArticleId).Distinct(StringComparer.Ordinal).Count()));
            // Tone is not measured by Dossier: 0 is GDELT's neutral value.
            row.Add("0");
            row.AddRange(Geo(null));
            row.AddRange(Geo(null));
            row.AddRange(Geo(story.Location));
            row.Add(added is { } a ? a.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) : day is { } dd ? dd.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "000000" : "");
            row.Add(Clean(first is null ? "" : first.Article.Metadata.Url ?? Label(first.Article)));
            yield return [.. row];
        }
    }

    private static IEnumerable<string[]> MentionRows(Story story, Dictionary<string, AnnotatedArticle> articles)
    {
        foreach (var claim in story.Claims)
        {
            if (EventOf(claim, articles) is not { } found)
            {
                continue;
            }

            var id = Int(GlobalEventId(story.Id, claim.Id));
            var day = DayOf(story, claim.Evidence.Select(e => articles.GetValueOrDefault(e.ArticleId)).Where(a => a is not null).Select(a => a!).ToList());
            if (day is null)
            {
                continue;
            }

            var eventTime = day.Value.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "000000";
            foreach (var evidence in claim.Evidence)
            {
                if (!articles.TryGetValue(evidence.ArticleId, out var article))
                {
                    continue;
                }

                var m = article.Article.Metadata;
                var record = article.Events.FirstOrDefault(e => e.SentenceIndex == evidence.SentenceIndex && Matches(e, found.Event));
                yield return
                [
                    id,
                    eventTime,
                    m.Published is { } p ? p.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) : eventTime,
                    "1",
                    Clean(m.Outlet ?? m.Credit ?? article.Article.Path),
                    Clean(m.Url ?? Label(article.Article)),
                    Int(evidence.SentenceIndex + 1),
                    Int(record?.Source.Span?.Start ?? -1),
                    Int(record?.Target.Span?.Start ?? -1),
                    Int(record?.VerbSpan.Start ?? evidence.Span.Start),
                    "1",
                    Int(record is null ? 50 : (int)Math.Round(record.Confidence * 100)),
                    Int(article.Article.Text.Length),
                    "0",
                    m.Language is null or "en" ? "" : "srclc:" + m.Language,
                    "",
                ];
            }
        }
    }

    /// <summary>The event's day: the story's date, else the earliest publication date, else the first full date in the text.</summary>
    private static DateOnly? DayOf(Story story, List<AnnotatedArticle> articles)
    {
        if (story.Date is { } date)
        {
            return date;
        }

        var published = articles.Select(a => a.Article.Metadata.Published).Where(p => p is not null).Select(p => DateOnly.FromDateTime(p!.Value.UtcDateTime)).Order().FirstOrDefault();
        if (published != default)
        {
            return published;
        }

        foreach (var time in articles.SelectMany(a => a.Times))
        {
            if (time.Value.Length == 10 && DateOnly.TryParseExact(time.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }
        }

        return null;
    }

    private static string Label(Article article) => article.Record is null ? article.Path : article.Path + "#" + article.Record;

    private static string[] Actor(string code, string? name)
    {
        var cells = new string[10];
        Array.Fill(cells, "");
        cells[0] = Clean(code);
        cells[1] = Clean((name ?? code).ToUpperInvariant());
        var parts = Enumerable.Range(0, code.Length / 3).Select(i => code.Substring(i * 3, 3)).ToList();
        if (parts.Count == 0)
        {
            return cells;
        }

        // CAMEO actor codes are 3-letter chunks: a country (or an international body) then role types.
        if (parts[0] is "IGO" or "NGO" or "IMG" or "MNC")
        {
            cells[3] = parts.Count > 1 ? parts[1] : "";
            cells[7] = parts[0];
        }
        else
        {
            cells[2] = parts[0];
            for (var i = 1; i < parts.Count && i <= 3; i++)
            {
                cells[6 + i] = parts[i];
            }
        }

        return cells;
    }

    private static string[] Geo(string? fullName) =>
        // Type 0: no geocoding yet; the place name is kept for readers.
        ["0", Clean(fullName ?? ""), "", "", "", "", "", ""];

    /// <summary>GDELT's quad class from the CAMEO root code: verbal and material cooperation, verbal and material conflict.</summary>
    public static int QuadClass(string rootCode) =>
        int.TryParse(rootCode, NumberStyles.None, CultureInfo.InvariantCulture, out var root) ? root switch
        {
            <= 5 => 1,
            <= 8 => 2,
            <= 13 => 3,
            _ => 4,
        } : 0;

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Clean(string value) => value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');

    private static string Csv(string? value)
    {
        value ??= "";
        return value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static IEnumerable<ClaimRow> ClaimRows(Story story) =>
        story.Claims.Select(c => new ClaimRow
        {
            StoryId = story.Id,
            StoryTitle = story.Title,
            StoryDate = story.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            StoryLocation = story.Location,
            StorySources = story.Sources.Length,
            ClaimId = c.Id,
            Status = DossierStore.StatusName(c.Status),
            IndependentSources = c.IndependentSources,
            Text = c.Text,
            EventSource = c.Event?.Source,
            EventCode = c.Event?.Code,
            EventTarget = c.Event?.Target,
            Goldstein = c.Event?.Goldstein,
            Evidence = string.Join('|', c.Evidence.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.ArticleId}:{e.SentenceIndex}:{e.Span.Start}-{e.Span.End}"))),
        });

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

    // One row group per rowGroup claims, each appended as it fills: the rows of the whole store are never in memory.
    private static void WriteRowGroups(IEnumerable<Story> all, Stream output, int rowGroup)
    {
        var first = true;
        foreach (var chunk in all.SelectMany(ClaimRows).Chunk(rowGroup).DefaultIfEmpty([]))
        {
            ParquetSerializer.SerializeAsync(chunk, output, new ParquetOptions { Append = !first }).GetAwaiter().GetResult();
            first = false;
        }
    }

    /// <summary>One claim as a flat row: the CSV and Parquet layout.</summary>
    public sealed class ClaimRow
    {
        [System.Text.Json.Serialization.JsonPropertyName("story_id")] public string StoryId { get; set; } = "";
        [System.Text.Json.Serialization.JsonPropertyName("story_title")] public string StoryTitle { get; set; } = "";
        [System.Text.Json.Serialization.JsonPropertyName("story_date")] public string? StoryDate { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("story_location")] public string? StoryLocation { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("story_sources")] public int StorySources { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("claim_id")] public string ClaimId { get; set; } = "";
        [System.Text.Json.Serialization.JsonPropertyName("status")] public string Status { get; set; } = "";
        [System.Text.Json.Serialization.JsonPropertyName("independent_sources")] public int IndependentSources { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("text")] public string Text { get; set; } = "";
        [System.Text.Json.Serialization.JsonPropertyName("event_source")] public string? EventSource { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("event_code")] public string? EventCode { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("event_target")] public string? EventTarget { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("goldstein")] public double? Goldstein { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("evidence")] public string Evidence { get; set; } = "";

        /// <summary>The values in <see cref="ClaimColumns"/> order, as text.</summary>
        public IEnumerable<string?> Values() =>
        [
            StoryId, StoryTitle, StoryDate, StoryLocation, Int(StorySources), ClaimId, Status, Int(IndependentSources), Text,
            EventSource, EventCode, EventTarget, Goldstein?.ToString("0.0", CultureInfo.InvariantCulture), Evidence,
        ];
    }
}
