using System.Collections.Immutable;
using System.Globalization;
using Dossier.Model;

namespace Dossier.Language;

/// <summary>The date that relative and partial time expressions are resolved against, and where it came from.</summary>
/// <param name="Date">The reference day, when known.</param>
/// <param name="Year">The reference year, when only the year is known.</param>
/// <param name="Source">How it was found: <c>publication-date</c>, <c>external</c>, <c>text-date</c>, <c>text-year</c>.</param>
public sealed record TimeReference(DateOnly? Date, int? Year, string Source)
{
    /// <summary>No reference: partial and relative expressions stay unresolved.</summary>
    public static TimeReference None { get; } = new(null, null, "unresolved");
}

/// <summary>
/// Resolves <see cref="TimeMatch"/>es to ISO 8601 values against a reference date. When the article has
/// no publication date and none is given from outside, the reference is inferred from the text: its latest
/// full date, or else the year its years and weekdays agree on (a weekday stated with a date, such as
/// "Monday (Jan 5)", fixes the year up to 28-year cycles; years named in the text pick among those).
/// </summary>
public static class TimeResolver
{
    /// <summary>Resolves <paramref name="matches"/> against <paramref name="reference"/>; unresolvable ones get X placeholders.</summary>
    public static ImmutableArray<TimeExpression> Resolve(IReadOnlyList<TimeMatch> matches, TimeReference reference)
    {
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(reference);
        var result = ImmutableArray.CreateBuilder<TimeExpression>(matches.Count);
        foreach (var m in matches)
        {
            var (value, from) = InRange(m, reference);
            result.Add(new TimeExpression(m.Span, value, from));
        }

        return result.ToImmutable();
    }

    private static (string Value, string From) InRange(TimeMatch m, TimeReference reference)
    {
        try
        {
            return Value(m, reference);
        }
        catch (ArgumentOutOfRangeException)
        {
            // A reference at the calendar's edge (a page dated 0001-01-01 or 9999-12-31) takes "on Monday" or
            // "next year" off the calendar: such a time is unresolved, and the article is kept.
            return ("XXXX-XX-XX", "unresolved");
        }
    }

    /// <summary>Infers a reference from the text's own time expressions, or <see cref="TimeReference.None"/>.</summary>
    public static TimeReference Infer(IReadOnlyList<TimeMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        DateOnly? latest = null;
        foreach (var m in matches)
        {
            if (m.Year > 0 && m.Day > 0 && m.Kind is TimeKind.Date or TimeKind.Weekday && TryDate(m.Year, m.Month, m.Day, out var d) && !m.Future)
            {
                latest = latest is null || d > latest ? d : latest;
            }
        }

        if (latest is { } found)
        {
            return Refine(matches, new TimeReference(found, found.Year, "text-date"));
        }

        var scores = new Dictionary<int, int>();
        foreach (var m in matches)
        {
            switch (m.Kind)
            {
                case TimeKind.Year:
                case TimeKind.Month when m.Year > 0:
                    scores[m.Year] = scores.GetValueOrDefault(m.Year) + 2;
                    break;
                case TimeKind.Range when m.Year > 0:
                    scores[m.Year] = scores.GetValueOrDefault(m.Year) + 1;
                    scores[m.EndYear] = scores.GetValueOrDefault(m.EndYear) + 1;
                    break;
            }
        }

        // A weekday with its date ("Monday (Jan 5)") is true in few years; a bare weekday with any partial date of the text counts less.
        var candidates = scores.Keys.SelectMany(y => new[] { y - 1, y, y + 1 }).Distinct().Order().ToList();
        foreach (var y in candidates)
        {
            foreach (var m in matches)
            {
                if (m.Kind == TimeKind.Weekday && m.Day > 0 && m.Year == 0 && TryDate(y, m.Month, m.Day, out var d) && Iso(d.DayOfWeek) == m.Weekday)
                {
                    scores[y] = scores.GetValueOrDefault(y) + 3;
                }
                else if (m.Kind == TimeKind.Weekday && m.Day == 0 && matches.Any(p => p.Kind is TimeKind.Date or TimeKind.Range && p.Year == 0 && p.Day > 0
                    && ((TryDate(y, p.Month, p.Day, out var pd) && Iso(pd.DayOfWeek) == m.Weekday) || (p.EndDay > 0 && TryDate(y, p.EndMonth, p.EndDay, out var pe) && Iso(pe.DayOfWeek) == m.Weekday))))
                {
                    scores[y] = scores.GetValueOrDefault(y) + 1;
                }
            }
        }

        if (scores.Count == 0)
        {
            return TimeReference.None;
        }

        var year = scores.OrderByDescending(kv => kv.Value).ThenByDescending(kv => kv.Key).First().Key;
        DateOnly? reference = null;
        foreach (var m in matches)
        {
            if (m.Year == 0 && m.Day > 0 && !m.Future && TryDate(year, m.EndDay > 0 ? m.EndMonth : m.Month, m.EndDay > 0 ? m.EndDay : m.Day, out var d))
            {
                reference = reference is null || d > reference ? d : reference;
            }
        }

        return new TimeReference(reference, year, "text-year");
    }

