using System.Net;
using System.Text;
using HtmlAgilityPack;

namespace Dossier.Extraction.Html;

/// <summary>
/// A compact copy of the page's element tree that the extractor scores. Copying once lets us drop
/// scripts and other never-content elements up front, collapse whitespace once, and keep per-node
/// counts in plain fields rather than side dictionaries keyed by DOM nodes.
/// </summary>
internal sealed class PageNode
{
    private PageNode(string tag, string cues, string? text, PageNode? parent)
    {
        Tag = tag;
        Cues = cues;
        Text = text;
        Parent = parent;
    }

    /// <summary>Lower-case element name, or <c>#text</c>.</summary>
    public string Tag { get; }

    /// <summary>Lower-case class, id, role and itemprop values, space-separated (empty for text).</summary>
    public string Cues { get; }

    /// <summary>The whitespace-collapsed text of a text node; null for elements.</summary>
    public string? Text { get; }

    public PageNode? Parent { get; }

    public List<PageNode> Children { get; } = [];

    /// <summary>Characters of visible text under this node (spaces between words included).</summary>
    public int TextLength { get; set; }

    /// <summary>Characters of that text inside links.</summary>
    public int LinkLength { get; set; }

    /// <summary>Commas under this node: a cheap signal of running prose.</summary>
    public int Commas { get; set; }

    /// <summary>Characters of text in paragraph-like blocks under this node.</summary>
    public int ProseLength { get; set; }

    /// <summary>Content score from the paragraphs beneath it (readability-style propagation).</summary>
    public double Score { get; set; }

    /// <summary>True when this node or one below it is marked as the article body (<c>itemprop=articleBody</c>, <c>article-body</c>…).</summary>
    public bool HoldsBodyCue { get; set; }

    public bool IsCandidate { get; set; }

    /// <summary>Why the node was kept out of the body, when it was.</summary>
    public string? RemovedReason { get; set; }

    public bool IsText => Text is not null;

    public double LinkDensity => TextLength == 0 ? 0 : (double)LinkLength / TextLength;

    /// <summary>
    /// Copies the element tree below <paramref name="root"/>, leaving out elements that never hold article
    /// text; <c>&lt;meta&gt;</c> and JSON-LD scripts met on the way (microdata in the body) go to <paramref name="head"/>.
    /// </summary>
    public static PageNode Build(HtmlNode root, int maxDepth, PageHead? head = null)
    {
        var node = new PageNode(root.Name, Inspect(root).Cues, null, null);
        Copy(root, node, 0, maxDepth, head);
        Measure(node);
        return node;
    }

    private static void Copy(HtmlNode from, PageNode to, int depth, int maxDepth, PageHead? head)
    {
        foreach (var child in from.ChildNodes)
        {
            if (child.NodeType == HtmlNodeType.Text)
            {
                var collapsed = Collapse(TextOf(child), to.Tag == "pre");
                if (collapsed.Length > 0)
                {
                    to.Children.Add(new PageNode("#text", "", collapsed, to));
                }
            }
            else if (child.NodeType == HtmlNodeType.Element)
            {
                var tag = child.Name;
                if (Tags.NeverContent.Contains(tag))
                {
                    if (tag is "meta" or "script")
                    {
                        head?.Note(child, inBody: true);
                    }

                    continue;
                }

                var (cues, hidden) = Inspect(child);
                if (hidden)
                {
                    continue;
                }

                if (depth >= maxDepth)
                {
                    // Past the depth cap the subtree is flattened into one text node: no recursion, no loss of text.
                    var flat = Collapse(FlatText(child), false);
                    if (flat.Length > 0)
                    {
                        to.Children.Add(new PageNode("#text", "", flat, to));
                    }

                    continue;
                }

                var node = new PageNode(tag, cues, null, to);
                to.Children.Add(node);
                Copy(child, node, depth + 1, maxDepth, head);
            }
        }
    }

    /// <summary>The decoded text of a text node (the parser keeps character references as written).</summary>
    internal static string TextOf(HtmlNode textNode)
    {
        var raw = ((HtmlTextNode)textNode).Text;
        return raw.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(raw) : raw;
    }

    /// <summary>All text below <paramref name="root"/>, gathered without recursion.</summary>
    internal static string FlatText(HtmlNode root)
    {
        var sb = new StringBuilder();
        var stack = new Stack<HtmlNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n.NodeType == HtmlNodeType.Text)
            {
                sb.Append(TextOf(n)).Append(' ');
                continue;
            }

            if (n.NodeType != HtmlNodeType.Element || (n != root && Tags.NeverContent.Contains(n.Name)))
            {
                continue;
            }

