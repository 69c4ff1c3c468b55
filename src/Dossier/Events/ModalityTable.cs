using System.Collections.Frozen;

namespace Dossier.Events;

/// <summary>
/// How a verb's setting changes what it reports (data/verbs/governors.tsv, data/cameo/modality.tsv): words that
/// make an infinitive an offer, a refusal or a request, and the CAMEO codes an offered or demanded act takes.
/// </summary>
internal sealed class ModalityTable
{
    private readonly FrozenDictionary<string, string> _intent;
    private readonly FrozenDictionary<string, string> _demand;
    private readonly FrozenDictionary<string, string> _refuse;

    private ModalityTable(Dictionary<string, FrozenSet<string>> words, Dictionary<string, string> intent, Dictionary<string, string> demand, Dictionary<string, string> refuse)
    {
        FrozenSet<string> Of(string kind) => words.TryGetValue(kind, out var s) ? s : FrozenSet<string>.Empty;
        IntentGovernors = Of("intent");
        IntentModals = Of("intent_modal");
        NegationGovernors = Of("negation");
        RefusalGovernors = Of("refusal");
        RequestModals = Of("request_modal");
        RequestVerbs = Of("request_verb");
        AgreementVerbs = Of("agreement");
        _intent = intent.ToFrozenDictionary(StringComparer.Ordinal);
        _demand = demand.ToFrozenDictionary(StringComparer.Ordinal);
        _refuse = refuse.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The built-in table.</summary>
    public static ModalityTable BuiltIn { get; } = Load();

    /// <summary>"offered", "ready", "willing" before "to V": the act is offered, not done.</summary>
    public FrozenSet<string> IntentGovernors { get; }

    /// <summary>"will", "would" in the verb chain: the act lies ahead.</summary>
    public FrozenSet<string> IntentModals { get; }

    /// <summary>"failed", "refused" before "to V": the act did not happen.</summary>
    public FrozenSet<string> NegationGovernors { get; }

    /// <summary>"refused", "declined" before "to V": the act was rejected.</summary>
    public FrozenSet<string> RefusalGovernors { get; }

    /// <summary>"must", "should" in the verb chain: the act is asked for.</summary>
    public FrozenSet<string> RequestModals { get; }

    /// <summary>"demanded", "urged": a that-clause after them is asked for, not done.</summary>
    public FrozenSet<string> RequestVerbs { get; }

    /// <summary>"agreed", "consented": a promise the subject made complete in itself, coded at home without an addressee.</summary>
    public FrozenSet<string> AgreementVerbs { get; }

    /// <summary>The intent code (03x) of an offered act, or null when the act has none (a promised attack stays an attack).</summary>
    public string? IntentOf(string code) => Longest(_intent, code);

    /// <summary>The rejection code (12x) of a refused act.</summary>
    public string RefusalOf(string code) => Longest(_refuse, code) ?? "120";

    /// <summary>The demand code (10x) of an act asked of someone.</summary>
    public string DemandOf(string code) => Longest(_demand, code) ?? "100";

    private static string? Longest(FrozenDictionary<string, string> map, string code)
    {
        for (var n = code.Length; n >= 1; n--) if (map.TryGetValue(code[..n], out var hit)) return hit;
        return null;
    }

    private static ModalityTable Load()
    {
        var words = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        foreach (var f in EmbeddedData.Rows("verbs/governors.tsv", skipHeader: true))
        {
            if (f.Length >= 2) words[f[0]] = f[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
        }
        var intent = new Dictionary<string, string>(StringComparer.Ordinal);
        var demand = new Dictionary<string, string>(StringComparer.Ordinal);
        var refuse = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in EmbeddedData.Rows("cameo/modality.tsv", skipHeader: true))
        {
            if (f.Length < 3) continue;
            if (f[0] == "intent") intent[f[1]] = f[2];
            else if (f[0] == "demand") demand[f[1]] = f[2];
            else if (f[0] == "refuse") refuse[f[1]] = f[2];
        }
        return new ModalityTable(words, intent, demand, refuse);
    }
}

/// <summary>
/// CAMEO code prefixes coded without a target (data/cameo/one-sided.tsv): true when the act is done at home (the
/// source's own country stands in), false when only a named place can stand in.
/// </summary>
internal static class OneSidedCodes
{
    /// <summary>The built-in list.</summary>
    public static FrozenDictionary<string, bool> BuiltIn { get; } =
        EmbeddedData.Rows("cameo/one-sided.tsv", skipHeader: true).Where(f => f.Length >= 2 && f[0].Length > 0)
            .ToFrozenDictionary(f => f[0], f => f[1] == "self", StringComparer.Ordinal);
}
