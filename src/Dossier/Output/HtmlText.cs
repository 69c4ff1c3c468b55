using System.Text;

namespace Dossier.Output;

/// <summary>
/// The one HTML escaper of every page we write (the HTML brief, the web pages). Article text is untrusted: it only
/// ever reaches a page through <see cref="Append(StringBuilder, ReadOnlySpan{char})"/> or <see cref="Escape"/>, which
/// replace the five characters that can end an element or a quoted attribute (and NUL), so markup in an article shows
/// as characters and never becomes markup. Everything else, non-ASCII letters included, is written as it is: the
/// pages are UTF-8.
/// </summary>
public static class HtmlText
{
    /// <summary>Appends <paramref name="text"/> escaped for element content and double- or single-quoted attributes.</summary>
    public static StringBuilder Append(StringBuilder sb, ReadOnlySpan<char> text)
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

    /// <summary><paramref name="text"/> escaped, as a string.</summary>
    public static string Escape(string text) => Append(new StringBuilder(text.Length + 16), text).ToString();
}
