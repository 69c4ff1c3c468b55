using System.Buffers;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dossier.Model;

namespace Dossier.Output;

/// <summary>
/// The JSON output contract (<c>docs/dossier.schema.json</c>). Written field by field with
/// <see cref="Utf8JsonWriter"/> so the layout is explicit and byte-identical across runs.
/// </summary>
public sealed class JsonResultWriter : IResultWriter
{
    /// <summary>The version of the output contract; bumped on breaking changes.</summary>
    public const string SchemaVersion = "1.0";

    /// <inheritdoc />
    public string Format => "json";

    /// <inheritdoc />
    public string Extension => ".json";

    /// <summary>When false, article texts are left out (offsets can be reproduced with <c>dossier extract</c>).</summary>
    public bool IncludeText { get; init; } = true;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Article text is data, not markup: keep non-ASCII readable; HTML escaping is the HTML writer's job.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <inheritdoc />
    public IAnalysisSink CreateSink(Stream output) => new Sink(this, output);

    /// <summary>
    /// Streams articles straight to the output as they arrive. Stories may close while articles are still
    /// coming, but belong after them in the document: each is spooled to a temporary file, already indented as
    /// it will stand in the document, and copied into place at the end, so memory stays bounded.
    /// </summary>
    private sealed class Sink(JsonResultWriter owner, Stream output) : IAnalysisSink
    {
        private readonly Utf8JsonWriter json = new(output, Options);
        private readonly List<InputError> errors = [];
        private FileStream? spool;
        private ArrayBufferWriter<byte>? storyBuffer;
        private Utf8JsonWriter? storyWriter;
        private int storyCount;
        private long lastStoryAt;

