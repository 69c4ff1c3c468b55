using Dossier.Model;
using Dossier.Vocabulary;

namespace Dossier.Language;

/// <summary>What kind of time expression was found.</summary>
public enum TimeKind
{
    /// <summary>A day, possibly without its year ("January 4", "Jan 4, 2026").</summary>
    Date,

    /// <summary>A month, possibly without its year ("in October", "January 2026").</summary>
    Month,

    /// <summary>A year ("in 2026").</summary>
    Year,

    /// <summary>A weekday, possibly with its date ("on Monday (Jan 5)").</summary>
    Weekday,

    /// <summary>A day counted from the reference ("yesterday").</summary>
    DayOffset,

    /// <summary>A week, month or year counted from the reference ("next year", "last week", "two days ago").</summary>
    Relative,

    /// <summary>A range of days or years ("from January 3 to 5", "2024-2029").</summary>
    Range,

    /// <summary>A season ("in the spring").</summary>
    Season,

    /// <summary>A decade ("in the 1990s").</summary>
    Decade,
}

/// <summary>
/// A time expression as found, before resolution: its span and the calendar fields the text gives.
/// Missing fields are zero. The resolver turns it into a <see cref="TimeExpression"/>.
/// </summary>
public sealed record TimeMatch(TextSpan Span, TimeKind Kind)
{
    public int Year { get; init; }
    public int Month { get; init; }
    public int Day { get; init; }
    public int EndYear { get; init; }
    public int EndMonth { get; init; }
    public int EndDay { get; init; }

    /// <summary>1 (Monday) to 7 (Sunday), or 0.</summary>
    public int Weekday { get; init; }

    /// <summary>For relative expressions: day, week, month or year.</summary>
    public string? Unit { get; init; }

    /// <summary>For relative expressions and weekdays: +1 next, -1 last, 0 this or unstated.</summary>
    public int Shift { get; init; }

    /// <summary>True for a count of units from the reference ("within two weeks"): resolved to the day, not the period.</summary>
    public bool Exact { get; init; }

    /// <summary>True when the sentence looks ahead ("will", "next"), which decides "on Monday" and "in October".</summary>
    public bool Future { get; init; }

    /// <summary>Index of the sentence it is in.</summary>
    public int Sentence { get; init; }
}

/// <summary>Finds time expressions in a sentence's tokens (the extractor; <see cref="TimeResolver"/> gives values).</summary>
public sealed class TimeExtractor
{
    private readonly LanguageData data;

    /// <summary>An extractor over <paramref name="data"/>.</summary>
    public TimeExtractor(LanguageData data) => this.data = data ?? throw new ArgumentNullException(nameof(data));

    /// <summary>The time expressions of <paramref name="text"/>, sentence by sentence.</summary>
    public List<TimeMatch> Extract(string text, Token[] tokens, IReadOnlyList<Sentence> sentences) =>
        Extract(text, tokens, data.Classify(text, tokens), sentences);

    /// <summary>The time expressions of <paramref name="text"/>, with its tokens already classified.</summary>
    public List<TimeMatch> Extract(string text, Token[] tokens, WordFlags[] flags, IReadOnlyList<Sentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(sentences);
        var result = new List<TimeMatch>();
        var t = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            var span = sentences[s].Span;
            while (t < tokens.Length && tokens[t].Start < span.Start)
            {
                t++;
            }

            var end = t;
            var future = false;
            while (end < tokens.Length && tokens[end].End <= span.End)
            {
                if ((flags[end] & WordFlags.Future) != 0)
                {
                    future = true;
                }

                end++;
            }

            var k = t;
            while (k < end)
            {
                // Only time words and numbers can start a time expression.
                if ((flags[k] & WordFlags.TimeWord) == 0 && tokens[k].Kind != TokenKind.Number)
                {
                    k++;
                    continue;
                }

                var next = Match(text, tokens, k, end, out var match);
                if (match is not null)
                {
                    result.Add(match with { Future = future, Sentence = s });
                    k = next;
                }
                else
                {
                    k++;
                }
            }

            t = end;
        }

