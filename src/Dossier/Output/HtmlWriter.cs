using System.Globalization;
using System.Text;

namespace Dossier.Output;

/// <summary>
/// Writes an HTML page with escaping by default: <see cref="Text(string?)"/>, <see cref="Attribute"/> and
/// <see cref="Number"/> are the ways a value reaches the page, and all of them escape (<see cref="HtmlText"/>).
/// Only <see cref="Markup"/> writes as it is, and it is for the tags we write ourselves (literals in our code, an
/// SVG we drew), never for a value read from an article: a reader of the code sees at once where markup enters.
/// </summary>
public sealed class HtmlWriter(int capacity = 4096)
{
    private readonly StringBuilder html = new(capacity);

    /// <summary>Characters written so far.</summary>
    public int Length => html.Length;

    /// <summary>Our own markup, written as it is. Never pass it text from an article, a file name or a request.</summary>
    public HtmlWriter Markup(string markup)
    {
        html.Append(markup);
        return this;
    }

    /// <summary>Text, escaped for element content (and quoted attributes); nothing for null.</summary>
    public HtmlWriter Text(string? text) => text is null ? this : Text(text.AsSpan());

    /// <summary>Text, escaped for element content (and quoted attributes).</summary>
    public HtmlWriter Text(ReadOnlySpan<char> text)
    {
        HtmlText.Append(html, text);
        return this;
    }

    /// <summary>A number, invariant culture.</summary>
    public HtmlWriter Number(int value)
    {
        html.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary><c> name="value"</c>, the value escaped; the name is ours.</summary>
    public HtmlWriter Attribute(string name, string value)
    {
        html.Append(' ').Append(name).Append("=\"");
        HtmlText.Append(html, value);
        html.Append('"');
        return this;
    }

    /// <summary>The page so far.</summary>
    public override string ToString() => html.ToString();

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
