using System.Globalization;
using System.Text;

namespace Dossier.Extraction.Html;

/// <summary>
/// Unicode NFC for body text without ICU. The library runs with InvariantGlobalization, where
/// <see cref="string.Normalize()"/> leaves non-ASCII text untouched; pages mix composed and decomposed
/// letters ("ü" as u + U+0308) and Bengali or Devanagari pages write letters NFC spells as two code points
/// (U+09DF), so text compared later would depend on how a page happened to spell it. The tables
/// (<c>data/extraction/unicode-compositions.tsv</c>, generated from the Unicode Character Database by
/// <c>data/build/unicode-compositions.py</c>) give the replacements and pair compositions NFC performs on the BMP.
/// Canonical reordering of several marks and Hangul jamo are left out: pages write those already composed.
/// </summary>
internal static class UnicodeComposition
{
    private static readonly Tables Data = Load();

    /// <summary><paramref name="text"/> in NFC (as far as the tables go); the same instance when nothing changes.</summary>
    public static string Compose(string text)
    {
        var flags = Data.Flags;
        var i = 0;
        while (i < text.Length && !flags[text[i]])
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (!flags[c])
            {
                sb.Append(c);
                continue;
            }

            if (Data.Replacements.TryGetValue(c, out var replacement))
            {
                foreach (var r in replacement)
                {
                    Append(sb, r); // a surrogate half never composes: appended as it is
                }

                continue;
            }

            Append(sb, c);
        }

        return sb.ToString();
    }

    /// <summary>Appends <paramref name="c"/>, composing it with the character before when NFC would.</summary>
    private static void Append(StringBuilder sb, char c)
    {
        if (sb.Length > 0 && Data.Pairs.TryGetValue(((uint)sb[^1] << 16) | c, out var composed))
        {
            sb[^1] = composed;
            return;
        }

        sb.Append(c);
    }

    private sealed record Tables(bool[] Flags, Dictionary<char, string> Replacements, Dictionary<uint, char> Pairs);

    private static Tables Load()
    {
        using var reader = EmbeddedData.Open("extraction/unicode-compositions.tsv");
        var flags = new bool[char.MaxValue + 1];
        var replacements = new Dictionary<char, string>();
        var pairs = new Dictionary<uint, char>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            if (cols[0] == "map")
            {
                var from = Hex(cols[1]);
                replacements[from] = string.Concat(cols[2].Split(' ').Select(h => char.ConvertFromUtf32(int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture))));
                flags[from] = true;
            }
            else if (cols[0] == "pair")
            {
                var second = Hex(cols[2]);
                pairs[((uint)Hex(cols[1]) << 16) | second] = Hex(cols[3]);
                flags[second] = true;
            }
        }

        return new Tables(flags, replacements, pairs);
    }

    private static char Hex(string hex) => (char)int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
