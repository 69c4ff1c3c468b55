namespace Dossier.Cli.Tests;

public class ProgressTests
{
    [Fact]
    public void The_status_line_has_the_count_the_rate_and_the_time_left() =>
        Assert.Equal("Ingesting… 1,200 of 4,800 documents, 120/s, about 30 s left",
            CliProgress.Describe("Ingesting", "documents", 1200, 4800, TimeSpan.FromSeconds(10)));

    [Fact]
    public void Without_a_total_there_is_no_time_left() =>
        Assert.Equal("Ingesting… 30 documents, 3/s", CliProgress.Describe("Ingesting", "documents", 30, null, TimeSpan.FromSeconds(10)));

    [Fact]
    public void Once_everything_is_read_the_line_says_finishing() =>
        Assert.Equal("Exporting… 5 of 5 stories, 1/s, finishing", CliProgress.Describe("Exporting", "stories", 5, 5, TimeSpan.FromSeconds(5)));

    [Theory]
    [InlineData(45, "45 s")]
    [InlineData(600, "10 min")]
    [InlineData(4800, "80 min")]
    [InlineData(7800, "2 h 10 min")]
    public void Durations_are_short(int seconds, string shown) => Assert.Equal(shown, CliProgress.Duration(TimeSpan.FromSeconds(seconds)));
}
