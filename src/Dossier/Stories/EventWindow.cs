using System.Globalization;
using Dossier.Model;

namespace Dossier.Stories;

/// <summary>
/// The days an article's event may have happened on: a closed interval of calendar days. When the article
/// gives a month and day but no year that can be trusted (no publication date, and the year in the text
/// was only inferred), the window is <see cref="Yearless"/>: its days stand in the reference year 2000 and
/// are compared with other windows by day of the year only.
/// </summary>
/// <param name="First">First possible day.</param>
/// <param name="Last">Last possible day.</param>
/// <param name="Yearless">True when only month and day are known.</param>
public readonly record struct EventWindow(DateOnly First, DateOnly Last, bool Yearless)
{
    // A leap year, so that 29 February has a place.
    private const int ReferenceYear = 2000;
    private const int DaysInReferenceYear = 366;

    // Reports date their event in the lead; a date further down is as often a background one ("the 1952 quake").
    private const int LeadSentences = 6;

    /// <summary>How many days lie between two windows (0 when they overlap). Yearless windows compare by day of the year, around the year's end.</summary>
    public int DistanceTo(EventWindow other)
    {
        if (!Yearless && !other.Yearless)
        {
            return Gap(First.DayNumber, Last.DayNumber, other.First.DayNumber, other.Last.DayNumber);
        }

        var (a0, a1) = InReferenceYear();
        var (b0, b1) = other.InReferenceYear();
        // The same day a year before, that year, and a year after: the nearest of the three.
        return Math.Min(Gap(a0, a1, b0 - DaysInReferenceYear, b1 - DaysInReferenceYear), Math.Min(Gap(a0, a1, b0, b1), Gap(a0, a1, b0 + DaysInReferenceYear, b1 + DaysInReferenceYear)));
    }

    /// <summary>The window's middle day, for ordering.</summary>
    public DateOnly Middle => DateOnly.FromDayNumber((First.DayNumber + Last.DayNumber) / 2);

    /// <inheritdoc />
    public override string ToString() =>
        (Yearless ? "--" + First.ToString("MM-dd", CultureInfo.InvariantCulture) : First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        + "/" + (Yearless ? "--" + Last.ToString("MM-dd", CultureInfo.InvariantCulture) : Last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>
    /// The event window of an annotated article. A published article's event is the language stage's event
    /// day when that lies in the week up to publication (later only for an announcement), else the two days
    /// before publication and the day itself. An undated article's event is its first calendar day in the
    /// text: dated when the text writes the year beside it, else yearless, since a year the resolver took
    /// from elsewhere in the text is as often a background year ("the 1952 quake") as the event's.
    /// </summary>
    /// <param name="article">The annotated article.</param>
    /// <param name="announcement">Whether the article announces an event still to come (its event may lie after publication).</param>
    public static EventWindow? Of(AnnotatedArticle article, bool announcement)
    {
        if (article.Article.Metadata.Published is { } published)
        {
            var day = DateOnly.FromDateTime(published.UtcDateTime);
            if (day.Year is < 1000 or > 9000)
            {
                return null;
            }

            var latest = announcement ? day.AddDays(21) : day.AddDays(1);
            if (article.EventDate is { } e && e >= day.AddDays(-3) && e <= latest)
            {
                return new EventWindow(e.AddDays(-1), e.AddDays(1), false);
            }

            if (announcement && FirstDay(article, trustYear: true) is { } next && !next.Yearless)
            {
                var d = next.First;
                if (d > day && d <= latest)
                {
                    return new EventWindow(d.AddDays(-1), next.Last.AddDays(1), false);
                }
            }

            return new EventWindow(day.AddDays(-2), day, false);
        }

        return FirstDay(article, trustYear: false) is { } found ? new EventWindow(found.First.AddDays(-1), found.Last.AddDays(1), found.Yearless) : null;
    }

    /// <summary>
    /// The first calendar day (or range of days) the text writes out, preferring the language stage's event day
    /// (found in the lead); the year counts only when written beside it or resolved against a publication date
    /// (<paramref name="trustYear"/>). A weekday alone ("on Wednesday") says
    /// nothing without a publication date: the resolver could only pin it to a year named elsewhere.
    /// </summary>
    private static EventWindow? FirstDay(AnnotatedArticle article, bool trustYear)
    {
        var text = article.Article.Text;
        var lead = article.Sentences.Length > LeadSentences ? article.Sentences[LeadSentences].Span.Start : text.Length;
        EventWindow? first = null;
        foreach (var time in article.Times)
        {
            if (time.Span.Start >= lead)
            {
                break;
            }

            if ((!trustYear && !HasDigit(text, time.Span)) || IsDeadline(text, time.Span) || Parse(time, trustYear) is not { } window)
            {
                continue;
            }

            if (article.EventDate is { } e && time.Value.StartsWith(e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal))
            {
                return window;
            }

            first ??= window;
        }

        // An event day with no expression behind it was given by the caller (a feed, a test): trust it whole.
        if (article.EventDate is { Year: >= 1000 and <= 9000 } given && !article.Times.Any(t => t.Value.StartsWith(given.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)))
        {
            return new EventWindow(given, given, false);
        }

        return first;
    }

    // A day written just after a deadline word ("set to expire on August 12", "the July 9 deadline" is not caught,
    // "a deadline of July 9" is) bounds the event; it is not the day it happened.
    private static bool IsDeadline(string text, TextSpan span)
    {
        var before = TextTerms.Words(text, Math.Max(0, span.Start - 40), span.Start);
        return before.Skip(Math.Max(0, before.Count - 3)).Any(w => DeadlineCues.Value.Contains(w.Lower));
    }

    private static readonly Lazy<System.Collections.Frozen.FrozenSet<string>> DeadlineCues =
        new(() => System.Collections.Frozen.FrozenSet.ToFrozenSet(EmbeddedData.Lines("stories/deadline-cues.txt"), StringComparer.Ordinal));

    private static bool HasDigit(string text, TextSpan span)
    {
        for (var i = span.Start; i < span.End && i < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static EventWindow? Parse(TimeExpression time, bool trustYear)
    {
        var value = time.Value;
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var from = slash < 0 ? value : value[..slash];
        var to = slash < 0 ? value : value[(slash + 1)..];
        if (!MonthDay(from, out var fm, out var fd) || !MonthDay(to, out var tm, out var td))
        {
            return null;
        }

        if ((trustYear || time.ResolvedFrom == "absolute") && Year(from) is { } y1 && Year(to) is { } y2
            && Date(y1, fm, fd) is { } a && Date(y2, tm, td) is { } b && a <= b && b.DayNumber - a.DayNumber <= 14)
        {
            return new EventWindow(a, b, false);
        }

        if (Date(ReferenceYear, fm, fd) is { } ya && Date(ReferenceYear, tm, td) is { } yb)
        {
            // A range over the year's end ("December 30 to January 2") keeps its first day only.
            return yb >= ya && yb.DayNumber - ya.DayNumber <= 14 ? new EventWindow(ya, yb, true) : new EventWindow(ya, ya, true);
        }

        return null;
    }

    private (int First, int Last) InReferenceYear()
    {
        if (Yearless)
        {
            return (First.DayNumber, Last.DayNumber);
        }

        var first = Date(ReferenceYear, First.Month, First.Day) ?? new DateOnly(ReferenceYear, 2, 28);
        return (first.DayNumber, first.DayNumber + (Last.DayNumber - First.DayNumber));
    }

    private static int Gap(int a0, int a1, int b0, int b1) => a1 < b0 ? b0 - a1 : b1 < a0 ? a0 - b1 : 0;

    // ISO values as the language stage writes them: "2025-03-19" or "XXXX-03-19".
    private static bool MonthDay(string value, out int month, out int day)
    {
        month = day = 0;
        return value.Length == 10 && value[4] == '-' && value[7] == '-'
            && int.TryParse(value.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out month)
            && int.TryParse(value.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out day)
            && month is >= 1 and <= 12 && day is >= 1 and <= 31;
    }

    // Years outside this range are misreadings (a page number, a code), and widening them would leave the calendar.
    private static int? Year(string value) =>
        int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1000 and <= 9000 ? year : null;

    private static DateOnly? Date(int year, int month, int day) =>
        day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
}
