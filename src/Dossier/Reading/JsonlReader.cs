using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dossier.Model;

namespace Dossier.Reading;

/// <summary>
/// JSON Lines dumps: one object per line, <c>{url, html | text, title?, published?, outlet?, authors?}</c>.
/// The record of each document is its line number. A bad line is one error; the next line is read as usual.
/// </summary>
public sealed class JsonlReader(Stream stream, string path, ReaderOptions options)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>The documents and errors of the file, in line order.</summary>
    public IEnumerable<ReadItem> Read()
    {
        var reader = new ByteReader(stream);
        using var line = new MemoryStream();
        var number = 0;
        var maxLine = (int)Math.Min(int.MaxValue - 64, options.MaxDocumentBytes);
        while (true)
        {
            LineStatus status;
            string? failure = null;
            try
            {
                status = reader.ReadLine(maxLine, line);
            }
            catch (IOException e)
            {
                status = LineStatus.EndOfStream;
                failure = e is ReadLimitException ? e.Message : "read error: " + e.Message;
            }

            number++;
            var record = number.ToString(CultureInfo.InvariantCulture);
            if (failure is not null)
            {
                yield return ReadItem.Failed(path, record, failure);
                yield break;
            }

            switch (status)
            {
                case LineStatus.EndOfStream:
                    yield break;
                case LineStatus.TooLong:
                    yield return ReadItem.Failed(path, record, $"line larger than the {options.MaxDocumentSizeText} limit");
                    continue;
            }

            var bytes = line.GetBuffer().AsSpan(0, (int)line.Length);
            if (number == 1 && bytes.StartsWith("\uFEFF"u8))
            {
                bytes = bytes[3..];
            }

            if (bytes.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            yield return Parse(bytes, record);
        }
    }

    private ReadItem Parse(ReadOnlySpan<byte> bytes, string record)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes);
        }
        catch (DecoderFallbackException)
        {
            return ReadItem.Failed(path, record, "invalid UTF-8");
        }

        try
        {
            var reader = new Utf8JsonReader(bytes);
            using var json = JsonDocument.ParseValue(ref reader);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ReadItem.Failed(path, record, "line is not a JSON object");
            }

            string? Field(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString()!.Trim() : null;
            var html = Field("html");
            var text = Field("text");
            if (html is null && text is null)
            {
                return ReadItem.Failed(path, record, "no \"html\" or \"text\" field");
            }

            var authors = root.TryGetProperty("authors", out var a) && a.ValueKind == JsonValueKind.Array
                ? [.. a.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
                : Field("author") is { } one ? ImmutableArray.Create(one) : ImmutableArray<string>.Empty;
            var hints = new SourceHints
            {
                Url = Field("url"),
                Title = Field("title"),
                Published = FeedReader.ParseDate(Field("published")),
                Outlet = Field("outlet"),
                Authors = authors,
            };
            return ReadItem.Of(new SourceDocument(path, record, html is not null ? DocumentKind.Html : DocumentKind.Text, html ?? text!, hints));
        }
        catch (JsonException e)
        {
            return ReadItem.Failed(path, record, "invalid JSON: " + FirstSentence(e.Message));
        }
    }

    private static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? message[..dot] : message.TrimEnd('.');
    }
}
