using System.Xml.Linq;
using Dossier.Web.Apis;
using Dossier.Web.Pages;

namespace Dossier.Web.Tests;

public class TimelineChartTests
{
    private static readonly TimelineView Timeline = new("CHN", "P<A>K", [new("2026-01-02", 3, -4.5), new("2026-01-05", 1, 7)], 0);

    [Fact]
    public void The_chart_is_well_formed_svg_with_a_bar_and_a_dot_per_day()
    {
        var svg = XDocument.Parse(TimelineChart.Svg(Timeline));
        XNamespace ns = "http://www.w3.org/2000/svg";

        Assert.Equal(2, svg.Descendants(ns + "rect").Count());
        Assert.Equal(2, svg.Descendants(ns + "circle").Count());
        Assert.Single(svg.Descendants(ns + "polyline"));
        // Actor codes come from the query string: escaped, never markup.
        Assert.Contains("P<A>K", svg.Root!.Element(ns + "title")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_timeline_gives_the_same_bytes_and_no_days_give_no_chart()
    {
        Assert.Equal(TimelineChart.Svg(Timeline), TimelineChart.Svg(Timeline with { Days = [.. Timeline.Days] }));
        Assert.Equal("", TimelineChart.Svg(Timeline with { Days = [] }));
    }
}
