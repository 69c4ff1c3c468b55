using System.Collections.Immutable;
using System.Text;
using Dossier.Extraction.Text;
using Dossier.Model;

namespace Dossier.Extraction.Html;

/// <summary>The article body found in a page, with what was kept out of it.</summary>
internal sealed record MainContentResult(string Text, ImmutableArray<RemovedBlock> Removed, ImmutableArray<string> Captions, ImmutableArray<string> Bylines);

/// <summary>
/// Finds the main content of a page: prunes chrome by element and markup cues, scores paragraphs by
/// text, commas and link density, propagates the scores to their containers, takes the best container
/// with its related siblings, then writes its blocks out as paragraphs, dropping the ones that are
/// chrome inside the article (link lists, share prompts, captions, bylines, the repeated title).
/// </summary>
internal static class MainContent
{
    private const int MinParagraph = 25;

    /// <summary>A body shorter than this (a heading, a teaser line) makes us doubt the class-name pruning.</summary>
    private const int ShortBody = 200;

    public static MainContentResult Extract(PageNode root, ImmutableArray<string> titles, ChromePhrases phrases)
    {
        var result = Extract(root, titles, phrases, byCues: true);
        if (result.Text.Length >= ShortBody)
        {
            return result;
        }

        // Next to nothing left: class names may have misled the pruning (a body whose blocks are named
        // "print-step" or "item-caption"). Try again trusting only element names and comment cues, and
        // take that when it finds clearly more.
        Reset(root);
        var second = Extract(root, titles, phrases, byCues: false);
        return second.Text.Length >= 2 * Math.Max(result.Text.Length, MinParagraph) ? second : result;
    }