        return result;
    }

    private int Match(string text, Token[] tokens, int t, int end, out TimeMatch? match)
    {
        match = null;
        var tok = tokens[t];
        if (tok.Kind is not (TokenKind.Word or TokenKind.Number))
        {
            return t;
        }

        var start = t;
        var k = t;
        string? prep = null;
        if (tok.Kind == TokenKind.Word && Word(text, tok) is var pw && data.TimeWordLookup.TryGetValue(pw, out var pword) && pword.Kind == "prep")
        {
            prep = pw.ToString().ToLowerInvariant();
            k++;
            if (k >= end)
            {
                return t;
            }
        }

        var body = TryBody(text, tokens, k, end, prep, out match);
        if (match is null)
        {
            return t;
        }

        // The preposition belongs to the span only when it heads the expression ("on Monday", "from January 3 to 5").
        var from = prep is "on" or "in" || (prep is "from" or "between" && match.Kind == TimeKind.Range) ? start : k;
        match = match with { Span = TextSpan.FromBounds(tokens[from].Start, match.Span.End) };
        return body;
    }

    private int TryBody(string text, Token[] tokens, int k, int end, string? prep, out TimeMatch? match)
    {
        match = null;
        var tok = tokens[k];
        var w = Word(text, tok);
        if (tok.Kind == TokenKind.Word && data.TimeWordLookup.TryGetValue(w, out var tw))
        {
            switch (tw.Kind)
            {
                case "month" or "mon" when char.IsUpper(w[0]):
                    return MonthFirst(text, tokens, k, end, prep, int.Parse(tw.Value, System.Globalization.CultureInfo.InvariantCulture), tw.Kind == "mon", out match);
                case "weekday" when char.IsUpper(w[0]):
                    return Weekday(text, tokens, k, k, end, int.Parse(tw.Value, System.Globalization.CultureInfo.InvariantCulture), 0, out match);
                case "day":
                    match = new TimeMatch(Span(tokens, k, k + 1), TimeKind.DayOffset) { Day = int.Parse(tw.Value, System.Globalization.CultureInfo.InvariantCulture), Unit = "day" };
                    return k + 1;
                case "shift" when k + 1 < end:
                    {
                        var shift = int.Parse(tw.Value, System.Globalization.CultureInfo.InvariantCulture);
                        var nw = Word(text, tokens[k + 1]);
                        if (data.TimeWordLookup.TryGetValue(nw, out var unit))
                        {
                            if (unit.Kind == "unit" && unit.Value != "day" && !nw.EndsWith("s"))
                            {
                                match = new TimeMatch(Span(tokens, k, k + 2), TimeKind.Relative) { Unit = unit.Value, Shift = shift };
                                return k + 2;
                            }

                            if (unit.Kind == "weekday" && char.IsUpper(nw[0]))
                            {
                                return Weekday(text, tokens, k, k + 1, end, int.Parse(unit.Value, System.Globalization.CultureInfo.InvariantCulture), shift == 0 ? 2 : shift, out match);
                            }

                            if (unit.Kind is "month" or "mon" && char.IsUpper(nw[0]) && shift != 0)
                            {
                                match = new TimeMatch(Span(tokens, k, k + 2), TimeKind.Month) { Month = int.Parse(unit.Value, System.Globalization.CultureInfo.InvariantCulture), Shift = shift };
                                return k + 2;
                            }
                        }

                        break;
                    }

                case "number" when k + 2 < end:
                    return Ago(text, tokens, k, end, int.Parse(tw.Value, System.Globalization.CultureInfo.InvariantCulture), out match);
                case "ahead" when k + 2 < end:
                    {
                        // "within two weeks", "in three days"
                        var after = Ahead(text, tokens, k + 1, end, out match);
                        if (match is not null)
                        {
                            match = match with { Span = TextSpan.FromBounds(tokens[k].Start, match.Span.End) };
                        }

                        return after;
                    }
            }

            return k;
        }

        // "in the spring", "in the 1990s"
        if (tok.Kind == TokenKind.Word && w is "the" && k + 1 < end && prep is "in" or "during")
        {
            var next = tokens[k + 1];
            var nw = Word(text, next);
            if (data.TimeWordLookup.TryGetValue(nw, out var season) && season.Kind == "season")
            {
                match = new TimeMatch(Span(tokens, k, k + 2), TimeKind.Season) { Unit = season.Value };
                return k + 2;
            }

            if (next.Kind == TokenKind.Number && nw.Length == 5 && nw[3] == '0' && nw[4] == 's' && int.TryParse(nw[..4], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var decade))
            {
                match = new TimeMatch(Span(tokens, k, k + 2), TimeKind.Decade) { Year = decade };
                return k + 2;
            }
        }

        if (tok.Kind == TokenKind.Word && prep is "in" && data.TimeWordLookup.TryGetValue(w, out var n0) && n0.Kind == "number" && k + 1 < end
            && data.TimeWordLookup.TryGetValue(Word(text, tokens[k + 1]), out var u0) && u0.Kind == "unit" && (k + 2 >= end || Word(text, tokens[k + 2]) is not "ago"))
        {
            return Ahead(text, tokens, k, end, out match);
        }

        if (tok.Kind != TokenKind.Number)
        {
            return k;
        }

        if (TryYear(text, tok, out var year))
        {
            // "2024-2029", "from 2026 to 2027", "between 2020 and 2022"
            if (k + 2 < end && (IsDash(text, tokens[k + 1]) || (prep is "from" && Word(text, tokens[k + 1]) is "to" or "until") || (prep is "between" && Word(text, tokens[k + 1]) is "and"))
                && TryYear(text, tokens[k + 2], out var year2) && year2 > year)
            {
                match = new TimeMatch(Span(tokens, k, k + 3), TimeKind.Range) { Year = year, EndYear = year2 };
                return k + 3;
            }

            var inParens = k > 0 && text[tokens[k - 1].Start] == '(' && k + 1 < end && text[tokens[k + 1].Start] == ')';
            if (prep is "in" || inParens || (k > 0 && Word(text, tokens[k - 1]) is "since" or "until" or "by" or "before" or "after" or "during" or "of" or "early" or "late" or "mid"))
            {
                match = new TimeMatch(Span(tokens, k, k + 1), TimeKind.Year) { Year = year };
                return k + 1;
            }

            return k;
        }

        // "4 January 2026", "5th January"
        if (TryDay(text, tok, out var day) && k + 1 < end && data.TimeWordLookup.TryGetValue(Word(text, tokens[k + 1]), out var mw) && mw.Kind is "month" or "mon" && char.IsUpper(text[tokens[k + 1].Start]))
        {
            var month = int.Parse(mw.Value, System.Globalization.CultureInfo.InvariantCulture);
            var m = k + 2;
            if (m < end && text[tokens[m].Start] == '.' && tokens[m].Kind == TokenKind.Punct)
            {
                m++;
            }

            var y = 0;
            if (m < end && TryYear(text, tokens[m], out var yy))
            {
                y = yy;
                m++;
            }

            match = new TimeMatch(Span(tokens, k, m), TimeKind.Date) { Year = y, Month = month, Day = day };
            return m;
        }

        return k;
    }

    private int MonthFirst(string text, Token[] tokens, int k, int end, string? prep, int month, bool abbreviated, out TimeMatch? match)
    {
        match = null;
        var m = k + 1;
        if (m < end && tokens[m].Kind == TokenKind.Punct && text[tokens[m].Start] == '.')
        {
            m++;
        }

        if (m < end && TryDay(text, tokens[m], out var day))
        {
            m++;
            var endDay = 0;
            var endMonth = 0;
            // "January 3 to 5", "January 3-5", "January 30 to February 2"
            if (m + 1 < end && (IsDash(text, tokens[m]) || Word(text, tokens[m]) is "to" or "until" || (prep is "between" && Word(text, tokens[m]) is "and")))
            {
                var r = m + 1;
                var em = month;
                if (data.TimeWordLookup.TryGetValue(Word(text, tokens[r]), out var mw2) && mw2.Kind is "month" or "mon" && char.IsUpper(text[tokens[r].Start]) && r + 1 < end)
                {
                    em = int.Parse(mw2.Value, System.Globalization.CultureInfo.InvariantCulture);
                    r++;
                }

                if (TryDay(text, tokens[r], out var d2) && (em != month || d2 > day))
                {
                    endDay = d2;
                    endMonth = em;
                    m = r + 1;
                }
            }

            var year = 0;
            var y = m;
            if (y < end && text[tokens[y].Start] == ',' && y + 1 < end)
            {
                y++;
            }

            if (y < end && TryYear(text, tokens[y], out var yy))
            {
                year = yy;
                m = y + 1;
            }

            match = endDay > 0
                ? new TimeMatch(Span(tokens, k, m), TimeKind.Range) { Year = year, Month = month, Day = day, EndYear = year, EndMonth = endMonth, EndDay = endDay }
                : new TimeMatch(Span(tokens, k, m), TimeKind.Date) { Year = year, Month = month, Day = day };
            return m;
        }

        if (m < end && TryYear(text, tokens[m], out var year2))
        {
            match = new TimeMatch(Span(tokens, k, m + 1), TimeKind.Month) { Year = year2, Month = month };
            return m + 1;
        }

        // A bare month needs a preposition, and "May" or an abbreviation needs more than that.
        var before = k > 0 ? Word(text, tokens[k - 1]) : default;
        if (!abbreviated && (prep is "in" || before is "since" or "until" or "by" or "early" or "late" or "mid" or "during" or "of"))
        {
            match = new TimeMatch(Span(tokens, k, k + 1), TimeKind.Month) { Month = month };
            return k + 1;
        }

        return k;
    }

    private int Weekday(string text, Token[] tokens, int start, int k, int end, int weekday, int shift, out TimeMatch? match)
    {
        var m = k + 1;
        // "Monday (Jan 5)", "Monday, January 5"
        var open = m < end && text[tokens[m].Start] is '(' or ',';
        if (open && m + 1 < end && data.TimeWordLookup.TryGetValue(Word(text, tokens[m + 1]), out var mw) && mw.Kind is "month" or "mon")
        {
            var after = MonthFirst(text, tokens, m + 1, end, null, int.Parse(mw.Value, System.Globalization.CultureInfo.InvariantCulture), true, out var date);
            if (date is { Kind: TimeKind.Date })
            {
                if (text[tokens[m].Start] == '(' && after < end && text[tokens[after].Start] == ')')
                {
                    after++;
                }

                match = date with { Span = Span(tokens, start, after), Kind = TimeKind.Weekday, Weekday = weekday };
                return after;
            }
        }

        match = new TimeMatch(Span(tokens, start, k + 1), TimeKind.Weekday) { Weekday = weekday, Shift = shift == 2 ? 0 : shift };
        return k + 1;
    }

    private int Ago(string text, Token[] tokens, int k, int end, int n, out TimeMatch? match)
    {
        match = null;
        if (data.TimeWordLookup.TryGetValue(Word(text, tokens[k + 1]), out var unit) && unit.Kind == "unit" && Word(text, tokens[k + 2]) is "ago")
        {
            match = new TimeMatch(Span(tokens, k, k + 3), TimeKind.Relative) { Unit = unit.Value, Shift = -n };
            return k + 3;
        }

        return k;
    }

    private int Ahead(string text, Token[] tokens, int k, int end, out TimeMatch? match)
    {
        match = null;
        if (k + 1 < end && data.TimeWordLookup.TryGetValue(Word(text, tokens[k]), out var n) && n.Kind == "number"
            && data.TimeWordLookup.TryGetValue(Word(text, tokens[k + 1]), out var unit) && unit.Kind == "unit")
        {
            match = new TimeMatch(Span(tokens, k, k + 2), TimeKind.Relative) { Unit = unit.Value, Shift = int.Parse(n.Value, System.Globalization.CultureInfo.InvariantCulture), Future = true, Exact = true };
            return k + 2;
        }

        return k;
    }

    private static bool IsDash(string text, Token token) => token.Kind == TokenKind.Punct && text[token.Start] is '-' or '\u2013' or '\u2014';

    private static bool TryYear(string text, Token token, out int year)
    {
        year = 0;
        if (token.Kind != TokenKind.Number || token.Length != 4)
        {
            return false;
        }

        var w = text.AsSpan(token.Start, 4);
        return int.TryParse(w, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out year) && year is >= 1900 and <= 2100;
    }

    private static bool TryDay(string text, Token token, out int day)
    {
        day = 0;
        if (token.Kind != TokenKind.Number)
        {
            return false;
        }

        var w = text.AsSpan(token.Start, token.Length);
        var digits = 0;
        while (digits < w.Length && char.IsDigit(w[digits]))
        {
            digits++;
        }

        var suffix = w[digits..];
        if (digits is 0 or > 2 || !(suffix.IsEmpty || suffix is "st" or "nd" or "rd" or "th"))
        {
            return false;
        }

        day = int.Parse(w[..digits], System.Globalization.CultureInfo.InvariantCulture);
        return day is >= 1 and <= 31;
    }

    private static ReadOnlySpan<char> Word(string text, Token token) => text.AsSpan(token.Start, token.Length);

    private static TextSpan Span(Token[] tokens, int from, int to) => TextSpan.FromBounds(tokens[from].Start, tokens[to - 1].End);
}
