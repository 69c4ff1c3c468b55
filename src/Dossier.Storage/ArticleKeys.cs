using System.Security.Cryptography;
using System.Text;

namespace Dossier.Storage;

/// <summary>The keys that make an article "the same article": a hash of its normalised text and its canonical URL.</summary>
public static class ArticleKeys
{
    /// <summary>
    /// Hash of the text after case folding and collapsing every run of whitespace and punctuation, so a copy that
    /// differs only in line breaks, quotes or spacing is the same article (32 hex digits). The publisher is part
    /// of the key: the same wire text run by another outlet is another article (grouping then counts the two as
    /// one source), while the same text from the same outlet, or with no outlet known, is stored once.
    /// </summary>
    public static string Content(string text, string? publisher = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var gap = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (gap && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                gap = false;
            }
            else
            {
                gap = true;
            }
        }

        if (!string.IsNullOrWhiteSpace(publisher))
        {
            builder.Append('\u0000').Append(publisher.Trim().ToLowerInvariant());
        }

        return Hash(builder.ToString());
    }

    /// <summary>Hash of a raw input document (its decoded content and its record name), 32 hex digits.</summary>
    public static string Source(string content, string? record) => Hash(record is null ? content : content + "\u0000" + record);

    /// <summary>The URL without fragment, default port, tracking parameters or trailing slash, lower-cased host; null when absent or not http(s).</summary>
    public static string? CanonicalUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var query = string.Join('&', uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) && !p.StartsWith("fbclid", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal));
        var path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : "";
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // http and https copies of one page are one article.
        return "https://" + uri.Host.ToLowerInvariant() + port + path + (query.Length > 0 ? "?" + query : "");
    }

    private static string Hash(string value)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), digest);
        return Convert.ToHexStringLower(digest[..16]);
    }
}
