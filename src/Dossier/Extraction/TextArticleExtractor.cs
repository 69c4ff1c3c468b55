using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Dossier.Extraction.Text;
using Dossier.Model;

namespace Dossier.Extraction;

/// <summary>
/// Plain text, typically an article pasted from a site with its chrome: the first line is the title; the
/// dateline (<c>ISLAMABAD:</c>, <c>BEIJING, Jan 4 (Reuters) -</c>) and the wire or syndication credit
/// (<c>- Dawn/ANN</c>, <c>(AP)</c>) become metadata; captions (paragraphs ending in a credit before the
/// dateline), bylines, share prompts, tag lines, related-story lists and boilerplate are kept out of the
/// body, each recorded in <see cref="Article.Removed"/> with its reason. Rules are in <c>data/chrome/</c>.
/// </summary>
public static class TextArticleExtractor
{
    /// <summary>Reason for a photo caption kept apart from the body.</summary>
    public const string Caption = "caption";

    /// <summary>Reason for a byline.</summary>
    public const string Byline = "byline";

    /// <summary>Reason for a credit cut from the end of a paragraph or standing alone.</summary>
    public const string CreditReason = "credit";

    /// <summary>Reason for anything after the article's end that no more specific rule names.</summary>
    public const string TrailingChrome = "trailing-chrome";

    private static readonly ImmutableArray<Regex> Bylines = RuleData.Patterns("byline.txt", ignoreCase: false);

    // A dateline is looked for in the first few blocks only: further down, "CITY:" is more likely a label.
    private const int DatelineWindow = 8;

    // How many blocks from the end the trailing chrome run may reach.
    private const int TailWindow = 400;

