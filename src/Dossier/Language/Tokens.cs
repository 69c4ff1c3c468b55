namespace Dossier.Language;

/// <summary>What a token is.</summary>
public enum TokenKind : byte
{
    /// <summary>Letters, possibly with digits, inner hyphens, apostrophes or dotted initials (U.S.).</summary>
    Word,

    /// <summary>Digits, possibly with inner separators (3.5, 1,200) and an ordinal suffix (7th).</summary>
    Number,

    /// <summary>The possessive <c>'s</c>, split from its noun so that "China's" yields "China".</summary>
    Possessive,

    /// <summary>A quotation mark, straight or curly, single or double.</summary>
    Quote,

    /// <summary>Any other character that is not white space.</summary>
    Punct,
}

/// <summary>A token: a span of the text and its kind. Tokens are never copied strings.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Kind">What it is.</param>
public readonly record struct Token(int Start, int Length, TokenKind Kind)
{
    /// <summary>The offset just past the token.</summary>
    public int End => Start + Length;
}

/// <summary>Splits text into tokens with offsets, in one pass, without allocating strings.</summary>
public static class Tokenizer
{
    /// <summary>The tokens of <paramref name="text"/>.</summary>
    public static Token[] Tokenize(string text) => Tokenize(text, 0, text.Length);

    /// <summary>The tokens of the part of <paramref name="text"/> from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public static Token[] Tokenize(string text, int start, int end)
    {
        var list = new List<Token>(Math.Max(16, (end - start) / 4)); // news prose runs about 4.5 characters per token
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsLetter(c))
            {
                var j = ScanWord(text, i, end);
                // "China's": the possessive is its own token so that the noun matches the dictionaries.
                if (j - i > 2 && IsApostrophe(text[j - 2]) && (text[j - 1] is 's' or 'S') && (j == end || !char.IsLetterOrDigit(text[j])))
                {
                    list.Add(new Token(i, j - 2 - i, TokenKind.Word));
                    list.Add(new Token(j - 2, 2, TokenKind.Possessive));
                }
                else
                {
                    list.Add(new Token(i, j - i, TokenKind.Word));
                }

                i = j;
            }
            else if (char.IsDigit(c))
            {
                var j = i + 1;
                while (j < end && (char.IsDigit(text[j]) || ((text[j] is '.' or ',' or ':') && j + 1 < end && char.IsDigit(text[j + 1]) && char.IsDigit(text[j - 1]))))
                {
                    j++;
                }

                // Ordinals (7th, 21st) and units glued to numbers stay one token.
                while (j < end && char.IsLetter(text[j]))
                {
                    j++;
                }

                list.Add(new Token(i, j - i, TokenKind.Number));
                i = j;
            }
            else
            {
                list.Add(new Token(i, 1, IsQuote(c) ? TokenKind.Quote : TokenKind.Punct));
                i++;
            }
        }

        return [.. list];
    }

    /// <summary>True for straight and curly quotation marks and apostrophes.</summary>
    public static bool IsQuote(char c) => c is '"' or '\'' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\u201E' or '\u00AB' or '\u00BB';

    internal static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static int ScanWord(string text, int i, int end)
    {
        // Dotted initials: U.S., U.K., e.g.
        if (i + 3 < end && text[i + 1] == '.' && char.IsLetter(text[i + 2]) && text[i + 3] == '.')
        {
            var k = i;
            while (k + 1 < end && char.IsLetter(text[k]) && text[k + 1] == '.')
            {
                k += 2;
            }

            return k;
        }

        var j = i + 1;
        while (j < end)
        {
            var c = text[j];
            if (char.IsLetterOrDigit(c) || c == '\u0301')
            {
                j++;
            }
            else if (IsApostrophe(c) && j + 1 < end && char.IsLetter(text[j + 1]))
            {
                j++;
            }
            else
            {
                break;
            }
        }

        return j;
    }
}
