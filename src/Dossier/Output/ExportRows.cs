using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dossier.Model;
using Parquet;
using Parquet.Serialization;

namespace Dossier.Output;

/// <summary>
/// The field's flat layouts of a story (GDELT 2.0 event and mention rows, a row per claim for CSV and Parquet): pure
/// functions of a story and its articles, no clock, so equal inputs give byte-identical files. <c>dossier export</c>
/// writes a store's stories through them (<c>Storage/StoreExport</c>).
/// </summary>
public static class ExportRows
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

    private static IEnumerable<string> ActorColumns(string prefix) =>
        new[] { "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code" }
            .Select(c => prefix + c);

    private static IEnumerable<string> GeoColumns(string prefix) =>
        new[] { "_Type", "_FullName", "_CountryCode", "_ADM1Code", "_ADM2Code", "_Lat", "_Long", "_FeatureID" }.Select(c => prefix + c);

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

    /// <summary>The GDELT 2.0 event rows of a story's coded claims (its articles by id, for the coded records).</summary>
    public static IEnumerable<string[]> EventRows(Story story, Dictionary<string, AnnotatedArticle> articles)
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

    /// <summary>The GDELT 2.0 mention rows: one per sentence behind a coded claim.</summary>
    public static IEnumerable<string[]> MentionRows(Story story, Dictionary<string, AnnotatedArticle> articles)
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

    /// <summary>A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break.</summary>
    public static string Csv(string? value)
    {
        value ??= "";
        return value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>A story's claims as flat rows (the CSV and Parquet layout).</summary>
    public static IEnumerable<ClaimRow> ClaimRows(Story story) =>
        story.Claims.Select(c => new ClaimRow
        {
            StoryId = story.Id,
            StoryTitle = story.Title,
            StoryDate = story.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            StoryLocation = story.Location,
            StorySources = story.Sources.Length,
            ClaimId = c.Id,
            Status = StatusNames.Of(c.Status),
            IndependentSources = c.IndependentSources,
            Text = c.Text,
            EventSource = c.Event?.Source,
            EventCode = c.Event?.Code,
            EventTarget = c.Event?.Target,
            Goldstein = c.Event?.Goldstein,
            Evidence = string.Join('|', c.Evidence.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.ArticleId}:{e.SentenceIndex}:{e.Span.Start}-{e.Span.End}"))),
        });

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

    /// <summary>
    /// Writes <paramref name="rows"/> as Parquet, one row group per <paramref name="rowGroup"/> rows, each appended as
    /// it fills: only one row group is ever in memory. Appending rewrites the footer by seeking, so
    /// <paramref name="output"/> must be seekable.
    /// </summary>
    public static void WriteParquet(IEnumerable<ClaimRow> rows, Stream output, int rowGroup)
    {
        var first = true;
        foreach (var chunk in rows.Chunk(rowGroup).DefaultIfEmpty([]))
        {
            ParquetSerializer.SerializeAsync(chunk, output, new ParquetOptions { Append = !first }).GetAwaiter().GetResult();
            first = false;
        }
    }
}
