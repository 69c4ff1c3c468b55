using System.Globalization;
using System.Text;
using Dossier.Output;

namespace Dossier.Web.Pages;

/// <summary>
/// HTML writing with every piece of text escaped. Article text is untrusted: it only ever reaches a page through
/// <see cref="Text(StringBuilder, ReadOnlySpan{char})"/>, the one escaper of every page we write (<see cref="HtmlText"/>).
/// Links are only ever built by us from ids (never from article content), so a <c>javascript:</c> URL in an
/// article can only appear as text.
/// </summary>
internal static class Html
{
    /// <summary>Appends <paramref name="text"/> escaped for element content and quoted attributes (<see cref="HtmlText"/>, the brief's escaper too).</summary>
    public static StringBuilder Text(this StringBuilder sb, ReadOnlySpan<char> text) => HtmlText.Append(sb, text);

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