    /// <summary>Extracts the article from a text document.</summary>
    public static ExtractionOutcome Extract(SourceDocument document)
    {
        var blocks = TextLayout.Blocks(document.Content);
        if (blocks.Count == 0)
        {
            return ExtractionOutcome.Failed(document, "no article text");
        }

        // Removed blocks are reported in document order; a credit cut from a paragraph sorts just after it.
        var removed = new List<(double Order, RemovedBlock Block)>();
        var captions = ImmutableArray.CreateBuilder<string>();
        var authors = ImmutableArray.CreateBuilder<string>();
        var hints = document.Hints;

        string? title = null;
        string? titleSource = null;
        var start = 0;
        var first = blocks[0].ToString();
        if (blocks.Count > 1 && (LooksLikeTitle(first) || Same(first, hints.Title)))
        {
            title = first;
            titleSource = "first-line";
            start = 1;
        }
        else if (hints.Title is not null)
        {
            title = hints.Title;
            titleSource = "container";
        }

        var reasons = new string?[blocks.Count];
        var datelineIndex = FindDatelineBlock(blocks, start);
        string? credit = null, creditSource = null;
        DateTimeOffset? bylineDay = null;

        // Before the dateline: captions (a paragraph ending in a credit), bylines, chrome.
        var bodyStart = datelineIndex >= 0 ? datelineIndex : start;
        for (var i = start; i < bodyStart; i++)
        {
            var block = blocks[i].ToString();
            // One credit search per block: each search runs every credit pattern over the whole paragraph.
            var found = BodyMetadata.FindCredit(block);
            if (found is not null && !found.IsWhole(block))
            {
                reasons[i] = Caption;
                captions.Add(block);
                if (credit is null)
                {
                    (credit, creditSource) = (found.Credit, "caption");
                }
            }
            else if (found is not null)
            {
                reasons[i] = CreditReason;
            }
            else if (ByLine(block) is { } byline)
            {
                reasons[i] = Byline;
                authors.AddRange(byline.Names);
                bylineDay ??= byline.Day;
            }
            else if (ChromeRules.Classify(block) is { } reason)
            {
                reasons[i] = reason;
            }
        }

        if (datelineIndex < 0)
        {
            // No dateline: bylines may still open the text.
            for (var i = start; i < Math.Min(blocks.Count, start + 3); i++)
            {
                if (ByLine(blocks[i].ToString()) is { } byline)
                {
                    reasons[i] = Byline;
                    authors.AddRange(byline.Names);
                    bylineDay ??= byline.Day;
                }
            }
        }

        var tail = FindTail(blocks, bodyStart);
        MarkBody(blocks, reasons, bodyStart, tail, ref credit, ref creditSource);
        MarkTail(blocks, reasons, tail, ref credit, ref creditSource);

        // The datelined paragraph's agency is the wire credit when nothing more specific was found at the end.
        DatelineMatch? dateline = datelineIndex >= 0 ? BodyMetadata.FindDateline(blocks[datelineIndex].ToString()) : null;

        // A credit closing the last body paragraph says whose copy this is; it is cut from the text.
        var lastBody = Enumerable.Range(0, blocks.Count).LastOrDefault(i => reasons[i] is null, -1);
        var lastBlock = lastBody >= 0 ? blocks[lastBody].ToString() : null;
        if (lastBlock is not null && lastBody != datelineIndex && BodyMetadata.FindCredit(lastBlock) is { } closing)
        {
            var marker = closing.Span.Of(lastBlock);
            if (closing.Span.Start == 0)
            {
                reasons[lastBody] = CreditReason;
            }
            else
            {
                removed.Add((lastBody + 0.5, new RemovedBlock(marker.Trim(), CreditReason)));
                blocks[lastBody] = lastBlock[..closing.Span.Start].TrimEnd().AsMemory();
            }

            (credit, creditSource) = (closing.Credit, "credit-line");
        }

        if (dateline?.Agency is { } agency && creditSource is null or "caption")
        {
            (credit, creditSource) = (agency, "dateline");
        }

        TextSpan? datelineSpan = null;
        for (var i = start; i < blocks.Count; i++)
        {
            if (reasons[i] is { } reason)
            {
                removed.Add((i, new RemovedBlock(blocks[i].ToString(), reason)));
            }
        }

        var (text, datelineOffset) = JoinBody(blocks, reasons, start, datelineIndex);
        if (text.Length == 0)
        {
            return ExtractionOutcome.Failed(document, "no article text");
        }

        if (datelineOffset >= 0 && dateline is not null)
        {
            datelineSpan = new TextSpan(datelineOffset + dateline.CitySpan.Start, dateline.CitySpan.Length);
        }

        var language = Html.LanguageIdentifier.Identify(text);
        // A wire report's dateline carries its filing day ("NAIROBI, March 3, 2026 -"), and a pasted report's byline
        // often its date ("By Ana Soto | March 12, 2026"): the day it was published, when nothing from outside the
        // text says otherwise. Without it "on Tuesday" has nothing to resolve against.
        var datelineDay = DatelineDay(dateline?.Date);
        var published = hints.Published ?? datelineDay ?? bylineDay;
        var metadata = new ArticleMetadata
        {
            Language = language,
            Title = title,
            Url = hints.Url,
            Published = published,
            Outlet = hints.Outlet,
            Authors = authors.Count > 0 ? authors.ToImmutable() : hints.Authors,
            Credit = credit,
            Dateline = dateline?.City,
            DatelineSpan = datelineSpan,
            Captions = captions.ToImmutable(),
            Sources = ArticleExtractor.Provenances(
                ("title", titleSource),
                ("url", hints.Url is null ? null : "container"),
                ("published", hints.Published is not null ? "container" : datelineDay is not null ? "dateline" : bylineDay is not null ? "byline" : null),
                ("outlet", hints.Outlet is null ? null : "container"),
                ("authors", authors.Count > 0 ? "byline" : hints.Authors.IsEmpty ? null : "container"),
                ("credit", creditSource),
                ("dateline", dateline is null ? null : "dateline"),
                ("language", language is null ? null : "lingua")),
        };
        var id = ArticleExtractor.ArticleId(document.Path, document.Record);
        return ExtractionOutcome.Of(new Article(id, document.Path, document.Record, text, metadata, [.. removed.OrderBy(r => r.Order).Select(r => r.Block)]));
    }