    private static void Reset(PageNode node)
    {
        var stack = new Stack<PageNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            n.RemovedReason = null;
            n.IsCandidate = false;
            n.Score = 0;
            foreach (var c in n.Children)
            {
                stack.Push(c);
            }
        }
    }

    private static MainContentResult Extract(PageNode root, ImmutableArray<string> titles, ChromePhrases phrases, bool byCues)
    {
        var removed = new List<(PageNode Node, string Reason)>();
        Prune(root, root.TextLength - root.LinkLength, byCues, removed);

        var candidates = new List<PageNode>();
        Score(root, candidates, byCues);
        var (best, top) = PickTop(root, candidates);
        var containers = top is null || best is null ? [root] : WithChunks(root, best, top, WithLeads(top, WithSiblings(top)));

        var writer = new BodyWriter(titles, phrases);
        foreach (var container in containers)
        {
            writer.Write(container);
        }

        // Captions and bylines count when they belong to the article around the chosen blocks, not to the page.
        var scope = ArticleScope(containers[0]);
        var removedBlocks = ImmutableArray.CreateBuilder<RemovedBlock>();
        var captions = ImmutableArray.CreateBuilder<string>();
        var bylines = ImmutableArray.CreateBuilder<string>();
        foreach (var (node, reason) in removed)
        {
            var text = node.InnerText();
            if (text.Length == 0)
            {
                continue;
            }

            removedBlocks.Add(new RemovedBlock(text, reason));
            var inside = IsWithin(node, scope);
            if (inside && reason == "caption")
            {
                captions.Add(text);
            }
            else if (inside && reason == "byline")
            {
                bylines.Add(text);
            }
        }

        foreach (var (text, reason) in writer.Dropped)
        {
            removedBlocks.Add(new RemovedBlock(text, reason));
            if (reason == "caption")
            {
                captions.Add(text);
            }
        }

        RecordOutside(root, containers, titles, removedBlocks);
        return new MainContentResult(writer.Text, removedBlocks.ToImmutable(), captions.ToImmutable(), bylines.ToImmutable());
    }

    /// <summary>The nearest &lt;article&gt; or &lt;main&gt; around the chosen container, else its parent.</summary>
    private static PageNode ArticleScope(PageNode container)
    {
        for (var n = container; n is not null; n = n.Parent)
        {
            if (n.Tag is "article" or "main")
            {
                return n;
            }
        }

        return container.Parent ?? container;
    }

    /// <summary>Records the text outside the chosen containers that no other rule removed: the largest such blocks, once each.</summary>
    private static void RecordOutside(PageNode node, List<PageNode> containers, ImmutableArray<string> titles, ImmutableArray<RemovedBlock>.Builder removed)
    {
        // A chosen container at or above this level (the body itself, on a page of bare paragraphs) holds everything below.
        if (containers.Any(c => IsWithin(node, c)))
        {
            return;
        }

        foreach (var child in node.Children)
        {
            if (child.RemovedReason is not null || child.TextLength == 0 || containers.Contains(child))
            {
                continue;
            }

            if (child.IsText || !containers.Any(c => IsWithin(c, child)))
            {
                var text = child.InnerText();
                if (text.Length > 0)
                {
                    removed.Add(new RemovedBlock(text, IsTitle(text, titles) ? "title" : "outside-article"));
                }

                continue;
            }

            RecordOutside(child, containers, titles, removed);
        }
    }

    private static bool IsTitle(string text, ImmutableArray<string> titles)
    {
        if (text.Length >= 400)
        {
            return false;
        }

        var normal = Normalize(text);
        foreach (var title in titles)
        {
            if (string.Equals(normal, Normalize(title), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    private static bool IsWithin(PageNode node, PageNode ancestor)
    {
        for (var n = node; n is not null; n = n.Parent)
        {
            if (ReferenceEquals(n, ancestor))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Marks chrome subtrees (by element name or markup cues) as removed, unless they hold most of the page's prose.</summary>
    private static void Prune(PageNode node, int pageProse, bool byCues, List<(PageNode, string)> removed)
    {
        foreach (var child in node.Children)
        {
            if (child.IsText)
            {
                continue;
            }

            var reason = Tags.Chrome.Contains(child.Tag) ? child.Tag == "aside" ? "sidebar" : child.Tag == "nav" || child.Tag == "menu" ? "navigation" : child.Tag : null;
            if (child.Tag == "figcaption")
            {
                reason = "caption";
            }

            // A <header> holding paragraphs of prose is an article's header with its lead (or the body's wrapper), not the page's masthead.
            if (child.Tag == "header" && IsProse(child))
            {
                reason = null;
            }
            else
            {
                reason ??= Cues.RemovalReason(child.Cues);
                if (!byCues && reason is not null && reason != "comments" && !Tags.Chrome.Contains(child.Tag) && child.Tag != "figcaption")
                {
                    reason = null;
                }
            }
            if (reason is not null && !Protected(child, reason, pageProse))
            {
                child.RemovedReason = reason;
                removed.Add((child, reason));
                continue;
            }

            Prune(child, pageProse, byCues, removed);
        }
    }

    /// <summary>
    /// A block named like chrome is still kept when it holds the article: the body cue is on it or below it,
    /// or it holds most of the page's unlinked text (wrappers named "widget" or "main-nav-layout" exist).
    /// </summary>
    private static bool Protected(PageNode node, string reason, int pageText)
    {
        if (node.Tag is "body" or "main" or "html" || (node.HoldsBodyCue && node.TextLength >= 200))
        {
            return true;
        }

        var own = node.TextLength - node.LinkLength;
        if (reason == "comments")
        {
            return false;
        }

        // Share bars, tag lists, captions and teasers are short or mostly links; a block with several
        // paragraphs of unlinked prose is the article whatever its classes say ("tag-*" taxonomy classes on a
        // post, "enable-pin-share" on its wrapper).
        var proseBlock = reason != "sidebar" && node.ProseLength >= 400 && node.LinkDensity < 0.25;
        return proseBlock || (own >= 200 && own * 2 >= pageText);
    }

    private static void Score(PageNode node, List<PageNode> candidates, bool byCues)
    {
        foreach (var child in node.Children)
        {
            if (child.IsText || child.RemovedReason is not null)
            {
                continue;
            }

            if (IsScorable(child))
            {
                Propagate(node, child.TextLength, child.Commas, candidates, byCues);
                continue;
            }

            if (!Tags.Block.Contains(child.Tag))
            {
                Score(child, candidates, byCues);
                continue;
            }

            // Text loose between block children (text followed by <br>s, then a <div>) is a paragraph of this child.
            int run = 0, commas = 0;
            foreach (var c in child.Children)
            {
                if (c.RemovedReason is not null)
                {
                    continue;
                }

                if (c.IsText || !Tags.Block.Contains(c.Tag))
                {
                    run += c.TextLength;
                    commas += c.Commas;
                }
                else
                {
                    Propagate(child, run, commas, candidates, byCues);
                    run = 0;
                    commas = 0;
                }
            }

            Propagate(child, run, commas, candidates, byCues);
            Score(child, candidates, byCues);
        }
    }

    /// <summary>Adds a paragraph's score to its container and, diminishing, to four more ancestors.</summary>
    private static void Propagate(PageNode container, int length, int commas, List<PageNode> candidates, bool byCues)
    {
        if (length < MinParagraph)
        {
            return;
        }

        var score = 1.0 + commas + Math.Min(length / 100.0, 3.0);
        var level = 0;
        for (var a = container; a is not null && level < 5; a = a.Parent, level++)
        {
            if (!a.IsCandidate)
            {
                a.IsCandidate = true;
                a.Score = BaseScore(a, byCues);
                candidates.Add(a);
            }

            a.Score += level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
        }
    }

    /// <summary>A paragraph element, or a container holding only inline content (common in older pages).</summary>
    private static bool IsScorable(PageNode node)
    {
        if (node.Tag is "p" or "pre" or "td")
        {
            return true;
        }

        if (node.Tag is "div" or "section" or "article" or "blockquote" or "center" or "font")
        {
            foreach (var c in node.Children)
            {
                if (!c.IsText && Tags.Block.Contains(c.Tag))
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    private static double BaseScore(PageNode node, bool byCues)
    {
        var score = node.Tag switch
        {
            "div" or "article" or "main" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        return byCues ? score + Cues.Weight(node.Cues) : score;
    }

    /// <summary>The best-scoring container, and the container chosen around it.</summary>
    private static (PageNode? Best, PageNode? Top) PickTop(PageNode root, List<PageNode> candidates)
    {
        PageNode? top = null;
        double best = double.MinValue;
        foreach (var c in candidates)
        {
            c.Score *= 1 - c.LinkDensity;
            if (c.Score > best)
            {
                best = c.Score;
                top = c;
            }
        }

        if (top is null)
        {
            return (null, null);
        }

        var bestNode = top;

        // Several near-best candidates under one ancestor mean the article is split into sections: take the ancestor.
        var close = candidates.Where(c => !ReferenceEquals(c, top) && c.Score >= best * 0.75).OrderByDescending(c => c.Score).Take(5).ToList();
        if (close.Count >= 3)
        {
            for (var parent = top.Parent; parent is not null && parent.Tag != "body"; parent = parent.Parent)
            {
                var holding = close.Count(c => IsWithin(c, parent));
                if (holding >= 3)
                {
                    top = parent;
                    break;
                }
            }
        }

        var last = top.Score;
        var threshold = last / 3;
        for (var parent = top.Parent; parent is not null && parent.Tag != "body" && !ReferenceEquals(parent, root); parent = parent.Parent)
        {
            if (!parent.IsCandidate)
            {
                continue;
            }

            if (parent.Score < threshold)
            {
                break;
            }

            if (parent.Score > last)
            {
                top = parent;
                break;
            }

            last = parent.Score;
        }

        while (top.Parent is { } only && only.Tag != "body" && !ReferenceEquals(only, root) && only.Children.Count(c => !c.IsText) == 1)
        {
            top = only;
        }

        return (bestNode, top);
    }

    /// <summary>
    /// Adds the other chunks of a body split into several blocks of the same markup (a body interrupted
    /// by full-width ads or embeds is often written as a run of identical containers), in page order.
    /// </summary>
    private static List<PageNode> WithChunks(PageNode root, PageNode best, PageNode top, List<PageNode> containers)
    {
        if (best.Cues.Length == 0)
        {
            return containers;
        }

        var chunks = new List<PageNode>();
        var minimum = Math.Max(10, best.Score * 0.1);
        Collect(root);
        if (chunks.Count <= 1)
        {
            return containers;
        }

        // Page order: the chunks as found, with the top container replaced by itself and its siblings.
        var result = new List<PageNode>();
        foreach (var chunk in chunks)
        {
            if (ReferenceEquals(chunk, top))
            {
                result.AddRange(containers);
            }
            else if (!containers.Any(c => IsWithin(chunk, c)))
            {
                result.Add(chunk);
            }
        }

        return result;

        void Collect(PageNode node)
        {
            foreach (var child in node.Children)
            {
                if (child.IsText || child.RemovedReason is not null)
                {
                    continue;
                }

                if (ReferenceEquals(child, top) || (child.IsCandidate && child.Score >= minimum && child.Tag == best.Tag && child.Cues == best.Cues))
                {
                    chunks.Add(child);
                    continue;
                }

                Collect(child);
            }
        }
    }

    private static List<PageNode> WithSiblings(PageNode top)
    {
        if (top.Parent is null)
        {
            return [top];
        }

        var threshold = Math.Max(10, top.Score * 0.2);
        var list = new List<PageNode>();
        foreach (var sibling in top.Parent.Children)
        {
            if (ReferenceEquals(sibling, top))
            {
                list.Add(sibling);
                continue;
            }

            if (sibling.IsText || sibling.RemovedReason is not null)
            {
                continue;
            }

            var bonus = sibling.Cues.Length > 0 && sibling.Cues == top.Cues ? top.Score * 0.2 : 0;
            if (sibling.IsCandidate && sibling.Score + bonus >= threshold)
            {
                list.Add(sibling);
            }
            else if (sibling.Tag == "p" || IsScorable(sibling))
            {
                var density = sibling.LinkDensity;
                var length = sibling.TextLength;
                if ((length > 80 && density < 0.25) || (length > 0 && length <= 80 && density == 0 && EndsSentence(sibling.InnerText())))
                {
                    list.Add(sibling);
                }
            }
            else if (IsProse(sibling) && Cues.Weight(sibling.Cues) >= 0)
            {
                // Summary lists, ingredient lists, result tables and short paragraphs in their own wrappers
                // beside the body are part of it: unlinked text in paragraphs, list items or cells.
                list.Add(sibling);
            }
        }

        return list;
    }

    /// <summary>
    /// Adds the blocks of prose that precede the chosen container inside its article: leads, standfirsts and
    /// teasers are often written as a sibling of the body (or of one of its wrappers) and score too little
    /// on their own to be taken as siblings. Climbs three levels, or up to &lt;article&gt; or &lt;main&gt;.
    /// </summary>
    private static List<PageNode> WithLeads(PageNode top, List<PageNode> containers)
    {
        var leads = new List<PageNode>();
        // Up to the enclosing <article>/<main> when there is one near (its lead is a sibling of a wrapper), else three levels.
        var levels = 3;
        var distance = 1;
        for (var a = top.Parent; a is not null && distance <= 6; a = a.Parent, distance++)
        {
            if (a.Tag is "article" or "main")
            {
                levels = Math.Max(levels, distance);
                break;
            }
        }

        var node = top;
        for (var level = 0; level < levels && node.Parent is { } parent && parent.Tag is not ("body" or "html"); level++, node = parent)
        {
            var before = new List<PageNode>();
            foreach (var sibling in parent.Children)
            {
                if (ReferenceEquals(sibling, node))
                {
                    break;
                }

                if (!sibling.IsText && sibling.RemovedReason is null && !containers.Contains(sibling) && IsProse(sibling) && Cues.Weight(sibling.Cues) >= 0)
                {
                    before.Add(sibling);
                }
            }

            leads.InsertRange(0, before);
            if (parent.Tag is "article" or "main")
            {
                break;
            }
        }

        if (leads.Count == 0)
        {
            return containers;
        }

        leads.AddRange(containers);
        return leads;
    }

    /// <summary>A block that is mostly unlinked text in paragraphs (the prose of a lead, not a link list or a heading).</summary>
    private static bool IsProse(PageNode node) =>
        node.ProseLength >= 60 && node.ProseLength * 2 >= node.TextLength && node.LinkDensity < 0.2;

    /// <summary>Body text in Unicode NFC (see <see cref="UnicodeComposition"/>).</summary>
    internal static string Normalized(string text) => UnicodeComposition.Compose(text);

    private static bool EndsSentence(string text) => text.Length > 0 && text[^1] is '.' or '!' or '?' or '"' or '”' or '。';

    /// <summary>Writes a container's blocks as paragraphs separated by blank lines, dropping chrome blocks.</summary>
    private sealed class BodyWriter(ImmutableArray<string> titles, ChromePhrases phrases)
    {
        // Paragraphs are kept as the strings they are and joined once at the end, and a run made of one text
        // node is taken as that node's string: on a page of one 20 MB paragraph every extra copy is 40 MB.
        private readonly List<string> paragraphs = [];
        private readonly StringBuilder run = new();
        private string? single;
        private int runLinks;

        public List<(string Text, string Reason)> Dropped { get; } = [];

        /// <summary>The body in Unicode NFC: pages mix composed and decomposed letters ("ü" as u + diaeresis), and text compared later must not depend on which.</summary>
        public string Text => Normalized(paragraphs.Count == 1 ? paragraphs[0] : string.Join("\n\n", paragraphs));

        public void Write(PageNode container)
        {
            Visit(container);
            Flush();
        }

        private void Visit(PageNode node)
        {
            foreach (var child in node.Children)
            {
                if (child.Text is not null)
                {
                    AppendRun(child.Text);
                    if (node.Tag == "a")
                    {
                        runLinks += child.TextLength;
                    }

                    continue;
                }

                if (child.RemovedReason is not null)
                {
                    continue;
                }

                if (child.Tag == "br" || child.Tag == "hr")
                {
                    Flush();
                    continue;
                }

                if (child.Tag is "ul" or "ol" or "dl")
                {
                    if (IsLinkList(child))
                    {
                        Flush();
                        Dropped.Add((child.InnerText(), "related-links"));
                        continue;
                    }
                }

                var block = Tags.Block.Contains(child.Tag);
                if (block)
                {
                    Flush();
                }

                if (child.Tag == "a")
                {
                    var before = run.Length;
                    VisitLink(child);
                    _ = before;
                }
                else
                {
                    Visit(child);
                }

                if (block)
                {
                    Flush();
                }
            }
        }

        private void VisitLink(PageNode link)
        {
            foreach (var child in link.Children)
            {
                if (child.Text is not null)
                {
                    AppendRun(child.Text);
                    runLinks += child.TextLength;
                }
                else if (child.RemovedReason is null)
                {
                    if (Tags.Block.Contains(child.Tag))
                    {
                        Flush();
                        VisitLink(child);
                        Flush();
                    }
                    else
                    {
                        VisitLink(child);
                    }
                }
            }
        }

        private static bool IsLinkList(PageNode list)
        {
            var items = 0;
            foreach (var c in list.Children)
            {
                if (!c.IsText)
                {
                    items++;
                }
            }

            return items >= 2 && list.LinkDensity > 0.5;
        }

        /// <summary>Adds text to the current run; the first piece is only remembered, copied when a second one follows.</summary>
        private void AppendRun(string text)
        {
            if (single is null && run.Length == 0)
            {
                single = text;
                return;
            }

            if (single is not null)
            {
                run.Append(single);
                single = null;
            }

            run.Append(text);
        }

        private void Flush()
        {
            if (single is null && run.Length == 0)
            {
                return;
            }

            var text = PageNode.Collapse(single ?? run.ToString(), false).Trim();
            var links = runLinks;
            single = null;
            run.Clear();
            runLinks = 0;
            if (text.Length == 0)
            {
                return;
            }

            var reason = DropReason(text, links);
            if (reason is not null)
            {
                Dropped.Add((text, reason));
                return;
            }

            paragraphs.Add(text);
        }

        private string? DropReason(string text, int links)
        {
            var letters = text.Length;
            if (links > 0 && links >= letters * 0.6)
            {
                return "link";
            }

            if (IsTitle(text, titles))
            {
                return "title";
            }

            return ChromeRules.Classify(text, phrases);
        }
    }
}
