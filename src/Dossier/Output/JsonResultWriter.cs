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
            JsonSerializer.Serialize(json, AnalyzedArticleJson.From(article, owner.IncludeText), ContractJsonContext.Default.AnalyzedArticleJson);
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
            JsonSerializer.Serialize(storyWriter, StoryJson.From(story), ContractJsonContext.Default.StoryJson);
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
            json.WritePropertyName("series");
            JsonSerializer.Serialize(json, [.. (summary.Series.IsDefault ? [] : summary.Series).Select(SeriesJson.From)], ContractJsonContext.Default.IReadOnlyListSeriesJson);
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
