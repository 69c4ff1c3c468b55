using System.Text.Json.Serialization;
using Dossier.Model;

namespace Dossier.Output;

/// <summary>
/// The one public shape of a series (<c>docs/dossier.schema.json</c>, definition <c>series</c>): the entries of
/// <c>analyze</c>'s and <c>show</c>'s top-level <c>series</c> array, and a story's <c>series</c> in the web API and
/// in <c>export --format jsonl</c> (<see cref="StoryWithSeriesJson"/>).
/// </summary>
/// <param name="Id">Stable id: the first story's id with a prefix.</param>
/// <param name="Name">The recurring event's name as its reports write it.</param>
/// <param name="Stories">The stories, earliest first.</param>
/// <param name="Next">The next occurrence its latest story's reports announce, or null.</param>
public sealed record SeriesJson(string Id, string Name, IReadOnlyList<SeriesEntryJson> Stories, AnnouncedJson? Next)
{
    /// <summary>The public shape of <paramref name="series"/>.</summary>
    public static SeriesJson From(StorySeriesRecord series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return new SeriesJson(
            series.Id,
            series.Name,
            [.. StoryJson.Each(series.Stories).Select(e => new SeriesEntryJson(e.StoryId, e.Title, StatusNames.Iso(e.Date), e.Location, e.Ordinal))],
            series.Next is { } next ? new AnnouncedJson(next.Date, next.Location, next.Ordinal, next.AnnouncedIn, StoryJson.Strings(next.EvidenceIds)) : null);
    }
}

/// <summary>One story's place in a series: id, title, day, place and ordinal (null when its reports give none).</summary>
public sealed record SeriesEntryJson(string StoryId, string Title, string? Date, string? Location, int? Ordinal);

/// <summary>
/// An occurrence announced and not held yet: its day (a year, a month or a day, as resolved), place and number, the
/// story whose reports announce it and those reports' ids.
/// </summary>
public sealed record AnnouncedJson(string? Date, string? Location, int? Ordinal, string AnnouncedIn, IReadOnlyList<string> EvidenceIds)
{
    /// <summary>Always true: the occurrence is announced, not held.</summary>
    // First, as the contract has it, ahead of the positional fields.
    [JsonPropertyOrder(-1)]
    public bool Announced => true;
}
