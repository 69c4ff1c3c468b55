using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Dossier.Stories;

namespace Dossier.Fusion;

/// <summary>
/// Makes a clause's text something a reader takes as a statement: no wire dateline or agency tag in front, no
/// leading participial phrase standing where the subject should be. Works on the claim text only; the evidence
/// keeps the sentence as the article has it. Pure.
/// </summary>
internal static partial class ClaimText
{
    private static readonly Lazy<FrozenSet<string>> SubjectOpeners = new(() => Lexicon.Lines("subject-openers.txt").ToFrozenSet(StringComparer.Ordinal));

    /// <summary>The claim text of a clause: dateline and lead-in phrase taken off, first letter upper-case, final stop.</summary>
    public static string Readable(string claim)
    {
        var t = claim.Trim();
        t = StripDateline(t);
        t = StripParticipleLead(t);
        t = t.Trim().TrimEnd(',', ';', ' ');
        if (t.Length > 0 && char.IsLower(t[0]))
        {
            t = char.ToUpperInvariant(t[0]) + t[1..];
        }

        return t.Length > 0 && t[^1] is not ('.' or '!' or '?' or '"' or '”' or '’') ? t + "." : t;
    }

    /// <summary>
    /// Takes off a wire dateline ("CAIRO - ", "KUALA LUMPUR, May 26 — ", "WASHINGTON, May 4 (Reuters) - ",
    /// "Washington, DC - ", "DOHA, June 14. /TASS/. ") and a bare agency tag ("(AP) — ") from the front of a text.
    /// </summary>
    public static string StripDateline(string text)
    {
        var m = Dateline().Match(text);
        if (m.Success && m.Length < text.Length && m.Length <= 80)
        {
            var rest = text[m.Length..].TrimStart();
            if (rest.Length > 0 && (char.IsLetterOrDigit(rest[0]) || rest[0] is '"' or '“' or '\''))
            {
                return rest;
            }
        }

        return text;
    }

    /// <summary>
    /// "Speaking after the talks, Umerov said …" is "Umerov said …": a participial lead-in before the comma is not
    /// part of what is claimed, and a claim that opens with it does not read as a statement. Only when what follows
    /// the comma starts with a name or a determiner (a subject) and is long enough to stand alone.
    /// </summary>
    public static string StripParticipleLead(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space < 5 || !IsParticipleWord(text[..space]))
        {
            return text;
        }

        var comma = text.IndexOf(", ", StringComparison.Ordinal);
        if (comma < 0 || comma > 120)
        {
            return text;
        }

        var rest = text[(comma + 2)..];
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 4 || words[0].Length == 0)
        {
            return text;
        }

        var first = words[0].TrimStart('"', '“', '\'');
        var subjectLike = first.Length > 0 && (char.IsUpper(first[0]) || SubjectOpeners.Value.Contains(first.ToLowerInvariant()));
        return subjectLike ? rest : text;
    }

    /// <summary>True for an -ing word that is a participle or gerund, not a preposition or noun ("during", "morning").</summary>
    public static bool IsParticipleWord(string word)
    {
        var w = word.Trim('"', '“', '\'', '(').ToLowerInvariant();
        return w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal) && w.All(char.IsLetter) && !Lexicon.NotClauseVerbs.Contains(w);
    }

    // A capitalised place (upper-case words, or "Washington, DC"), optionally a day, optionally an agency in
    // brackets or slashes, then a dash or colon; or an agency tag alone.
    [GeneratedRegex(@"^(?:(?:[A-Z][A-Z.'’-]{2,}(?: [A-Z][A-Z.'’-]+){0,3}|[A-Z][a-z]+, [A-Z]{2,3})(?:, [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?\.?\s*(?:\([A-Za-z .&-]{2,30}\)|/[A-Za-z .-]{2,20}/\.?)?\s*[-–—:]{1,2}\s|[A-Z][A-Z .'’-]{2,}, [A-Z][a-z]{2,8}\.? \d{1,2}\. /[A-Za-z .-]{2,20}/\.?\s|\([A-Z][A-Za-z]{1,12}\)\s*[-–—]\s)", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();
}
