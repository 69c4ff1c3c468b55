using System.Collections.Immutable;

namespace Dossier.Model;

/// <summary>What kind of content a source document holds once its bytes are decoded.</summary>
public enum DocumentKind
{
    /// <summary>Plain text, possibly with a web page's chrome pasted along with it.</summary>
    Text,

    /// <summary>An HTML page.</summary>
    Html,
}

/// <summary>
/// Metadata that came with a document from its container (a feed item, a WARC header, a JSONL field)
/// rather than from its content. The extractor prefers what the content says and falls back to these.
/// </summary>
public sealed record SourceHints
{
    /// <summary>No hints.</summary>
    public static SourceHints None { get; } = new();

    public string? Title { get; init; }
    public string? Url { get; init; }
    public DateTimeOffset? Published { get; init; }
    public string? Outlet { get; init; }
    public ImmutableArray<string> Authors { get; init; } = [];

    /// <summary>Why the content is incomplete (a gzip file cut short), when it is; carried into the article's metadata.</summary>
    public string? Truncated { get; init; }
}

/// <summary>
/// One decoded document as a reader found it: a file, a feed item, a WARC record or a JSONL line.
/// </summary>
/// <param name="Path">The input file the document came from, as the user named it (or <c>-</c> for stdin).</param>
/// <param name="Record">Which item inside the file (feed item, WARC record, JSONL line); null for whole files.</param>
/// <param name="Kind">Text or HTML.</param>
/// <param name="Content">The decoded content.</param>
/// <param name="Hints">Metadata from the container.</param>
public sealed record SourceDocument(string Path, string? Record, DocumentKind Kind, string Content, SourceHints Hints)
{
    /// <summary>A label for messages: <c>path</c> or <c>path#record</c>.</summary>
    public string Label => Record is null ? Path : $"{Path}#{Record}";
}

/// <summary>An input that could not be read or processed: one line on stderr, the batch goes on.</summary>
/// <param name="Path">The file.</param>
/// <param name="Record">The item inside the file, when the failure is about one item.</param>
/// <param name="Reason">Why, in a few words.</param>
public sealed record InputError(string Path, string? Record, string Reason)
{
    /// <summary>The one-line message <c>dossier: path[#record]: reason</c>.</summary>
    public override string ToString() => Record is null ? $"dossier: {Path}: {Reason}" : $"dossier: {Path}#{Record}: {Reason}";
}

/// <summary>What a reader yields: a document, or an error about one input.</summary>
public readonly record struct ReadItem(SourceDocument? Document, InputError? Error)
{
    public static ReadItem Of(SourceDocument document) => new(document, null);
    public static ReadItem Failed(string path, string? record, string reason) => new(null, new InputError(path, record, reason));
}
