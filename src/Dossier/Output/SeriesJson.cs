using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dossier.Model;

namespace Dossier.Output;

/// <summary>
/// The one JSON shape of a series (<c>docs/dossier.schema.json</c>, definition <c>series</c>): written by
/// <c>dossier analyze</c> and <c>dossier show</c> (the top-level <c>series</c> array) and by the web API (a story's
/// <c>series</c> field) through <see cref="Converter"/>, so the three cannot drift apart.
/// </summary>
public static class SeriesJson
{
    /// <summary>For serializers (the web API): writes a series with <see cref="WriteRecord"/>; reading is not supported.</summary>
    public static JsonConverter<StorySeriesRecord> Converter { get; } = new SeriesConverter();

    /// <summary>Writes <paramref name="series"/> as the array property <paramref name="name"/>.</summary>
    public static void WriteArray(Utf8JsonWriter json, string name, ImmutableArray<StorySeriesRecord> series)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartArray(name);
        foreach (var record in series.IsDefault ? [] : series)
        {
            WriteRecord(json, record);
        }

        json.WriteEndArray();
    }

    /// <summary>Writes one series as an object: id, name, its stories earliest first, and the next occurrence announced (or null).</summary>
    public static void WriteRecord(Utf8JsonWriter json, StorySeriesRecord record)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(record);
        json.WriteStartObject();
        json.WriteString("id", record.Id);
        json.WriteString("name", record.Name);
        json.WriteStartArray("stories");
        foreach (var entry in record.Stories)
        {
            json.WriteStartObject();
            json.WriteString("storyId", entry.StoryId);
            json.WriteString("title", entry.Title);
            WriteOptional(json, "date", StatusNames.Iso(entry.Date));
            WriteOptional(json, "location", entry.Location);
            if (entry.Ordinal is { } ordinal)
            {
                json.WriteNumber("ordinal", ordinal);
            }
            else
            {
                json.WriteNull("ordinal");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WritePropertyName("next");
        if (record.Next is { } next)
        {
            json.WriteStartObject();
            json.WriteBoolean("announced", true);
            WriteOptional(json, "date", next.Date);
            WriteOptional(json, "location", next.Location);
            if (next.Ordinal is { } number)
            {
                json.WriteNumber("ordinal", number);
            }
            else
            {
                json.WriteNull("ordinal");
            }

            json.WriteString("announcedIn", next.AnnouncedIn);
            json.WriteStartArray("evidenceIds");
            foreach (var id in next.EvidenceIds.IsDefault ? [] : next.EvidenceIds)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// Writes <paramref name="story"/> (a story as its serializer wrote it) as the same object with one more field,
    /// <c>series</c>: the story's series in this shape, or null. The web API's story and the JSONL export's lines,
    /// so that clients read the story as before and the series as everywhere else.
    /// </summary>
    public static void WriteWithSeries(Utf8JsonWriter json, JsonElement story, StorySeriesRecord? series)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        foreach (var property in story.EnumerateObject())
        {
            if (property.NameEquals("series"))
            {
                continue;
            }

            property.WriteTo(json);
        }

        json.WritePropertyName("series");
        if (series is null)
        {
            json.WriteNullValue();
        }
        else
        {
            WriteRecord(json, series);
        }

        json.WriteEndObject();
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

    private sealed class SeriesConverter : JsonConverter<StorySeriesRecord>
    {
        public override StorySeriesRecord Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("series are written, not read");

        public override void Write(Utf8JsonWriter writer, StorySeriesRecord value, JsonSerializerOptions options) => WriteRecord(writer, value);
    }
}
