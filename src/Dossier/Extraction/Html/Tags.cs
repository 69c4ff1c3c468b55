using System.Collections.Frozen;

namespace Dossier.Extraction.Html;

/// <summary>Element names by the role they play in finding the article (HTML vocabulary, not language).</summary>
internal static class Tags
{
    /// <summary>
    /// Never hold article text: dropped when the page is copied. <c>rt</c> and <c>rp</c> are ruby annotations
    /// (the reading printed over Japanese or Chinese characters): kept, they would interleave every word with its pronunciation.
    /// </summary>
    public static readonly FrozenSet<string> NeverContent = FrozenSet.ToFrozenSet(
    [
        "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object", "embed", "video", "audio",
        "source", "track", "img", "picture", "button", "select", "option", "input", "textarea", "link", "meta", "head",
        "title", "map", "area", "dialog", "param", "frame", "frameset", "applet", "rt", "rp",
    ], StringComparer.Ordinal);

    /// <summary>Page chrome by element name (removed with the tag as the reason).</summary>
    public static readonly FrozenSet<string> Chrome = FrozenSet.ToFrozenSet(["nav", "aside", "footer", "header", "menu"], StringComparer.Ordinal);

    /// <summary>Elements whose own text is a paragraph of prose when long enough.</summary>
    public static readonly FrozenSet<string> Paragraph = FrozenSet.ToFrozenSet(["p", "pre", "blockquote", "td", "dd", "li"], StringComparer.Ordinal);

    public static readonly FrozenSet<string> Headings = FrozenSet.ToFrozenSet(["h1", "h2", "h3", "h4", "h5", "h6"], StringComparer.Ordinal);

    /// <summary>Elements that start a new paragraph in the output.</summary>
    public static readonly FrozenSet<string> Block = FrozenSet.ToFrozenSet(
    [
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main",
        "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "td", "th", "tr", "ul", "html",
    ], StringComparer.Ordinal);
}
