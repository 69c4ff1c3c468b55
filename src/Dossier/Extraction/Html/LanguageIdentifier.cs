using Lingua;
using Lang = Lingua.Language;

namespace Dossier.Extraction.Html;

/// <summary>
/// Identifies the language of an article body with Lingua. The detector is built once, for the languages
/// of world news we expect, in low-accuracy mode (trigram models only), and sees only the first few
/// hundred characters: enough for a news paragraph, and it keeps identification a small part of extraction.
/// </summary>
internal static class LanguageIdentifier
{
    /// <summary>Characters of the body the detector sees.</summary>
    public const int SampleLength = 200;

    private static readonly Lazy<LanguageDetector> Detector = new(() => LanguageDetectorBuilder
        .FromLanguages(
            Lang.English, Lang.French, Lang.German, Lang.Spanish, Lang.Portuguese, Lang.Italian, Lang.Dutch,
            Lang.Polish, Lang.Swedish, Lang.Turkish, Lang.Indonesian, Lang.Russian, Lang.Ukrainian, Lang.Arabic,
            Lang.Persian, Lang.Urdu, Lang.Hindi, Lang.Chinese, Lang.Japanese, Lang.Korean)
        .WithLowAccuracyMode()
        .Build());

    /// <summary>The ISO 639-1 code of the text's language, or null when it cannot tell.</summary>
    public static string? Identify(string text)
    {
        if (text.Length < 20)
        {
            return null;
        }

        // Most news is in a handful of Latin-script languages whose function words settle the question at
        // once; Lingua (which fans out to other threads on every call) only sees what they leave open.
        if (FunctionWords.Identify(text) is { } fast)
        {
            return fast;
        }

        var sample = text.Length <= SampleLength ? text : text[..SampleLength];
        var language = Detector.Value.DetectLanguageOf(sample);
        return language == Lang.Unknown ? null : LanguageInfo.IsoCode6391(language).ToString().ToLowerInvariant();
    }
}
