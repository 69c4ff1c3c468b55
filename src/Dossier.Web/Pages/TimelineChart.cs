using System.Globalization;
using Dossier.Output;
using Dossier.Web.Apis;

namespace Dossier.Web.Pages;

/// <summary>
/// The actor-pair timeline drawn on the server as inline SVG: a bar per day for the number of events (left axis)
/// and a line for their mean Goldstein weight from -10 to +10 (right axis). No script and no chart library, so the
/// build needs only the .NET SDK and the page works under the script-free CSP. A pure function of the timeline:
/// the same days give the same bytes. Colours are presentation attributes, not inline style (which the CSP forbids).
/// </summary>
internal static class TimelineChart
{
    private const int Width = 800;
    private const int Height = 320;
    private const int Left = 48;
    private const int Right = 56;
    private const int Top = 16;
    private const int Bottom = 56;

    /// <summary>The chart for <paramref name="timeline"/>; empty when it has no dated day.</summary>
    public static string Svg(TimelineView timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var html = new HtmlWriter(1024 + (timeline.Days.Count * 200));
        Write(html, timeline);
        return html.ToString();
    }

    /// <summary>Writes the chart for <paramref name="timeline"/> into a page; nothing when it has no dated day.</summary>
    public static void Write(HtmlWriter svg, TimelineView timeline)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(timeline);
        var days = timeline.Days;
        if (days.Count == 0)
        {
            return;
        }

        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var most = Math.Max(1, days.Max(d => d.Events));
        var slot = (double)plotWidth / days.Count;
        var bar = Math.Max(1, slot * 0.7);
        double EventsY(double n) => Top + plotHeight - (n / most * plotHeight);
        double GoldsteinY(double g) => Top + ((10 - Math.Clamp(g, -10, 10)) / 20 * plotHeight);
        double X(int i) => Left + (slot * i) + (slot / 2);

        svg.Markup("<svg class=\"chart\" id=\"timeline-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Number(Width).Markup(" ").Number(Height)
            .Markup("\" role=\"img\" aria-labelledby=\"timeline-chart-title\" font-family=\"sans-serif\" font-size=\"11\">\n<title id=\"timeline-chart-title\">Events per day between ")
            .Text(timeline.First).Markup(" and ").Text(timeline.Second).Markup(" (bars) and their mean Goldstein weight (line)</title>\n");

        // Axes and gridlines: events from 0 to the busiest day on the left, Goldstein -10..10 on the right.
        svg.Markup("<g class=\"axes\" stroke=\"#999\" stroke-width=\"1\">");
        Line(svg, Left, Top, Left, Top + plotHeight);
        Line(svg, Width - Right, Top, Width - Right, Top + plotHeight);
        Line(svg, Left, Top + plotHeight, Width - Right, Top + plotHeight);
        svg.Markup("</g>\n<g class=\"ticks\" fill=\"#444\">");
        foreach (var n in EventTicks(most))
        {
            Label(svg, Left - 6, EventsY(n) + 4, "end", n.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var g in (int[])[-10, -5, 0, 5, 10])
        {
            Label(svg, Width - Right + 6, GoldsteinY(g) + 4, "start", g.ToString("+0;-0;0", CultureInfo.InvariantCulture));
        }

        Label(svg, 12, Top + (plotHeight / 2), "middle", "events", rotate: true);
        Label(svg, Width - 12, Top + (plotHeight / 2), "middle", "mean Goldstein", rotate: true);
        // Day labels: at most about twelve, evenly spaced, so they never overlap.
        var step = Math.Max(1, (int)Math.Ceiling(days.Count / 12.0));
        for (var i = 0; i < days.Count; i += step)
        {
            Label(svg, X(i), Top + plotHeight + 16, "middle", days[i].Date);
        }

        svg.Markup("</g>\n<g class=\"bars\" fill=\"#7a9cc6\">");
        for (var i = 0; i < days.Count; i++)
        {
            var y = EventsY(days[i].Events);
            svg.Markup("<rect x=\"").Markup(F(X(i) - (bar / 2))).Markup("\" y=\"").Markup(F(y)).Markup("\" width=\"").Markup(F(bar))
                .Markup("\" height=\"").Markup(F(Top + plotHeight - y)).Markup("\"><title>").Text(days[i].Date).Markup(": ")
                .Number(days[i].Events).Markup(days[i].Events == 1 ? " event" : " events").Markup("</title></rect>");
        }

        svg.Markup("</g>\n<g class=\"goldstein\" stroke=\"#c0392b\" fill=\"#c0392b\">");
        // A zero line, so cooperation (above) and conflict (below) read at a glance.
        svg.Markup("<line x1=\"").Number(Left).Markup("\" y1=\"").Markup(F(GoldsteinY(0))).Markup("\" x2=\"").Number(Width - Right).Markup("\" y2=\"")
            .Markup(F(GoldsteinY(0))).Markup("\" stroke-dasharray=\"4 4\" stroke-width=\"1\" opacity=\"0.5\"/>");
        if (days.Count > 1)
        {
            svg.Markup("<polyline fill=\"none\" stroke-width=\"2\" points=\"");
            for (var i = 0; i < days.Count; i++)
            {
                svg.Markup(i == 0 ? "" : " ").Markup(F(X(i))).Markup(",").Markup(F(GoldsteinY(days[i].MeanGoldstein)));
            }

            svg.Markup("\"/>");
        }

        for (var i = 0; i < days.Count; i++)
        {
            svg.Markup("<circle cx=\"").Markup(F(X(i))).Markup("\" cy=\"").Markup(F(GoldsteinY(days[i].MeanGoldstein))).Markup("\" r=\"4\"><title>").Text(days[i].Date)
                .Markup(": mean Goldstein ").Markup(days[i].MeanGoldstein.ToString("0.00", CultureInfo.InvariantCulture)).Markup("</title></circle>");
        }

        svg.Markup("</g>\n</svg>\n");
    }

    /// <summary>Whole-number ticks from 0 to <paramref name="most"/>, at most about five.</summary>
    private static IEnumerable<int> EventTicks(int most)
    {
        var step = Math.Max(1, (int)Math.Ceiling(most / 5.0));
        for (var n = 0; n <= most; n += step)
        {
            yield return n;
        }
    }

    private static void Line(HtmlWriter svg, double x1, double y1, double x2, double y2) =>
        svg.Markup("<line x1=\"").Markup(F(x1)).Markup("\" y1=\"").Markup(F(y1)).Markup("\" x2=\"").Markup(F(x2)).Markup("\" y2=\"").Markup(F(y2)).Markup("\"/>");

    private static void Label(HtmlWriter svg, double x, double y, string anchor, string text, bool rotate = false)
    {
        svg.Markup("<text x=\"").Markup(F(x)).Markup("\" y=\"").Markup(F(y)).Markup("\" text-anchor=\"").Markup(anchor).Markup("\"");
        if (rotate)
        {
            svg.Markup(" transform=\"rotate(-90 ").Markup(F(x)).Markup(" ").Markup(F(y)).Markup(")\"");
        }

        svg.Markup(">").Text(text).Markup("</text>");
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
