using Dossier.Extraction.Text;

namespace Dossier.Tests.Extraction.Text;

public class TextLayoutTests
{
    private static string[] Blocks(string content) => [.. TextLayout.Blocks(content).Select(b => b.ToString())];

    [Theory]
    [InlineData("Harbour talks resume\nThe port reopened.\n")]
    [InlineData("Harbour talks resume\r\nThe port reopened.\r\n")]
    [InlineData("Harbour talks resume\rThe port reopened.\r")]
    [InlineData("  Harbour talks resume\u00A0\n\n\t\nThe port reopened.  ")]
    public void Lines_are_blocks_whatever_the_line_breaks_and_trimmed(string content) =>
        Assert.Equal(["Harbour talks resume", "The port reopened."], Blocks(content));

    [Fact]
    public void Empty_and_blank_text_has_no_blocks()
    {
        Assert.Empty(Blocks(""));
        Assert.Empty(Blocks(" \n\r\n\t \n"));
    }

    [Fact]
    public void Hard_wrapped_paragraphs_are_joined_and_a_broken_word_mended()
    {
        var wrapped = string.Join('\n',
            "The delegations met for a second day at the lakeside hall and",
            "agreed to publish the joint text once both cabinets have seen it.",
            "",
            "Officials said the water-sharing annex would follow within a fort-",
            "night, after the survey teams return from the upper valley sites.",
            "",
            "Neither side took questions from the reporters gathered outside.");
        Assert.Equal(
            [
                "The delegations met for a second day at the lakeside hall and agreed to publish the joint text once both cabinets have seen it.",
                "Officials said the water-sharing annex would follow within a fortnight, after the survey teams return from the upper valley sites.",
                "Neither side took questions from the reporters gathered outside.",
            ],
            Blocks(wrapped));
    }

    [Fact]
    public void A_line_is_a_slice_of_the_text_not_a_copy()
    {
        var content = "First line\nSecond line";
        var blocks = TextLayout.Blocks(content);
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetString(blocks[1], out var text, out var start, out var length));
        Assert.Same(content, text);
        Assert.Equal((11, 11), (start, length));
    }
}
