using System.Collections.Frozen;

namespace Dossier.Extraction.Html;

/// <summary>
/// What class, id, role and itemprop values say about a block. These are markup conventions of web
/// publishing systems (class names such as <c>share-bar</c> or <c>entry-content</c>), not natural language.
/// </summary>
internal static class Cues
{
    // Whole tokens (class/id split at '-', '_', ' ' and case changes are not split: values are lower-cased).
    private static readonly FrozenDictionary<string, string> TokenReasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["comment"] = "comments", ["comments"] = "comments", ["disqus"] = "comments", ["replies"] = "comments", ["respond"] = "comments",
        ["share"] = "share", ["sharing"] = "share", ["shares"] = "share", ["social"] = "share", ["sociable"] = "share", ["addthis"] = "share",
        ["sharethis"] = "share", ["sharebar"] = "share", ["socialbar"] = "share", ["tools"] = "share", ["toolbar"] = "share", ["print"] = "share",
        ["related"] = "related-links", ["recommended"] = "related-links", ["recommendations"] = "related-links", ["trending"] = "related-links",
        ["popular"] = "related-links", ["outbrain"] = "related-links", ["taboola"] = "related-links", ["recirc"] = "related-links",
        ["mostread"] = "related-links", ["morestories"] = "related-links", ["readmore"] = "related-links", ["upnext"] = "related-links",
        ["newsletter"] = "newsletter", ["subscribe"] = "newsletter", ["subscription"] = "newsletter", ["signup"] = "newsletter", ["optin"] = "newsletter",
        ["cookie"] = "cookie-notice", ["cookies"] = "cookie-notice", ["consent"] = "cookie-notice", ["gdpr"] = "cookie-notice",
        ["ad"] = "advertisement", ["ads"] = "advertisement", ["advert"] = "advertisement", ["advertisement"] = "advertisement", ["adslot"] = "advertisement",
        ["adunit"] = "advertisement", ["dfp"] = "advertisement", ["sponsor"] = "advertisement", ["sponsored"] = "advertisement", ["promo"] = "advertisement",
        ["nav"] = "navigation", ["navbar"] = "navigation", ["navigation"] = "navigation", ["menu"] = "navigation", ["breadcrumb"] = "navigation",
        ["breadcrumbs"] = "navigation", ["pagination"] = "navigation", ["pager"] = "navigation", ["skip"] = "navigation",
        ["footer"] = "footer", ["masthead"] = "header", ["topbar"] = "header",
        ["sidebar"] = "sidebar", ["rail"] = "sidebar", ["widget"] = "sidebar", ["complementary"] = "sidebar",
        ["tags"] = "tags", ["tag"] = "tags", ["keywords"] = "tags", ["topics"] = "tags",
        ["byline"] = "byline", ["author"] = "byline", ["authors"] = "byline", ["contributor"] = "byline",
        ["caption"] = "caption", ["figcaption"] = "caption", ["credit"] = "caption",
        ["modal"] = "popup", ["popup"] = "popup", ["overlay"] = "popup", ["lightbox"] = "popup",
        ["visuallyhidden"] = "hidden", ["offscreen"] = "hidden",
        ["banner"] = "header", ["contentinfo"] = "footer", ["navigation"] = "navigation", ["dialog"] = "popup",
        ["meta"] = "article-meta", ["timestamp"] = "article-meta", ["dateline"] = "article-meta",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Substrings that are distinctive enough to match inside longer values (e.g. "articleRelatedLinks").
    private static readonly (string Needle, string Reason)[] SubstringReasons =
    [
        ("comment", "comments"), ("disqus", "comments"), ("share", "share"), ("social", "share"), ("related", "related-links"),
        ("recommend", "related-links"), ("outbrain", "related-links"), ("taboola", "related-links"), ("newsletter", "newsletter"),
        ("subscri", "newsletter"), ("signup", "newsletter"), ("cookie", "cookie-notice"), ("consent", "cookie-notice"),
        ("advert", "advertisement"), ("sponsor", "advertisement"), ("breadcrumb", "navigation"), ("sidebar", "sidebar"),
        ("footer", "footer"), ("byline", "byline"), ("caption", "caption"), ("popup", "popup"),
        ("screen-reader", "hidden"), ("visually-hidden", "hidden"), ("sr-only", "hidden"), ("most-popular", "related-links"),
        ("mostpopular", "related-links"), ("more-from", "related-links"), ("read-more", "related-links"), ("also-read", "related-links"),
        ("author-bio", "byline"), ("authorbio", "byline"), ("post-meta", "article-meta"), ("entry-meta", "article-meta"),
        ("article-meta", "article-meta"), ("nav", "navigation"), ("menu", "navigation"),
    ];

    private static readonly string[] PositiveTokens = ["article", "body", "content", "entry", "main", "post", "story", "articlebody", "blog", "hentry", "prose"];

    private static readonly string[] NegativeTokens = ["combx", "contact", "foot", "footnote", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "shoutbox", "sidebar", "sponsor", "shopping", "tags", "tool", "widget", "comment", "share", "social"];

    /// <summary>Why a block whose markup carries these cues is chrome, or null when the cues say nothing against it.</summary>
    public static string? RemovalReason(string cues)
    {
        if (cues.Length == 0)
        {
            return null;
        }

        foreach (var token in Tokens(cues))
        {
            if (TokenReasons.TryGetValue(token, out var reason))
            {
                return reason;
            }
        }

        foreach (var (needle, reason) in SubstringReasons)
        {
            if (cues.Contains(needle, StringComparison.Ordinal))
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>True when the cues name the body of an article (for example <c>article-body</c>, <c>articleBody</c>).</summary>
    public static bool IsArticleBody(string cues) =>
        cues.Contains("articlebody", StringComparison.Ordinal) || cues.Contains("article-body", StringComparison.Ordinal) ||
        cues.Contains("article__body", StringComparison.Ordinal) || cues.Contains("story-body", StringComparison.Ordinal) ||
        cues.Contains("entry-content", StringComparison.Ordinal) || cues.Contains("post-content", StringComparison.Ordinal) ||
        cues.Contains("article-content", StringComparison.Ordinal) || cues.Contains("post-body", StringComparison.Ordinal) ||
        cues.Contains("story-content", StringComparison.Ordinal) || cues.Contains("article-text", StringComparison.Ordinal);

    /// <summary>A readability-style class weight: positive cues add, negative cues subtract.</summary>
    public static int Weight(string cues)
    {
        if (cues.Length == 0)
        {
            return 0;
        }

        var weight = 0;
        var positive = false;
        var negative = false;
        foreach (var token in Tokens(cues))
        {
            positive |= Array.IndexOf(PositiveTokens, token) >= 0;
            negative |= Array.IndexOf(NegativeTokens, token) >= 0 || TokenReasons.ContainsKey(token);
        }

        if (positive)
        {
            weight += 25;
        }

        if (negative)
        {
            weight -= 25;
        }

        if (IsArticleBody(cues))
        {
            weight += 25;
        }

        return weight;
    }

    private static IEnumerable<string> Tokens(string cues)
    {
        var start = -1;
        for (var i = 0; i <= cues.Length; i++)
        {
            var letter = i < cues.Length && char.IsLetterOrDigit(cues[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                yield return cues[start..i];
                start = -1;
            }
        }
    }
}