    private static TimeReference Refine(IReadOnlyList<TimeMatch> matches, TimeReference reference)
    {
        // Reports are written on or after the latest day they tell of: move the reference to a later day named within the week.
        var r = reference.Date!.Value;
        var best = r;
        foreach (var m in matches)
        {
            if (m.Future || m.Day == 0 || m.Kind is not (TimeKind.Date or TimeKind.Weekday or TimeKind.Range))
            {
                continue;
            }

            var day = m.Kind == TimeKind.Range ? m.EndDay : m.Day;
            var month = m.Kind == TimeKind.Range ? m.EndMonth : m.Month;
            var year = m.Kind == TimeKind.Range ? m.EndYear : m.Year;
            var d = year > 0 ? (TryDate(year, month, day, out var a) ? a : (DateOnly?)null) : Closest(r, month, day);
            if (d is { } x && x > best && x.DayNumber - r.DayNumber <= 7)
            {
                best = x;
            }
        }

        return reference with { Date = best };
    }

    private static (string Value, string From) Value(TimeMatch m, TimeReference reference)
    {
        var r = reference.Date;
        var source = reference.Source;
        switch (m.Kind)
        {
            case TimeKind.Year:
                return (Y(m.Year), "absolute");
            case TimeKind.Range when m.Day == 0:
                return ($"{Y(m.Year)}/{Y(m.EndYear)}", "absolute");
            case TimeKind.Range:
                {
                    if (m.Year > 0)
                    {
                        return ($"{D(m.Year, m.Month, m.Day)}/{D(m.EndYear, m.EndMonth, m.EndDay)}", "absolute");
                    }

                    var start = PartialDate(m.Month, m.Day, reference);
                    if (start is null)
                    {
                        return ($"XXXX-{m.Month:00}-{m.Day:00}/XXXX-{m.EndMonth:00}-{m.EndDay:00}", "unresolved");
                    }

                    var endYear = m.EndMonth < m.Month ? start.Value.Year + 1 : start.Value.Year;
                    return ($"{Iso(start.Value)}/{D(endYear, m.EndMonth, m.EndDay)}", source);
                }

            case TimeKind.Date:
            case TimeKind.Weekday when m.Day > 0:
                {
                    if (m.Year > 0)
                    {
                        return (D(m.Year, m.Month, m.Day), "absolute");
                    }

                    var d = PartialDate(m.Month, m.Day, reference);
                    return d is null ? ($"XXXX-{m.Month:00}-{m.Day:00}", "unresolved") : (Iso(d.Value), source);
                }

            case TimeKind.Weekday:
                {
                    if (r is null)
                    {
                        return ($"XXXX-WXX-{m.Weekday}", "unresolved");
                    }

                    var today = Iso(r.Value.DayOfWeek);
                    var forward = m.Shift > 0 || (m.Shift == 0 && m.Future);
                    var delta = forward ? ((m.Weekday - today + 7) % 7 is var f && f == 0 ? 7 : f) : -((today - m.Weekday + 7) % 7);
                    if (m.Shift < 0 && delta == 0)
                    {
                        delta = -7;
                    }

                    return (Iso(r.Value.AddDays(delta)), source);
                }

            case TimeKind.Month:
                {
                    if (m.Year > 0)
                    {
                        return ($"{Y(m.Year)}-{m.Month:00}", "absolute");
                    }

                    var year = reference.Year ?? r?.Year;
                    if (year is null)
                    {
                        return ($"XXXX-{m.Month:00}", "unresolved");
                    }

                    var refMonth = r?.Month ?? 0;
                    if (refMonth > 0)
                    {
                        if (m.Shift > 0 || (m.Shift == 0 && m.Future))
                        {
                            year = m.Month > refMonth ? year : year + 1;
                        }
                        else if (m.Shift < 0)
                        {
                            year = m.Month < refMonth ? year : year - 1;
                        }
                        else
                        {
                            // The nearer of this year's and last year's month; reports tell of the past more often.
                            var back = (refMonth - m.Month + 12) % 12;
                            year = back <= 6 ? (m.Month <= refMonth ? year : year - 1) : (m.Month > refMonth ? year : year + 1);
                        }
                    }

                    return ($"{Y(year.Value)}-{m.Month:00}", source);
                }

            case TimeKind.Season:
                {
                    var year = r?.Year ?? reference.Year;
                    return year is null ? ($"XXXX-{m.Unit}", "unresolved") : ($"{Y(year.Value)}-{m.Unit}", source);
                }

            case TimeKind.Decade:
                return (Y(m.Year)[..3], "absolute");
            case TimeKind.Relative when m.Exact:
                {
                    if (r is null)
                    {
                        return ("XXXX-XX-XX", "unresolved");
                    }

                    var d = m.Unit switch
                    {
                        "week" => r.Value.AddDays(7 * m.Shift),
                        "month" => r.Value.AddMonths(m.Shift),
                        "year" => r.Value.AddYears(m.Shift),
                        _ => r.Value.AddDays(m.Shift),
                    };
                    return (Iso(d), source);
                }

            case TimeKind.DayOffset:
                return r is null ? ("XXXX-XX-XX", "unresolved") : (Iso(r.Value.AddDays(m.Day)), source);
            case TimeKind.Relative:
                {
                    var year = r?.Year ?? reference.Year;
                    if (year is null)
                    {
                        return ("XXXX", "unresolved");
                    }

                    switch (m.Unit)
                    {
                        case "year":
                            return (Y(year.Value + m.Shift), source);
                        case "month" when r is not null:
                            var month = r.Value.AddMonths(m.Shift);
                            return ($"{Y(month.Year)}-{month.Month:00}", source);
                        case "week" when r is not null:
                            var day = r.Value.AddDays(7 * m.Shift).ToDateTime(TimeOnly.MinValue);
                            return ($"{ISOWeek.GetYear(day):0000}-W{ISOWeek.GetWeekOfYear(day):00}", source);
                        case "day" when r is not null:
                            return (Iso(r.Value.AddDays(m.Shift)), source);
                        default:
                            return ("XXXX", "unresolved");
                    }
                }

            default:
                return ("XXXX", "unresolved");
        }
    }

    private static DateOnly? PartialDate(int month, int day, TimeReference reference)
    {
        if (reference.Date is { } r)
        {
            return Closest(r, month, day);
        }

        return reference.Year is { } y && TryDate(y, month, day, out var d) ? d : null;
    }

    private static DateOnly? Closest(DateOnly r, int month, int day)
    {
        DateOnly? best = null;
        for (var y = r.Year - 1; y <= r.Year + 1; y++)
        {
            if (TryDate(y, month, day, out var d) && (best is null || Math.Abs(d.DayNumber - r.DayNumber) < Math.Abs(best.Value.DayNumber - r.DayNumber)))
            {
                best = d;
            }
        }

        return best;
    }

    private static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>1 for Monday to 7 for Sunday.</summary>
    internal static int Iso(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Y(int year) => year.ToString("0000", CultureInfo.InvariantCulture);

    private static string D(int y, int m, int d) => TryDate(y, m, d, out var date) ? Iso(date) : $"{y:0000}-{m:00}-{d:00}";
}
