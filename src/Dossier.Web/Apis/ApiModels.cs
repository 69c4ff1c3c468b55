using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Dossier.Model;
using Dossier.Output;
using Dossier.Storage;

namespace Dossier.Web.Apis;

/// <summary>A run of characters of an article to highlight: an evidence sentence, a mention, a time or an event verb.</summary>
/// <param name="Start">First character (offset into <see cref="ArticleView.Text"/>).</param>
/// <param name="End">One past the last character.</param>
/// <param name="Kind"><c>evidence</c>, <c>mention</c>, <c>time</c> or <c>event</c>.</param>
/// <param name="Label">What it is: the claim id, the canonical name, the resolved date or the CAMEO code.</param>
public sealed record Highlight(int Start, int End, string Kind, string Label);

/// <summary>
/// An article with its text and the spans worth highlighting, in text order: the public article (identity and
/// metadata, <see cref="ArticleJson"/>, as every output gives them) and then the story it belongs to, the text and the highlights.
/// </summary>
public sealed record ArticleView : ArticleJson
{
    /// <summary>The story the article belongs to.</summary>
    [JsonPropertyOrder(1)]
    public required string StoryId { get; init; }

    /// <summary>The body all highlights point into.</summary>
    [JsonPropertyOrder(2)]
    public required string Text { get; init; }

    /// <summary>The spans to highlight, in text order.</summary>
    [JsonPropertyOrder(3)]
    public required IReadOnlyList<Highlight> Highlights { get; init; }

    /// <summary>The view of <paramref name="article"/> in <paramref name="storyId"/>.</summary>
    [SetsRequiredMembers]
    public ArticleView(Article article, string storyId, IReadOnlyList<Highlight> highlights)
        : base(article ?? throw new ArgumentNullException(nameof(article)))
    {
        StoryId = storyId;
        Text = article.Text;
        Highlights = highlights;
    }
}

/// <summary>One coded event of an article.</summary>
public sealed record EventView(
    string ArticleId,
    string StoryId,
    string? Date,
    string Source,
    string Target,
    string Code,
    double Goldstein,
    string Modality,
    bool Negated,
    string Sentence);

/// <summary>Events between two actors on one day.</summary>
/// <param name="Date">ISO day.</param>
/// <param name="Events">How many events.</param>
/// <param name="MeanGoldstein">Their mean Goldstein weight (-10 conflict … +10 cooperation).</param>
public sealed record TimelineDay(string Date, int Events, double MeanGoldstein);

/// <summary>How two actors treated each other over time; events with no known day are counted apart.</summary>
public sealed record TimelineView(string First, string Second, IReadOnlyList<TimelineDay> Days, int Undated);

/// <summary>What an upload did, with one line per input that failed.</summary>
public sealed record UploadResult(IngestReport Report, IReadOnlyList<string> Errors);

/// <summary>One story of the list: the API's own record, not the store's row, so the store may change without the API.</summary>
/// <param name="Id">The story's id (<c>/api/stories/{id}</c>).</param>
/// <param name="Title">Its title.</param>
/// <param name="Date">The event's day (ISO), when known.</param>
/// <param name="Location">Where it happened, when known.</param>
/// <param name="IndependentSources">How many independent sources report it.</param>
/// <param name="Articles">How many reports it holds.</param>
/// <param name="Claims">How many claims.</param>
public sealed record StoryListItem(string Id, string Title, DateOnly? Date, string? Location, int IndependentSources, int Articles, int Claims)
{
    /// <summary>The list item of a story listing's row.</summary>
    public static StoryListItem From(StorySummary row) =>
        new(row.Id, row.Title, row.Date, row.Location, row.IndependentSources, row.Articles, row.Claims);
}

/// <summary>The stories page of the API.</summary>
public sealed record StoryList(IReadOnlyList<StoryListItem> Stories)
{
    /// <summary>The <c>offset</c> that asks for the next page; null when this page is the last.</summary>
    public int? Next { get; init; }
}

/// <summary>One article of a listing, metadata only: the API's own record, not the store's row.</summary>
/// <param name="ArticleId">The article's id (<c>/api/articles/{id}</c>).</param>
/// <param name="StoryId">The story it belongs to.</param>
/// <param name="Title">Its title, when known.</param>
/// <param name="Outlet">Who published it, when known.</param>
/// <param name="Published">When it was published (ISO 8601), when known.</param>
/// <param name="Path">The file it was read from (with <c>#record</c> for a record of a JSONL, WARC or feed file).</param>
public sealed record ArticleListItem(string ArticleId, string StoryId, string? Title, string? Outlet, string? Published, string Path)
{
    /// <summary>The list item of an article listing's row.</summary>
    public static ArticleListItem From(ArticleSummary row) => new(row.ArticleId, row.StoryId, row.Title, row.Outlet, row.Published, row.Path);
}

/// <summary>An actor code and how many stories name it.</summary>
/// <param name="Actor">The CAMEO actor code.</param>
/// <param name="Stories">How many stories name it.</param>
public sealed record ActorListItem(string Actor, int Stories)
{
    /// <summary>The list item of an actor listing's row.</summary>
    public static ActorListItem From(ActorCount row) => new(row.Actor, row.Stories);
}

/// <summary>One article found by full-text search, best first.</summary>
/// <param name="ArticleId">The article's id.</param>
/// <param name="StoryId">The story it belongs to.</param>
/// <param name="Title">Its title, when known.</param>
/// <param name="Outlet">Who published it, when known.</param>
/// <param name="Path">The file it was read from.</param>
/// <param name="Snippet">Text around the matches, each match in [brackets].</param>
public sealed record SearchResult(string ArticleId, string StoryId, string? Title, string? Outlet, string Path, string Snippet)
{
    /// <summary>The result of a search hit.</summary>
    public static SearchResult From(SearchHit hit) => new(hit.ArticleId, hit.StoryId, hit.Title, hit.Outlet, hit.Path, hit.Snippet);
}
