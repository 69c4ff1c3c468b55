using System.Collections.Frozen;

namespace Dossier.Events;

/// <summary>Closed word classes the shallow parser needs. Grammar words, not language data about events.</summary>
internal static class WordClasses
{
    public static readonly FrozenSet<string> Determiners = FrozenSet.ToFrozenSet(
        ["A", "AN", "THE", "ITS", "HIS", "HER", "THEIR", "OUR", "YOUR", "MY", "THIS", "THESE", "THOSE", "'S", "ANY", "EACH", "EVERY", "SOME", "NO", "ANOTHER", "SUCH", "WHOSE"],
        StringComparer.Ordinal);

    public static readonly FrozenSet<string> Prepositions = FrozenSet.ToFrozenSet(
        ["OF", "IN", "ON", "AT", "BY", "FOR", "WITH", "FROM", "INTO", "ONTO", "DURING", "AFTER", "BEFORE", "AGAINST", "BETWEEN", "AMONG", "ABOUT",
         "OVER", "UNDER", "THROUGH", "TOWARD", "TOWARDS", "WITHOUT", "WITHIN", "UPON", "AMID", "DESPITE", "VIA", "NEAR", "ACROSS", "BEYOND", "SINCE", "UNTIL", "LIKE", "OFF", "UP", "DOWN", "OUT", "ALONG", "AROUND"],
        StringComparer.Ordinal);

    public static readonly FrozenSet<string> Auxiliaries = FrozenSet.ToFrozenSet(
        ["IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "AM", "HAS", "HAVE", "HAD", "HAVING", "WILL", "WOULD", "SHALL", "SHOULD", "CAN", "CA", "COULD", "MAY", "MIGHT",
         "MUST", "DO", "DOES", "DID", "WO", "N'T", "NOT", "NEVER", "TO", "ABOUT", "GOING", "'LL", "'D", "'VE", "'RE", "'M"],
        StringComparer.Ordinal);