            for (var i = n.ChildNodes.Count - 1; i >= 0; i--)
            {
                stack.Push(n.ChildNodes[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>Reads class, id, role and itemprop in one pass over the attributes, and whether the element is hidden.</summary>
    private static (string Cues, bool Hidden) Inspect(HtmlNode element)
    {
        string? cls = null, id = null, role = null, itemprop = null;
        var hidden = false;
        if (!element.HasAttributes)
        {
            return ("", false);
        }

        foreach (var attr in element.Attributes)
        {
            switch (attr.Name)
            {
                case "class":
                    cls = attr.Value;
                    break;
                case "id":
                    id = attr.Value;
                    break;
                case "role":
                    role = attr.Value;
                    break;
                case "itemprop":
                    itemprop = attr.Value;
                    break;
                case "hidden":
                    hidden = true;
                    break;
                case "style":
                    hidden |= HidesByStyle(attr.Value ?? "");
                    break;
                default:
                    break;
            }
        }

        if (cls is null && id is null && role is null && itemprop is null)
        {
            return ("", hidden);
        }

        var joined = id is null && role is null && itemprop is null ? cls! : string.Join(' ', cls, id, role, itemprop);
        return (HasUpper(joined) ? joined.ToLowerInvariant() : joined, hidden);
    }

    private static bool HasUpper(string text)
    {
        foreach (var c in text)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HidesByStyle(string style)
    {
        var at = style.IndexOf("display", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return false;
        }

        var rest = style.AsSpan(at + 7).TrimStart();
        if (rest.Length == 0 || rest[0] != ':')
        {
            return false;
        }

        return rest[1..].TrimStart().StartsWith("none", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Collapses runs of whitespace to one space; keeps a single leading/trailing space as a word boundary.</summary>
    internal static string Collapse(string text, bool keepLines)
    {
        if (!NeedsCollapse(text))
        {
            return text;
        }

        var allSpace = true;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                allSpace = false;
                break;
            }
        }

        if (allSpace)
        {
            return text.Length == 0 ? "" : " ";
        }

        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        var pendingLine = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                pendingLine |= keepLines && c == '\n';
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(pendingLine ? '\n' : ' ');
                pendingSpace = false;
                pendingLine = false;
            }

            sb.Append(c);
        }

        if (pendingSpace)
        {
            sb.Append(' ');
        }

        return sb.ToString();
    }

    /// <summary>True unless the text is already collapsed (single spaces only, the common case for inline text).</summary>
    private static bool NeedsCollapse(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        var previousSpace = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (previousSpace)
                {
                    return true;
                }

                previousSpace = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                return true;
            }
            else
            {
                previousSpace = false;
            }
        }

        return false;
    }

    /// <summary>Fills in the counts bottom-up without recursion (pages can nest thousands deep).</summary>
    private static void Measure(PageNode root)
    {
        var order = new List<PageNode>();
        var stack = new Stack<PageNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            order.Add(n);
            foreach (var c in n.Children)
            {
                stack.Push(c);
            }
        }

        for (var i = order.Count - 1; i >= 0; i--)
        {
            var n = order[i];
            if (n.Text is not null)
            {
                n.TextLength = n.Text == " " ? 0 : n.Text.Trim().Length;
                n.Commas = CountCommas(n.Text);
                continue;
            }

            int length = 0, links = 0, commas = 0, prose = 0;
            var bodyCue = Html.Cues.IsArticleBody(n.Cues);
            foreach (var c in n.Children)
            {
                bodyCue |= c.HoldsBodyCue;
                length += c.TextLength;
                links += c.LinkLength;
                commas += c.Commas;
                prose += c.ProseLength;
            }

            if (n.Tag == "a")
            {
                links = length;
            }

            if (Tags.Paragraph.Contains(n.Tag))
            {
                prose = length - links;
            }

            n.TextLength = length;
            n.LinkLength = links;
            n.Commas = commas;
            n.ProseLength = prose;
            n.HoldsBodyCue = bodyCue;
        }
    }

    private static int CountCommas(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c is ',' or '，' or '、' or '،')
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The text under this node as one string (inline, spaces collapsed).</summary>
    public string InnerText()
    {
        if (Text is not null)
        {
            return Text.Trim();
        }

        var sb = new StringBuilder(TextLength + 16);
        AppendText(this, sb);
        return PageNode.Collapse(sb.ToString(), false).Trim();
    }

    private static void AppendText(PageNode node, StringBuilder sb)
    {
        if (node.Text is not null)
        {
            sb.Append(node.Text);
            return;
        }

        var block = Tags.Block.Contains(node.Tag) || node.Tag == "br";
        if (block)
        {
            sb.Append(' ');
        }

        foreach (var c in node.Children)
        {
            AppendText(c, sb);
        }

        if (block)
        {
            sb.Append(' ');
        }
    }

    public override string ToString() => Text ?? $"<{Tag} {Cues}> {TextLength}";
}