        public void Begin(DateTimeOffset generatedAt)
        {
            json.WriteStartObject();
            json.WriteString("schemaVersion", SchemaVersion);
            json.WriteString("generator", "dossier " + (typeof(JsonResultWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0"));
            json.WriteString("generatedAt", StatusNames.Iso(generatedAt));
            json.WriteStartArray("articles");
        }

        public void Article(AnnotatedArticle article)
        {
            owner.WriteArticle(json, article);
            if (json.BytesPending > 1 << 16)
            {
                json.Flush();
            }
        }

        public void Story(Story story)
        {
            spool ??= new FileStream(Path.Combine(Path.GetTempPath(), "dossier-stories-" + Guid.NewGuid().ToString("N") + ".json"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            storyBuffer ??= new ArrayBufferWriter<byte>(1 << 16);
            storyBuffer.ResetWrittenCount();
            if (storyWriter is null)
            {
                storyWriter = new Utf8JsonWriter(storyBuffer, Options);
            }
            else
            {
                storyWriter.Reset(storyBuffer);
            }

            // Written two levels deep, where stories stand in the document ({ "stories": [ ... ), so that the bytes
            // after the bracket are the story exactly as the document's writer would indent it. Re-parsing compact
            // lines and re-indenting them at the end was a twentieth of a run, all of it on one thread.
            storyWriter.WriteStartObject();
            storyWriter.WriteStartArray("stories");
            storyWriter.Flush();
            var start = storyBuffer.WrittenCount;
            WriteStory(storyWriter, story);
            storyWriter.Flush();
            if (storyCount++ > 0)
            {
                spool.WriteByte((byte)',');
            }

            lastStoryAt = spool.Position;
            spool.Write(storyBuffer.WrittenSpan[start..]);
        }

        public void Error(InputError error) => errors.Add(error);

        public void Complete(AnalysisSummary summary)
        {
            json.WriteEndArray();
            json.WriteStartArray("stories");
            if (spool is not null)
            {
                // Every story but the last goes out as spooled, each followed by its separator; the last goes through
                // the writer, which then closes the array as after any element.
                json.Flush();
                spool.Position = 0;
                var buffer = new byte[1 << 16];
                for (var left = lastStoryAt; left > 0;)
                {
                    var read = spool.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                    output.Write(buffer, 0, read);
                    left -= read;
                }

                var last = new byte[spool.Length - lastStoryAt];
                spool.ReadExactly(last);
                using var story = JsonDocument.Parse(last);
                story.WriteTo(json);
            }

            json.WriteEndArray();
            SeriesJson.WriteArray(json, "series", summary.Series);
            json.WriteStartArray("errors");
            foreach (var error in errors)
            {
                json.WriteStartObject();
                json.WriteString("path", error.Path);
                WriteOptional(json, "record", error.Record);
                json.WriteString("reason", error.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
            output.WriteByte((byte)'\n');
            output.Flush();
            storyWriter?.Dispose();
            spool?.Dispose();
            json.Dispose();
        }
    }

    private void WriteArticle(Utf8JsonWriter json, AnnotatedArticle annotated)
    {
        var article = annotated.Article;
        var meta = article.Metadata;
        json.WriteStartObject();
        json.WriteString("id", article.Id);
        json.WriteString("path", article.Path);
        WriteOptional(json, "record", article.Record);
        WriteOptional(json, "title", meta.Title);
        WriteOptional(json, "outlet", meta.Outlet);
        WriteOptional(json, "credit", meta.Credit);
        WriteOptional(json, "dateline", meta.Dateline);
        WriteOptional(json, "published", StatusNames.Iso(meta.Published));
        WriteOptional(json, "language", meta.Language);
        WriteOptional(json, "url", meta.Url);
        WriteStrings(json, "authors", meta.Authors);
        WriteOptional(json, "eventDate", StatusNames.Iso(annotated.EventDate));
        json.WriteNumber("sentenceCount", annotated.Sentences.Length);
        json.WriteNumber("eventCount", annotated.Events.Length);
        if (IncludeText)
        {
            json.WriteString("text", article.Text);
        }

        json.WriteEndObject();
    }

    private static void WriteStory(Utf8JsonWriter json, Story story)
    {
        json.WriteStartObject();
        json.WriteString("id", story.Id);
        json.WriteString("title", story.Title);
        WriteStrings(json, "articleIds", story.ArticleIds);
        if (!story.AnnouncementIds.IsDefaultOrEmpty)
        {
            WriteStrings(json, "announcementIds", story.AnnouncementIds);
        }

        json.WriteNumber("independentSources", story.IndependentSources);
        json.WriteStartArray("sources");
        foreach (var source in story.Sources)
        {
            json.WriteStartObject();
            json.WriteString("source", source.Source);
            WriteStrings(json, "articleIds", source.ArticleIds);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteOptional(json, "date", StatusNames.Iso(story.Date));
        WriteOptional(json, "location", story.Location);
        if (!story.Topics.IsDefaultOrEmpty)
        {
            json.WriteStartArray("topics");
            foreach (var topic in story.Topics)
            {
                json.WriteStringValue(topic);
            }

            json.WriteEndArray();
        }


        json.WriteStartArray("participants");
        foreach (var participant in story.Participants)
        {
            json.WriteStartObject();
            json.WriteString("name", participant.Name);
            WriteStrings(json, "titles", participant.Titles);
            WriteOptional(json, "actor", participant.Actor);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("claims");
        foreach (var claim in story.Claims)
        {
            json.WriteStartObject();
            json.WriteString("id", claim.Id);
            json.WriteString("text", claim.Text);
            WriteOptional(json, "topic", claim.Topic);
            json.WriteString("status", StatusNames.Of(claim.Status));
            json.WriteNumber("independentSources", claim.IndependentSources);
            if (claim.Modality is { } modality)
            {
                json.WriteString("modality", modality);
                json.WriteBoolean("negated", claim.Negated);
                json.WriteBoolean("background", claim.Background);
            }

            WriteEvidence(json, "evidence", claim.Evidence);
            if (claim.Event is { } e)
            {
                json.WriteStartObject("event");
                json.WriteString("source", e.Source);
                json.WriteString("code", e.Code);
                json.WriteString("target", e.Target);
                json.WriteNumber("goldstein", e.Goldstein);
                json.WriteString("mode", e.Mode);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("conflicts");
        foreach (var conflict in story.Conflicts)
        {
            json.WriteStartObject();
            json.WriteString("about", conflict.About);
            json.WriteStartArray("values");
            foreach (var value in conflict.Values)
            {
                json.WriteStartObject();
                json.WriteString("value", value.Value);
                WriteEvidence(json, "evidence", value.Evidence);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("coverage");
        foreach (var row in story.Coverage)
        {
            json.WriteStartObject();
            json.WriteString("outlet", row.Outlet);
            WriteStrings(json, "articleIds", row.ArticleIds);
            WriteStrings(json, "claimIds", row.ClaimIds);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteEvidence(Utf8JsonWriter json, string name, IEnumerable<Evidence> evidence)
    {
        json.WriteStartArray(name);
        foreach (var e in evidence)
        {
            json.WriteStartObject();
            json.WriteString("articleId", e.ArticleId);
            json.WriteString("sentence", e.Sentence);
            json.WriteNumber("sentenceIndex", e.SentenceIndex);
            json.WriteNumber("start", e.Span.Start);
            json.WriteNumber("end", e.Span.End);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
