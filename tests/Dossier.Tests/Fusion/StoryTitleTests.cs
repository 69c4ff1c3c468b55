using Dossier.Fusion;

namespace Dossier.Tests.Fusion;

public class StoryTitleTests
{
    [Theory]
    [InlineData("Norway and Chile sign fisheries agreement in Bergen", true)]
    [InlineData("Fed cuts rates by a quarter point", true)]
    // What a reader gives as the title when a page has none: its first line.
    [InlineData("Skip to main content", false)]
    [InlineData("Share current article via Email Share current article via Facebook", false)]
    [InlineData("UPDATE", false)]
    [InlineData("Harbour Post PRO", false)]
    [InlineData("Thursday, May 8", false)]
    [InlineData("By Ana Soto and Ola Berg", false)]
    [InlineData("Lagos, Ada Obi, March 4, PAWIRE", false)]
    [InlineData("Kenya, Uganda, Tanzania sign lake fisheries pact", true)]
    [InlineData("Tanzania, Kenya seal Mara deal, set up joint basin commission", true)]
    [InlineData("12.03.2026 | 14:05 | 1,204 views", false)]
    // Photo captions, which end with the picture's credit (our own examples).
    [InlineData("Ministers pose for a photo before the harbour talks in Portvale on May 2. -- Photo: PAWIRE via THE HARBOUR POST", false)]
    [InlineData("The finance minister said the deal helps farmers. Photograph: Ana Soto/PAWIRE", false)]
    [InlineData("Protesters gather outside the venue in Portvale. (Photo by Ola Berg/PAWIRE)", false)]
    [InlineData("Photo agency staff strike over pay in Portvale", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_title_is_kept_only_when_it_reads_as_a_headline(string? title, bool headline) =>
        Assert.Equal(headline, StoryFields.ReadsAsHeadline(title));
}