    /// <summary>
    /// The kept blocks from <paramref name="start"/> on, a blank line between them, and where the block at
    /// <paramref name="datelineIndex"/> starts in that text (-1 when it is not kept). Written into a string of the
    /// exact length: on a text of millions of lines a builder and its copy would hold the body twice.
    /// </summary>
    private static (string Text, int DatelineOffset) JoinBody(List<ReadOnlyMemory<char>> blocks, string?[] reasons, int start, int datelineIndex)
    {
        var length = 0L;
        for (var i = start; i < blocks.Count; i++)
        {
            if (reasons[i] is null)
            {
                length += (length > 0 ? 2 : 0) + blocks[i].Length;
            }
        }

        var datelineOffset = -1;
        var text = string.Create(checked((int)length), 0, (span, _) =>
        {
            var at = 0;
            for (var i = start; i < blocks.Count; i++)
            {
                if (reasons[i] is not null)
                {
                    continue;
                }

                if (at > 0)
                {
                    span[at++] = '\n';
                    span[at++] = '\n';
                }

                if (i == datelineIndex)
                {
                    datelineOffset = at;
                }

                blocks[i].Span.CopyTo(span[at..]);
                at += blocks[i].Length;
            }
        });
        return (text, datelineOffset);
    }

    private static readonly string[] DatelineDayFormats = ["MMMM d, yyyy", "MMMM d yyyy", "MMM d, yyyy", "MMM d yyyy"];

