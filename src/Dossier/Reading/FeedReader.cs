using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Dossier.Model;

namespace Dossier.Reading;

/// <summary>
/// RSS 2.0 (and 1.0/RDF) and Atom feeds: each item becomes one document holding its full content when the
/// feed carries it (<c>content:encoded</c>, Atom <c>content</c>), else its description or summary. The
/// feed's title is the outlet; the item's link, date, title and authors travel as hints.
/// </summary>
public static partial class FeedReader
{
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    /// <summary>The items of the feed in <paramref name="xml"/>, in document order.</summary>
    public static IEnumerable<ReadItem> Read(string path, string xml)
    {
        XDocument document;
        try
        {
            // No DTDs and no external resolution: a feed must not be able to expand entities or reach out.
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersFromEntities = 1024 };
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            return [ReadItem.Failed(path, null, "malformed feed: " + e.Message)];
        }

        var root = document.Root!;
        return root.Name.LocalName switch
        {
            "feed" => ReadAtom(path, root),
            "rss" or "RDF" => ReadRss(path, root),
            _ => [ReadItem.Failed(path, null, $"XML root <{root.Name.LocalName}> is not an RSS or Atom feed")],
        };
    }

    private static IEnumerable<ReadItem> ReadRss(string path, XElement root)
    {
        var channel = root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel");
        var outlet = Clean(channel?.Elements().FirstOrDefault(e => e.Name.LocalName == "title")?.Value);
        var items = (channel?.Elements() ?? []).Concat(root.Elements()).Where(e => e.Name.LocalName == "item").ToList();
        if (items.Count == 0)
        {
            yield return ReadItem.Failed(path, null, "feed has no items");
            yield break;
        }

        var index = 0;
        foreach (var item in items)
        {
            index++;
            string? Child(string name) => item.Elements().FirstOrDefault(e => e.Name.LocalName == name && e.Name.Namespace != Content)?.Value;
            var guid = Clean(Child("guid"));
            var record = guid ?? index.ToString(CultureInfo.InvariantCulture);
            var content = item.Element(Content + "encoded")?.Value;
            if (string.IsNullOrWhiteSpace(content))
            {
                content = Child("description");
            }

            var authors = item.Elements().Where(e => e.Name == DublinCore + "creator" || e.Name.LocalName == "author").Select(e => Clean(e.Value)).OfType<string>().ToImmutableArray();
            var hints = new SourceHints
            {
                Title = Clean(Child("title")),
                Url = Clean(Child("link")),
                Published = ParseDate(Child("pubDate") ?? item.Element(DublinCore + "date")?.Value),
                Outlet = outlet,
                Authors = authors,
            };
            yield return Document(path, record, content, hints);
        }
    }

    private static IEnumerable<ReadItem> ReadAtom(string path, XElement root)
    {
        var outlet = Clean(root.Element(Atom + "title")?.Value);
        var entries = root.Elements(Atom + "entry").ToList();
        if (entries.Count == 0)
        {
            yield return ReadItem.Failed(path, null, "feed has no entries");
            yield break;
        }

        var index = 0;
        foreach (var entry in entries)
        {
            index++;
            var record = Clean(entry.Element(Atom + "id")?.Value) ?? index.ToString(CultureInfo.InvariantCulture);
            var content = AtomText(entry.Element(Atom + "content"));
            if (string.IsNullOrWhiteSpace(content))
            {
                content = AtomText(entry.Element(Atom + "summary"));
            }

            var link = entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate");
            var hints = new SourceHints
            {
                Title = Clean(AtomText(entry.Element(Atom + "title")) is { } t ? HtmlTags().Replace(t, "") : null),
                Url = Clean((string?)link?.Attribute("href")),
                Published = ParseDate(entry.Element(Atom + "published")?.Value ?? entry.Element(Atom + "updated")?.Value),
                Outlet = outlet,
                Authors = [.. entry.Elements(Atom + "author").Select(a => Clean(a.Element(Atom + "name")?.Value)).OfType<string>()],
            };
            yield return Document(path, record, content, hints);
        }
    }

    private static ReadItem Document(string path, string record, string? content, SourceHints hints)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return ReadItem.Failed(path, record, "feed item has no content");
        }

        var kind = HtmlTags().IsMatch(content) ? DocumentKind.Html : DocumentKind.Text;
        return ReadItem.Of(new SourceDocument(path, record, kind, content.Trim(), hints));
    }

    // Atom text constructs: type="xhtml" holds markup as child elements, "html" holds it escaped, "text" plain.
    private static string? AtomText(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        if ((string?)element.Attribute("type") == "xhtml")
        {
            var div = element.Elements().FirstOrDefault() ?? element;
            return string.Concat(div.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)));
        }

        return element.Value;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Parses an RFC 822 date (RSS) or an ISO 8601 date (Atom, Dublin Core); null when neither.</summary>
    public static DateTimeOffset? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var iso) && !char.IsLetter(text[0]))
        {
            return iso;
        }

        // RFC 822: "Mon, 05 Jan 2026 09:30:00 +0500" or with a zone name; the weekday is optional and not checked.
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0 && comma < 5)
        {
            text = text[(comma + 1)..].Trim();
        }

        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 4)
        {
            var zone = parts.Length >= 5 ? parts[4] : "GMT";
            var offset = zone.ToUpperInvariant() switch
            {
                "GMT" or "UT" or "UTC" or "Z" => "+00:00",
                "EST" => "-05:00",
                "EDT" => "-04:00",
                "CST" => "-06:00",
                "CDT" => "-05:00",
                "MST" => "-07:00",
                "MDT" => "-06:00",
                "PST" => "-08:00",
                "PDT" => "-07:00",
                _ when zone.Length == 5 && zone[0] is '+' or '-' => zone[..3] + ":" + zone[3..],
                _ => "+00:00",
            };
            var time = parts[3].Length == 5 ? parts[3] + ":00" : parts[3];
            var year = parts[2].Length == 2 ? "20" + parts[2] : parts[2];
            var normal = $"{parts[0].PadLeft(2, '0')} {parts[1][..Math.Min(3, parts[1].Length)]} {year} {time} {offset}";
            if (DateTimeOffset.TryParseExact(normal, "dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var rfc))
            {
                return rfc;
            }
        }

        return null;
    }

    [GeneratedRegex(@"<[a-zA-Z][^>]*>")]
    private static partial Regex HtmlTags();
}
