using System.Globalization;
using System.Text;

namespace Dossier.Web.Pages;

/// <summary>
/// HTML writing with every piece of text escaped. Article text is untrusted: it only ever reaches a page through
/// <see cref="Text(StringBuilder, ReadOnlySpan{char})"/>, which escapes the five characters that can end an
/// element or a quoted attribute, so markup in an article shows as characters and never becomes markup.
/// Links are only ever built by us from ids (never from article content), so a <c>javascript:</c> URL in an
/// article can only appear as text.
/// </summary>
internal static class Html
{
    /// <summary>Appends <paramref name="text"/> escaped for element content and double- or single-quoted attributes.</summary>
    public static StringBuilder Text(this StringBuilder sb, ReadOnlySpan<char> text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var replacement = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\0' => "\uFFFD",
                _ => null,
            };
            if (replacement is not null)
            {
                sb.Append(text[start..i]).Append(replacement);
                start = i + 1;
            }
        }

        return sb.Append(text[start..]);
    }

    /// <summary>Appends <paramref name="text"/> escaped; nothing for null.</summary>
    public static StringBuilder Text(this StringBuilder sb, string? text) => text is null ? sb : sb.Text(text.AsSpan());

    /// <summary>Appends a number, invariant culture.</summary>
    public static StringBuilder Number(this StringBuilder sb, int value) => sb.Append(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A path segment or query value: percent-encoded (then safe inside a quoted attribute too).</summary>
    public static string Url(string value) => Uri.EscapeDataString(value);

    /// <summary>An id attribute value made of safe characters only, stable for the same input.</summary>
    public static string Id(string prefix, string value)
    {
        var sb = new StringBuilder(prefix, prefix.Length + value.Length);
        foreach (var c in value)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return sb.ToString();
    }
}
