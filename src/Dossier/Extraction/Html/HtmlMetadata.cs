using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Dossier.Extraction.Html;

/// <summary>Metadata a page states about itself, each value with where it came from.</summary>
internal sealed record PageMetadata
{
    public (string Value, string Source)? Title { get; init; }
    public (DateTimeOffset Value, string Source)? Published { get; init; }
    public (DateTimeOffset Value, string Source)? Modified { get; init; }
    public (ImmutableArray<string> Value, string Source)? Authors { get; init; }
    public (string Value, string Source)? Outlet { get; init; }
    public (string Value, string Source)? Url { get; init; }
    public (string Value, string Source)? Section { get; init; }
    public (string Value, string Source)? Language { get; init; }

    /// <summary>The article's text as JSON-LD states it (<c>articleBody</c>), when it does; pages rendered by script may carry the body only there.</summary>
    public string? ArticleBody { get; init; }

    /// <summary>Every title the page gives (title tag, og:title, headline, h1): a body block equal to one is the title again.</summary>
    public ImmutableArray<string> TitleVariants { get; init; } = [];
}

/// <summary>Reads JSON-LD (NewsArticle and kin), OpenGraph and plain &lt;meta&gt; tags. JSON-LD wins, then OpenGraph, then meta.</summary>
internal static class HtmlMetadata
{
    private static readonly string[] ArticleTypes = ["NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "Article", "BlogPosting", "LiveBlogPosting", "Report", "ScholarlyArticle", "TechArticle", "WebPage"];

    /// <summary>Reads the metadata of a page from what its head declares and, for the h1 fallback, its body.</summary>
    public static PageMetadata Read(PageHead head, PageNode body)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, content) in head.Metas)
        {
            meta.TryAdd(key, content);
        }

        var titleTag = head.TitleTag;
        var canonical = head.Canonical;
        var ld = ReadJsonLd(head.JsonLd);
        var result = new PageMetadata();
        var titles = new List<string>();

        var h1 = FirstHeading(body)?.InnerText();
        result = result with
        {
            Title = First(("json-ld", ld?.Headline), ("og:title", Get(meta, "og:title")), ("twitter:title", Get(meta, "twitter:title")), ("title", StripSiteName(titleTag)), ("h1", h1)),
            Published = FirstDate(("json-ld", ld?.Published), ("article:published_time", Get(meta, "article:published_time")), ("meta:date", Get(meta, "datePublished", "pubdate", "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date", "og:published_time"))),
            Modified = FirstDate(("json-ld", ld?.Modified), ("article:modified_time", Get(meta, "article:modified_time", "og:updated_time")), ("meta:date", Get(meta, "dateModified", "last-modified", "dcterms.modified"))),
            Outlet = First(("json-ld", ld?.Publisher), ("og:site_name", Get(meta, "og:site_name")), ("meta:application-name", Get(meta, "application-name"))),
            Url = First(("canonical", canonical), ("og:url", Get(meta, "og:url")), ("json-ld", ld?.Url)),
            Section = First(("json-ld", ld?.Section), ("article:section", Get(meta, "article:section")), ("meta:section", Get(meta, "section", "parsely-section"))),
            ArticleBody = ld?.Body,
            Language = First(("json-ld", ld?.Language), ("html-lang", head.Language), ("og:locale", Get(meta, "og:locale")), ("meta:language", Get(meta, "language", "content-language", "dc.language"))),
        };

        var authors = ld?.Authors is { Length: > 0 } a ? (a, "json-ld")
            : Get(meta, "author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator") is { } m1 && !m1.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? (SplitAuthors(m1), "meta:author")
            : ((ImmutableArray<string>, string)?)null;
        result = result with { Authors = authors };

        foreach (var t in new[] { ld?.Headline, Get(meta, "og:title"), Get(meta, "twitter:title"), titleTag, StripSiteName(titleTag), h1 })
        {
            if (!string.IsNullOrWhiteSpace(t))
            {
                titles.Add(t.Trim());
            }
        }

        return result with { TitleVariants = [.. titles.Distinct(StringComparer.Ordinal)] };
    }

    private static string? Get(Dictionary<string, string> meta, params string[] keys)
    {
        foreach (var k in keys)
        {
            if (meta.TryGetValue(k, out var v))
            {
                return v;
            }
        }

        return null;
    }

    private static (string, string)? First(params (string Source, string? Value)[] options)
    {
        foreach (var (source, value) in options)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return (System.Net.WebUtility.HtmlDecode(value.Trim()), source);
            }
        }

        return null;
    }

    private static (DateTimeOffset, string)? FirstDate(params (string Source, string? Value)[] options)
    {
        foreach (var (source, value) in options)
        {
            if (value is not null && ParseDate(value) is { } date)
            {
                return (date, source);
            }
        }

        return null;
    }

    /// <summary>Parses the ISO-like dates pages use; a date without a zone is taken as UTC.</summary>
    internal static DateTimeOffset? ParseDate(string value)
    {
        var v = value.Trim();
        if (DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            return date;
        }

        // Compact forms such as 20191119T153000Z or 2019-11-19T15:30:00.000+0000.
        string[] formats = ["yyyyMMdd'T'HHmmss'Z'", "yyyyMMdd", "yyyy-MM-dd'T'HH:mm:ss.fffzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.fffK", "yyyy-MM-dd HH:mm:ss"];
        var fixedZone = v.Length > 5 && (v[^5] is '+' or '-') && char.IsDigit(v[^1]) ? v[..^2] + ":" + v[^2..] : v;
        return DateTimeOffset.TryParseExact(fixedZone, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date) ? date : null;
    }

    /// <summary>Drops a trailing or leading " | Site" or " - Site" from a title tag.</summary>
    internal static string? StripSiteName(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        string[] separators = [" | ", " - ", " – ", " — ", " :: ", " · "];
        foreach (var sep in separators)
        {
            var i = title.LastIndexOf(sep, StringComparison.Ordinal);
            if (i > 0)
            {
                var head = title[..i].Trim();
                var tail = title[(i + sep.Length)..].Trim();
                return head.Length >= tail.Length ? head : tail;
            }
        }

        return title.Trim();
    }

    private static ImmutableArray<string> SplitAuthors(string value) =>
        [.. value.Split([",", " and ", ";", "|"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s.Length > 1).Distinct(StringComparer.Ordinal)];

    private sealed record LdArticle(string? Headline, string? Published, string? Modified, ImmutableArray<string> Authors, string? Publisher, string? Url, string? Section, string? Language, string? Body);

    /// <summary>The first h1 of the body, found without recursion.</summary>
    private static PageNode? FirstHeading(PageNode body)
    {
        var stack = new Stack<PageNode>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n.Tag == "h1")
            {
                return n;
            }

            for (var i = n.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(n.Children[i]);
            }
        }

        return null;
    }

    private static LdArticle? ReadJsonLd(List<string> blocks)
    {
        LdArticle? best = null;
        var bestRank = int.MaxValue;
        foreach (var block in blocks)
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(block, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            }
            catch (JsonException)
            {
                continue; // Broken JSON-LD is common; the page's other metadata still counts.
            }

            using (doc)
            {
                foreach (var item in Items(doc.RootElement, 0))
                {
                    var rank = TypeRank(item);
                    if (rank < bestRank)
                    {
                        bestRank = rank;
                        best = ToArticle(item);
                    }
                }
            }
        }

        return best;
    }

    private static IEnumerable<JsonElement> Items(JsonElement element, int depth)
    {
        if (depth > 4)
        {
            yield break;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in element.EnumerateArray())
            {
                foreach (var x in Items(e, depth + 1))
                {
                    yield return x;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            yield return element;
            if (element.TryGetProperty("@graph", out var graph))
            {
                foreach (var x in Items(graph, depth + 1))
                {
                    yield return x;
                }
            }
        }
    }

    private static int TypeRank(JsonElement item)
    {
        if (!item.TryGetProperty("@type", out var type))
        {
            return int.MaxValue;
        }

        var best = int.MaxValue;
        foreach (var t in type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().ToArray() : [type])
        {
            if (t.ValueKind == JsonValueKind.String)
            {
                var i = Array.IndexOf(ArticleTypes, t.GetString());
                if (i >= 0 && i < best)
                {
                    best = i;
                }
            }
        }

        return best;
    }

    private static LdArticle ToArticle(JsonElement item) => new(
        Str(item, "headline") ?? Str(item, "name"),
        Str(item, "datePublished") ?? Str(item, "dateCreated"),
        Str(item, "dateModified"),
        Names(item, "author"),
        item.TryGetProperty("publisher", out var publisher) ? NameOf(publisher) : null,
        Str(item, "url") ?? (item.TryGetProperty("mainEntityOfPage", out var main) ? main.ValueKind == JsonValueKind.String ? main.GetString() : Str(main, "@id") : null),
        Str(item, "articleSection"),
        Str(item, "inLanguage"),
        Str(item, "articleBody"));

    private static string? Str(JsonElement item, string name)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array when value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.String => value[0].GetString(),
            _ => null,
        };
    }

    private static string? NameOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Object => Str(value, "name"),
        JsonValueKind.Array when value.GetArrayLength() > 0 => NameOf(value[0]),
        _ => null,
    };

    private static ImmutableArray<string> Names(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var value))
        {
            return [];
        }

        var list = new List<string>();
        foreach (var v in value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToArray() : [value])
        {
            var n = NameOf(v)?.Trim();
            if (!string.IsNullOrEmpty(n) && !n.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !list.Contains(n))
            {
                list.Add(n);
            }
        }

        return [.. list];
    }
}
