using Dossier.Extraction.Text;

namespace Dossier.Tests.Extraction.Text;

public class BodyMetadataTests
{
    [Theory]
    [InlineData("ISLAMABAD: Officials said.", "ISLAMABAD", null, null)]
    [InlineData("BEIJING, Jan 4 (Reuters) - Officials said.", "BEIJING", "Jan 4", "Reuters")]
    [InlineData("Beijing, Jan. 4 (Xinhua) -- Officials said.", "Beijing", "Jan. 4", "Xinhua")]
    [InlineData("WASHINGTON (AP) — Officials said.", "WASHINGTON", null, "AP")]
    [InlineData("PORT LOUIS, Mauritius (AFP) - Officials said.", "PORT LOUIS", null, "AFP")]
    [InlineData("NEW DELHI — Officials said.", "NEW DELHI", null, null)]
    [InlineData("ISLAMABAD:", "ISLAMABAD", null, null)]
    public void Dateline_is_taken_from_the_start_of_the_paragraph(string paragraph, string city, string? date, string? agency)
    {
        var match = BodyMetadata.FindDateline(paragraph);
        Assert.NotNull(match);
        Assert.Equal(city, match.City);
        Assert.Equal(city, match.CitySpan.Of(paragraph));
        Assert.Equal(date, match.Date);
        Assert.Equal(agency, match.Agency);
    }

    [Theory]
    [InlineData("UPDATE: The figures were revised.")]
    [InlineData("EDITOR'S NOTE: This story contains graphic detail.")]
    [InlineData("The PRESIDENT: said nothing.")]
    [InlineData("Officials met on Monday - and agreed.")]
    [InlineData("Q: What happens next?")]
    public void Labels_and_ordinary_sentences_are_not_datelines(string paragraph) => Assert.Null(BodyMetadata.FindDateline(paragraph));

    [Theory]
    [InlineData("The talks ended on Monday. - Dawn/ANN", "Dawn/ANN")]
    [InlineData("The talks ended on Monday. - The Star / ANN", "The Star/ANN")]
    [InlineData("The talks ended on Monday. — Reuters", "Reuters")]
    [InlineData("The talks ended on Monday. (AFP)", "AFP")]
    [InlineData("(AP)", "AP")]
    [InlineData("— Associated Press", "Associated Press")]
    [InlineData("The treaty enters into force once ratified. - Valley Post", "Valley Post")]
    [InlineData("It will reopen in \"spring\". — Journal de la Vallée", "Journal de la Vallée")]
    public void Credit_is_taken_from_the_end_of_the_paragraph(string paragraph, string credit) =>
        Assert.Equal(credit, BodyMetadata.FindCredit(paragraph)?.Credit);

    [Theory]
    [InlineData("The Pakistan–China talks ended.")]
    [InlineData("They met - briefly - on Monday.")]
    [InlineData("He said the AP was wrong.")]
    [InlineData("Prices rose - Analysts expected it")]
    public void Sentences_without_a_credit_have_none(string paragraph) => Assert.Null(BodyMetadata.FindCredit(paragraph));

    [Fact]
    public void Credit_span_covers_the_marker_to_cut()
    {
        const string paragraph = "The talks ended. - Dawn/ANN";
        Assert.Equal(" - Dawn/ANN", BodyMetadata.FindCredit(paragraph)!.Span.Of(paragraph));
    }
}
