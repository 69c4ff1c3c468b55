using System.Collections.Immutable;

namespace Dossier.Extraction.Html;

/// <summary>Author names from byline blocks such as "By Jane Doe and John Roe".</summary>
internal static class Bylines
{
    public static ImmutableArray<string> Names(IEnumerable<string> bylines)
    {
        var names = new List<string>();
        foreach (var line in bylines)
        {
            var text = line.Trim();
            if (text.Length > 120)
            {
                continue;
            }

            if (text.StartsWith("by ", StringComparison.OrdinalIgnoreCase))
            {
                text = text[3..];
            }

            // A byline often runs on into the date or the outlet: keep what comes before the first separator.
            var cut = text.IndexOfAny(['|', '\n', '•', '·']);
            if (cut > 0)
            {
                text = text[..cut];
            }

            foreach (var part in text.Split([",", " and ", " & "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length is >= 2 and <= 4 && words.All(w => char.IsUpper(w[0])) && !names.Contains(part))
                {
                    names.Add(part);
                }
            }
        }

        return [.. names];
    }
}
