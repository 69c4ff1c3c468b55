using System.Net;
using HtmlAgilityPack;

namespace Dossier.Extraction.Html;

/// <summary>
/// What a page says about itself outside its visible text: &lt;meta&gt; pairs, the title tag, the canonical
/// link, the declared language and JSON-LD blocks, gathered from the head and (for meta and JSON-LD) the body.
/// </summary>
internal sealed class PageHead
{
    /// <summary>Meta key (property, name or itemprop) and content, in page order.</summary>
    public List<(string Key, string Content)> Metas { get; } = [];

    public string? TitleTag { get; private set; }

    public string? Canonical { get; private set; }

    /// <summary>The <c>lang</c> attribute of the <c>html</c> element.</summary>
    public string? Language { get; private set; }

    public List<string> JsonLd { get; } = [];

    /// <summary>Reads everything outside <paramref name="body"/> (the head, and stray elements around it).</summary>
    public static PageHead Read(HtmlDocument page, HtmlNode? body)
    {
        var head = new PageHead();
        var stack = new Stack<HtmlNode>();
        stack.Push(page.DocumentNode);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node == body || node.NodeType is not (HtmlNodeType.Element or HtmlNodeType.Document))
            {
                continue;
            }

            if (node.Name == "html")
            {
                head.Language ??= node.GetAttributeValue("lang", null!);
            }

            head.Note(node, inBody: false);
            for (var i = node.ChildNodes.Count - 1; i >= 0; i--)
            {
                stack.Push(node.ChildNodes[i]);
            }
        }

        return head;
    }

    /// <summary>Takes what <paramref name="element"/> declares; in the body only meta and JSON-LD count.</summary>
    public void Note(HtmlNode element, bool inBody)
    {
        switch (element.Name)
        {
            case "meta":
                var key = Attribute(element, "property") ?? Attribute(element, "name") ?? Attribute(element, "itemprop");
                var content = Attribute(element, "content");
                if (key is not null && !string.IsNullOrWhiteSpace(content))
                {
                    Metas.Add((key.Trim(), content.Trim()));
                }

                break;
            case "script" when Attribute(element, "type") is { } type && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase):
                JsonLd.Add(element.InnerHtml);
                break;
            case "title" when !inBody:
                TitleTag ??= PageNode.Collapse(PageNode.FlatText(element), false).Trim();
                break;
            case "link" when !inBody && string.Equals(Attribute(element, "rel"), "canonical", StringComparison.OrdinalIgnoreCase):
                Canonical ??= Attribute(element, "href");
                break;
            default:
                break;
        }
    }

    private static string? Attribute(HtmlNode element, string name)
    {
        var value = element.Attributes[name]?.Value;
        return value is not null && value.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(value) : value;
    }
}
