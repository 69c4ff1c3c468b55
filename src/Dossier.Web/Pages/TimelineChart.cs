using System.Globalization;
using System.Text;
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
        var days = timeline.Days;
        if (days.Count == 0)
        {
            return "";
        }

        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var most = Math.Max(1, days.Max(d => d.Events));
        var slot = (double)plotWidth / days.Count;
        var bar = Math.Max(1, slot * 0.7);
        double EventsY(double n) => Top + plotHeight - (n / most * plotHeight);
        double GoldsteinY(double g) => Top + ((10 - Math.Clamp(g, -10, 10)) / 20 * plotHeight);
        double X(int i) => Left + (slot * i) + (slot / 2);

        var sb = new StringBuilder(1024 + (days.Count * 200));
        sb.Append("<svg class=\"chart\" id=\"timeline-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(Height)
            .Append("\" role=\"img\" aria-labelledby=\"timeline-chart-title\" font-family=\"sans-serif\" font-size=\"11\">\n<title id=\"timeline-chart-title\">Events per day between ")
            .Text(timeline.First).Append(" and ").Text(timeline.Second).Append(" (bars) and their mean Goldstein weight (line)</title>\n");

        // Axes and gridlines: events from 0 to the busiest day on the left, Goldstein -10..10 on the right.
        sb.Append("<g class=\"axes\" stroke=\"#999\" stroke-width=\"1\">");
        Line(sb, Left, Top, Left, Top + plotHeight);
        Line(sb, Width - Right, Top, Width - Right, Top + plotHeight);
        Line(sb, Left, Top + plotHeight, Width - Right, Top + plotHeight);
        sb.Append("</g>\n<g class=\"ticks\" fill=\"#444\">");
        foreach (var n in EventTicks(most))
        {
            Label(sb, Left - 6, EventsY(n) + 4, "end", n.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var g in (int[])[-10, -5, 0, 5, 10])
        {
            Label(sb, Width - Right + 6, GoldsteinY(g) + 4, "start", g.ToString("+0;-0;0", CultureInfo.InvariantCulture));
        }

        Label(sb, 12, Top + (plotHeight / 2), "middle", "events", rotate: true);
        Label(sb, Width - 12, Top + (plotHeight / 2), "middle", "mean Goldstein", rotate: true);
        // Day labels: at most about twelve, evenly spaced, so they never overlap.
        var step = Math.Max(1, (int)Math.Ceiling(days.Count / 12.0));
        for (var i = 0; i < days.Count; i += step)
        {
            Label(sb, X(i), Top + plotHeight + 16, "middle", days[i].Date);
        }

        sb.Append("</g>\n<g class=\"bars\" fill=\"#7a9cc6\">");
        for (var i = 0; i < days.Count; i++)
        {
            var y = EventsY(days[i].Events);
            sb.Append("<rect x=\"").Append(F(X(i) - (bar / 2))).Append("\" y=\"").Append(F(y)).Append("\" width=\"").Append(F(bar))
                .Append("\" height=\"").Append(F(Top + plotHeight - y)).Append("\"><title>").Text(days[i].Date).Append(": ")
                .Append(days[i].Events.ToString(CultureInfo.InvariantCulture)).Append(days[i].Events == 1 ? " event" : " events").Append("</title></rect>");
        }

        sb.Append("</g>\n<g class=\"goldstein\" stroke=\"#c0392b\" fill=\"#c0392b\">");
        // A zero line, so cooperation (above) and conflict (below) read at a glance.
        sb.Append("<line x1=\"").Append(Left).Append("\" y1=\"").Append(F(GoldsteinY(0))).Append("\" x2=\"").Append(Width - Right).Append("\" y2=\"")
            .Append(F(GoldsteinY(0))).Append("\" stroke-dasharray=\"4 4\" stroke-width=\"1\" opacity=\"0.5\"/>");
        if (days.Count > 1)
        {
            sb.Append("<polyline fill=\"none\" stroke-width=\"2\" points=\"");
            for (var i = 0; i < days.Count; i++)
            {
                sb.Append(i == 0 ? "" : " ").Append(F(X(i))).Append(',').Append(F(GoldsteinY(days[i].MeanGoldstein)));
            }

            sb.Append("\"/>");
        }

        for (var i = 0; i < days.Count; i++)
        {
            sb.Append("<circle cx=\"").Append(F(X(i))).Append("\" cy=\"").Append(F(GoldsteinY(days[i].MeanGoldstein))).Append("\" r=\"4\"><title>").Text(days[i].Date)
                .Append(": mean Goldstein ").Append(days[i].MeanGoldstein.ToString("0.00", CultureInfo.InvariantCulture)).Append("</title></circle>");
        }

        sb.Append("</g>\n</svg>\n");
        return sb.ToString();
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

    private static void Line(StringBuilder sb, double x1, double y1, double x2, double y2) =>
        sb.Append("<line x1=\"").Append(F(x1)).Append("\" y1=\"").Append(F(y1)).Append("\" x2=\"").Append(F(x2)).Append("\" y2=\"").Append(F(y2)).Append("\"/>");

    private static void Label(StringBuilder sb, double x, double y, string anchor, string text, bool rotate = false)
    {
        sb.Append("<text x=\"").Append(F(x)).Append("\" y=\"").Append(F(y)).Append("\" text-anchor=\"").Append(anchor).Append('"');
        if (rotate)
        {
            sb.Append(" transform=\"rotate(-90 ").Append(F(x)).Append(' ').Append(F(y)).Append(")\"");
        }

        sb.Append('>').Text(text).Append("</text>");
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