    public static readonly FrozenSet<string> BeForms = FrozenSet.ToFrozenSet(["IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "AM"], StringComparer.Ordinal);

    public static readonly FrozenSet<string> Modals = FrozenSet.ToFrozenSet(["WILL", "WOULD", "SHALL", "SHOULD", "CAN", "CA", "COULD", "MAY", "MIGHT", "MUST", "WO"], StringComparer.Ordinal);

    public static readonly FrozenSet<string> Negations = FrozenSet.ToFrozenSet(["NOT", "N'T", "NEVER"], StringComparer.Ordinal);

    public static readonly FrozenSet<string> Adverbs = FrozenSet.ToFrozenSet(
        ["ALSO", "AGAIN", "NOW", "EVER", "STILL", "ALREADY", "JUST", "EVEN", "SOON", "THEN", "ONCE", "FURTHER", "JOINTLY", "FIRMLY", "STRONGLY", "REPEATEDLY", "ALMOST",
         "MOST", "REALLY", "RECENTLY", "FINALLY", "QUICKLY", "FORMALLY", "OFFICIALLY", "PUBLICLY", "UNANIMOUSLY", "LATER", "EARLIER", "TODAY", "YESTERDAY", "TOGETHER", "BOTH"],
        StringComparer.Ordinal);

    public static readonly FrozenSet<string> Pronouns = FrozenSet.ToFrozenSet(["IT", "HE", "SHE", "THEY", "WE", "I", "YOU"], StringComparer.Ordinal);

    public static readonly FrozenSet<string> ClauseOpeners = FrozenSet.ToFrozenSet(["THAT", "WHICH", "WHO", "WHOM", "WHERE", "WHEN", "WHILE", "BECAUSE", "IF", "ALTHOUGH", "THOUGH", "WHETHER", "AS"], StringComparer.Ordinal);

    /// <summary>Words opening an adverbial clause: its verb has its own subject, and it is not the object of the verb before.</summary>
    public static readonly FrozenSet<string> Subordinators = FrozenSet.ToFrozenSet(["AFTER", "BEFORE", "WHEN", "WHILE", "SINCE", "UNTIL", "BECAUSE", "ALTHOUGH", "THOUGH", "WHERE", "UNLESS", "WHEREAS"], StringComparer.Ordinal);

    public static readonly FrozenSet<string> Coordinators = FrozenSet.ToFrozenSet(["AND", "OR", "NOR", "BUT", ","], StringComparer.Ordinal);

    public static readonly FrozenSet<string> Days = FrozenSet.ToFrozenSet(
        ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "TODAY", "YESTERDAY", "TONIGHT", "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY",
         "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER", "WEEK", "MONTH", "YEAR", "NIGHT", "MORNING", "EVENING", "AFTERNOON"],
        StringComparer.Ordinal);

    /// <summary>Words that introduce reported speech or attribution: never events of their own, never phrase fillers.</summary>
    public static readonly FrozenSet<string> SpeechVerbs = FrozenSet.ToFrozenSet(
        ["SAID", "SAYS", "SAY", "SAYING", "TOLD", "TELLS", "ADDED", "ADDS", "NOTED", "REPORTED", "STATED", "ANNOUNCED", "DECLARED", "WROTE", "EXPLAINED", "BELIEVED", "ACCORDING", "QUOTED", "CLAIMED", "REMARKED"],
        StringComparer.Ordinal);

    /// <summary>
    /// Nouns for texts that act for whoever issues them: in "issued a statement condemning X" the participle after the
    /// noun is what the issuer does ("a resolution calling for", "a letter urging", "a report accusing").
    /// </summary>
    public static readonly FrozenSet<string> DocumentNouns = FrozenSet.ToFrozenSet(
        ["STATEMENT", "STATEMENTS", "DECLARATION", "COMMUNIQUE", "RESOLUTION", "LETTER", "MESSAGE", "APPEAL", "NOTE", "REPORT", "ULTIMATUM", "DECREE",
         "PETITION", "MEMORANDUM", "MANIFESTO", "PROCLAMATION", "BULLETIN", "EDITORIAL", "SPEECH", "MOTION", "BILL"],
        StringComparer.Ordinal);

    /// <summary>True for words that end a noun phrase: grammar words, punctuation.</summary>
    public static bool IsFunctionWord(string key) =>
        Determiners.Contains(key) || Prepositions.Contains(key) || Auxiliaries.Contains(key) || Coordinators.Contains(key) || ClauseOpeners.Contains(key)
        || Pronouns.Contains(key) || key.Length == 0 || !char.IsLetterOrDigit(key[0]) || key == "TO";

    private static readonly FrozenSet<string> s_adjectives = FrozenSet.ToFrozenSet(
        ["STRONG", "FIRM", "FULL", "DEEP", "GREAT", "WARM", "HIGH", "TOTAL", "COMPLETE", "CONTINUED", "RENEWED", "LATEST", "RECENT", "FIRST", "SECOND", "NEW", "OWN", "BROAD", "STRONGEST", "FIRMEST", "UNWAVERING", "STEADFAST"],
        StringComparer.Ordinal);

    /// <summary>True for words that are most likely adjectives ("strong support", "military attack").</summary>
    public static bool LooksAdjective(string key) =>
        s_adjectives.Contains(key) || (key.Length > 4 && (key.EndsWith("AL", StringComparison.Ordinal) || key.EndsWith("IVE", StringComparison.Ordinal) || key.EndsWith("OUS", StringComparison.Ordinal)
            || key.EndsWith("FUL", StringComparison.Ordinal) || key.EndsWith("IC", StringComparison.Ordinal) || key.EndsWith("ARY", StringComparison.Ordinal)));

    public static bool IsAdverb(string key) => Adverbs.Contains(key) || (key.Length > 4 && key.EndsWith("LY", StringComparison.Ordinal) && key != "ITALY" && key != "RALLY" && key != "SUPPLY" && key != "APPLY" && key != "REPLY");
}
