using System.Collections.Immutable;

namespace Dossier.Model;

/// <summary>A block of a page or pasted text that the extractor kept out of the article, and why.</summary>
/// <param name="Text">The removed text.</param>
/// <param name="Reason">Why it was removed (for example <c>share-prompt</c>, <c>related-headlines</c>, <c>navigation</c>).</param>
public sealed record RemovedBlock(string Text, string Reason);

/// <summary>A metadata value with where it came from (<c>json-ld</c>, <c>og:title</c>, <c>first-line</c>, <c>feed</c>…).</summary>
public sealed record Provenance(string Field, string Source);

/// <summary>Article metadata. Every field may be missing; <see cref="Sources"/> says where each present one came from.</summary>
public sealed record ArticleMetadata
{
    public static ArticleMetadata Empty { get; } = new();

    public string? Title { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Modified { get; init; }
    public ImmutableArray<string> Authors { get; init; } = [];

    /// <summary>The site or paper that published this copy.</summary>
    public string? Outlet { get; init; }

    /// <summary>The wire or syndication credit, such as <c>Dawn/ANN</c>: whose text this copy carries.</summary>
    public string? Credit { get; init; }

    /// <summary>The dateline city, such as <c>BEIJING</c>.</summary>
    public string? Dateline { get; init; }

    /// <summary>Where the dateline stands in <see cref="Article.Text"/>, when it is there.</summary>
    public TextSpan? DatelineSpan { get; init; }

    /// <summary>ISO 639-1 language code.</summary>
    public string? Language { get; init; }
    public string? Url { get; init; }
    public string? Section { get; init; }

    /// <summary>Image captions, kept apart from the body.</summary>
    public ImmutableArray<string> Captions { get; init; } = [];

    /// <summary>Why the article's text is incomplete (its gzip file was cut short), when it is.</summary>
    public string? Truncated { get; init; }

    /// <summary>Where each present field came from.</summary>
    public ImmutableArray<Provenance> Sources { get; init; } = [];
}

/// <summary>
/// One article: the body text with its boilerplate removed, its metadata, and what was removed.
/// All later annotations are spans into <see cref="Text"/>.
/// </summary>
/// <param name="Id">Stable identifier derived from path and record (same input, same id).</param>
/// <param name="Path">The input file.</param>
/// <param name="Record">The item inside the file, if any.</param>
/// <param name="Text">The article body.</param>
/// <param name="Metadata">Title, dates, outlet, credit, dateline, language…</param>
/// <param name="Removed">Blocks kept out of the body, with reasons.</param>
public sealed record Article(string Id, string Path, string? Record, string Text, ArticleMetadata Metadata, ImmutableArray<RemovedBlock> Removed);