    /// <summary>The day a dateline's date names, when it gives the year ("March 3, 2026", "Jan. 4, 2026"); otherwise null.</summary>
    internal static DateTimeOffset? DatelineDay(string? date)
    {
        if (date is null)
        {
            return null;
        }

        var normalised = string.Join(' ', date.Replace(".", "", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return DateTime.TryParseExact(normalised, DatelineDayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new DateTimeOffset(day.Year, day.Month, day.Day, 0, 0, 0, TimeSpan.Zero)
            : null;
    }

    /// <summary>
    /// The index of the block that opens with a dateline, within the first blocks after the title; a dateline
    /// alone on its line (<c>ISLAMABAD:</c>) is joined to the paragraph after it. -1 when there is none.
    /// </summary>
    private static int FindDatelineBlock(List<ReadOnlyMemory<char>> blocks, int start)
    {
        for (var i = start; i < Math.Min(blocks.Count, start + DatelineWindow); i++)
        {
            var block = blocks[i].ToString();
            if (BodyMetadata.FindDateline(block) is not { } match)
            {
                continue;
            }

            if (match.Span.End >= block.TrimEnd().Length && i + 1 < blocks.Count)
            {
                blocks[i] = (block.TrimEnd() + " " + blocks[i + 1].ToString()).AsMemory();
                blocks.RemoveAt(i + 1);
            }

            return i;
        }

        return -1;
    }

    /// <summary>
    /// Where the article ends: the first chrome block of the trailing run made only of chrome, keyword lines and
    /// headline-like lines. Headline-like lines before that first chrome block stay (they may be the article's own).
    /// </summary>
    private static int FindTail(List<ReadOnlyMemory<char>> blocks, int bodyStart)
    {
        var tail = blocks.Count;
        // A page's trailing chrome is tens of lines; looking further back only costs time on a text of millions of
        // short lines, where a stray chrome-like line deep inside would otherwise make the rest of the text "tail".
        var limit = Math.Max(bodyStart, blocks.Count - 1 - TailWindow);
        for (var k = blocks.Count - 1; k > limit; k--)
        {
            var b = blocks[k].ToString();
            if (ChromeRules.Classify(b) is not null || ChromeRules.IsKeywordList(b))
            {
                tail = k;
            }
            else if (!ChromeRules.IsHeadlineLike(b) && !BodyMetadata.IsCreditOnly(b))
            {
                break;
            }
        }

        return tail;
    }

    // Inside the body only explicit rules remove a block; a related-stories heading takes the headlines under it.
    private static void MarkBody(List<ReadOnlyMemory<char>> blocks, string?[] reasons, int bodyStart, int tail, ref string? credit, ref string? creditSource)
    {
        for (var i = bodyStart; i < tail; i++)
        {
            if (reasons[i] is not null)
            {
                continue;
            }

            // The body may be millions of blocks: each is checked as a slice and copied only when it may hold a credit.
            var reason = ChromeRules.Classify(blocks[i].Span);
            if (reason is null)
            {
                if (i > bodyStart && BodyMetadata.MayHaveCredit(blocks[i].Span) && blocks[i].ToString() is var block
                    && BodyMetadata.FindCredit(block) is { } c && c.IsWhole(block))
                {
                    reasons[i] = CreditReason;
                    (credit, creditSource) = (c.Credit, "credit-line");
                }

                continue;
            }

            reasons[i] = reason;
            if (reason == ChromeRules.RelatedHeading)
            {
                while (i + 1 < tail && ChromeRules.IsHeadlineLike(blocks[i + 1].ToString()) && ChromeRules.Classify(blocks[i + 1].Span) is null)
                {
                    reasons[++i] = ChromeRules.RelatedHeadlines;
                }
            }
        }
    }

    private static void MarkTail(List<ReadOnlyMemory<char>> blocks, string?[] reasons, int tail, ref string? credit, ref string? creditSource)
    {
        var underHeading = false;
        for (var i = tail; i < blocks.Count; i++)
        {
            var b = blocks[i].ToString();
            var reason = ChromeRules.Classify(b);
            if (reason == ChromeRules.RelatedHeading)
            {
                underHeading = true;
            }
            else if (reason is null && ChromeRules.IsKeywordList(b))
            {
                reason = ChromeRules.Tags;
                underHeading = false;
            }
            else if (reason is null && BodyMetadata.FindCredit(b) is { } c && c.IsWhole(b))
            {
                reason = CreditReason;
                (credit, creditSource) = (c.Credit, "credit-line");
            }

            reasons[i] = reason ?? (underHeading ? ChromeRules.RelatedHeadlines : TrailingChrome);
        }
    }

    private static bool LooksLikeTitle(string block) =>
        block.Length <= 300 && block[^1] is not ('.' or ':' or ';' or ',') && BodyMetadata.FindDateline(block) is null && ChromeRules.Classify(block) is null;

    private static bool Same(string block, string? title) =>
        title is not null && string.Equals(Regex.Replace(block, @"\s+", " ").Trim(), Regex.Replace(title, @"\s+", " ").Trim(), StringComparison.OrdinalIgnoreCase);

    private static (string[] Names, DateTimeOffset? Day)? ByLine(string block)
    {
        if (block.Length > 200)
        {
            return null;
        }

        foreach (var pattern in Bylines)
        {
            var m = pattern.Match(block);
            if (m.Success)
            {
                var names = m.Groups["names"];
                return ([.. Regex.Split(names.Value, @"\s*(?:,|\band\b|&)\s*").Where(n => n.Length > 0)], BylineDay(block[(names.Index + names.Length)..]));
            }
        }

        return null;
    }

    private static readonly string[] BylineDayFormats = [.. DatelineDayFormats, "d MMMM yyyy", "d MMM yyyy", "yyyy-MM-dd"];

    /// <summary>
    /// The day a byline's trailing part names in full ("| March 12, 2026", "- 12 March 2026", "| Thursday, March 12,
    /// 2026"); null when it gives none or no year.
    /// </summary>
    internal static DateTimeOffset? BylineDay(string trailing)
    {
        var text = trailing.TrimStart(' ', '\t', '|', ',', '-', '\u2013', '\u2014').Replace(".", "", StringComparison.Ordinal);
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0 && Enum.TryParse<DayOfWeek>(text[..comma].Trim(), ignoreCase: true, out _))
        {
            text = text[(comma + 1)..]; // "Thursday, March 12, 2026"
        }

        var normalised = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return DateTime.TryParseExact(normalised, BylineDayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new DateTimeOffset(day.Year, day.Month, day.Day, 0, 0, 0, TimeSpan.Zero)
            : null;
    }
}
