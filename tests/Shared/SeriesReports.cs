using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Dossier.Testing;

/// <summary>
/// Short reports written for the series tests (our own text, not taken from any source): three rounds of one
/// negotiation six weeks apart, two reports each from two outlets, and one unrelated report. `analyze` links the
/// three rounds as one series, earliest first, with ordinals 3, 4 and 5, named as the reports name the talks; the fifth
/// round's reports announce the sixth (Oslo, September); the flood belongs to no series.
/// </summary>
public static class SeriesReports
{
    /// <summary>The rounds: ordinal, its word, the city, the day.</summary>
    public static readonly IReadOnlyList<(int Ordinal, string Word, string City, DateOnly Day)> Rounds =
    [
        (3, "third", "Reykjavik", new DateOnly(2026, 2, 3)),
        (4, "fourth", "Oslo", new DateOnly(2026, 3, 17)),
        (5, "fifth", "Reykjavik", new DateOnly(2026, 5, 5)),
    ];

    /// <summary>The name the reports give the talks, with its capitals.</summary>
    public const string SeriesName = "North Atlantic Mackerel Talks";

    /// <summary>The round whose reports announce the next one, the sentence that does, and what it announces.</summary>
    public static readonly (int After, string Sentence, string City, string Month, int Ordinal) Announced =
        (5, "The two delegations agreed to hold the next round in Oslo in September.", "Oslo", "2026-09", 6);

    /// <summary>Title of the reports of one round.</summary>
    public static string Title(int ordinal)
    {
        var round = Rounds.Single(r => r.Ordinal == ordinal);
        return $"Norway and Iceland hold {round.Word} round of mackerel quota talks in {round.City}";
    }

    /// <summary>The reports as JSONL lines (title, published, outlet, url, text), of the given rounds and, when asked, the flood.</summary>
    public static string Jsonl(IEnumerable<int>? ordinals = null, bool flood = true)
    {
        var wanted = (ordinals ?? Rounds.Select(r => r.Ordinal)).ToHashSet();
        var sb = new StringBuilder();
        foreach (var (ordinal, word, city, day) in Rounds.Where(r => wanted.Contains(r.Ordinal)))
        {
            var iso = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var spoken = day.ToString("MMMM d", CultureInfo.InvariantCulture);
            foreach (var (outlet, lead) in new[] { ("Harbour Gazette", "Negotiators from Norway and Iceland"), ("Ridge Observer", "Fisheries officials of Iceland and Norway") })
            {
                var title = Title(ordinal);
                var text = $"{title}\n\n{city.ToUpperInvariant()}, {spoken} - {lead} met in {city} on {spoken}, 2026 for the {word} round of talks on mackerel quotas in the North Atlantic. " +
                    $"The Norwegian fisheries minister said the {word} round of the North Atlantic Mackerel Talks narrowed the gap on quota shares. " +
                    "Iceland's foreign ministry said the mackerel talks would resume within weeks. Fishing crews in both countries follow the quota negotiations closely." +
                    (ordinal == Announced.After ? " " + Announced.Sentence : "");
                Line(sb, title, iso + "T12:00:00Z", outlet, $"https://{outlet.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()}.example/{iso}-{ordinal}", text);
            }
        }

        if (flood)
        {
            Line(sb, "Flood waters rise in Porto Alegre", "2026-03-20T08:00:00Z", "Delta Courier", "https://deltacourier.example/flood",
                "Flood waters rise in Porto Alegre\n\nPORTO ALEGRE, March 20 - Heavy rain flooded streets in Porto Alegre on Friday, Brazil's civil defence said. Hundreds of families left their homes.");
        }

        return sb.ToString();
    }

    /// <summary>Writes <see cref="Jsonl"/> to <paramref name="path"/> and returns the path.</summary>
    public static string Write(string path, IEnumerable<int>? ordinals = null, bool flood = true)
    {
        File.WriteAllText(path, Jsonl(ordinals, flood), new UTF8Encoding(false));
        return path;
    }

    private static void Line(StringBuilder sb, string title, string published, string outlet, string url, string text) =>
        sb.Append(JsonSerializer.Serialize(new Dictionary<string, string> { ["title"] = title, ["published"] = published, ["outlet"] = outlet, ["url"] = url, ["text"] = text })).Append('\n');
}
