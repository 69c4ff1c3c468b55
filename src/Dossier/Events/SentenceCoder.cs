using System.Collections.Frozen;
using System.Text;
using Dossier.Events.Dictionaries;
using Dossier.Model;

namespace Dossier.Events;

/// <summary>An actor found in a sentence: its code, the words that name it and why it was read so.</summary>
/// <param name="Code">The composed CAMEO actor code (country + agents), "---" for an unknown country.</param>
/// <param name="Name">The words of the phrase.</param>
/// <param name="Span">Where the phrase stands in the text.</param>
/// <param name="FirstToken">Index of its first token.</param>
/// <param name="LastToken">Index of its last token (inclusive).</param>
/// <param name="Why">How the code was built, for <c>dossier explain</c>.</param>
public sealed record PhraseActor(string Code, string Name, TextSpan Span, int FirstToken, int LastToken, string Why);

/// <summary>A verb of the sentence and how the coder read it.</summary>
/// <param name="Token">Index of its first token.</param>
/// <param name="Length">Number of tokens of the verb form.</param>
/// <param name="Form">The dictionary form.</param>
/// <param name="Main">True when coded as the head of a clause.</param>
/// <param name="Why">Why it is (or is not) a main verb.</param>
public sealed record VerbReading(int Token, int Length, VerbForm Form, bool Main, string Why);

/// <summary>Everything the coder saw in one sentence, for <c>dossier explain</c> and tests.</summary>
public sealed record SentenceTrace(
    IReadOnlyList<KeyedToken> Tokens,
    IReadOnlyList<IReadOnlyList<PhraseActor>> ActorGroups,
    IReadOnlyList<VerbReading> Verbs,
    IReadOnlyList<string> Notes,
    IReadOnlyList<EventRecord> Events);

/// <summary>
/// Codes one sentence: shallow phrase chunks (actor phrases, coordinated lists, verb chains) from our own
/// rules, verb patterns from the dictionary, source and target from the sentence's structure.
/// Stateless and thread-safe: all state lives in locals.
/// </summary>
internal sealed class SentenceCoder(CoderDictionaries dictionaries, CameoTable table, CoderOptions options)
{
    private readonly VerbDictionary _verbs = dictionaries.Verbs;
    private readonly ActorDictionary _actors = dictionaries.Actors;
    private readonly AgentDictionary _agents = dictionaries.Agents;
    private readonly DiscardDictionary _discards = dictionaries.Discards;
    private readonly ModalityTable _modality = ModalityTable.BuiltIn;
    private readonly FrozenDictionary<string, bool> _oneSided = OneSidedCodes.BuiltIn;
    private readonly Dictionary<VerbFamily, PatternIndex> _patternIndex = PatternIndex.For(dictionaries.Verbs);

    private sealed class Unit
    {
        public int First;
        public int Last;
        public List<PhraseActor> Actors = [];
        public int List = -1;
        public bool AgentOnly;
        public string? Base;
        public string BaseWhy = "";
        public List<string> Prefixes = [];
        public List<string> Suffixes = [];
    }

    private sealed class Verb
    {
        public int Start;
        public int Length;
        public required VerbForm Form;
        public int ChainStart;
        public bool Negated;
        public bool Passive;
        public bool Complement;
        public bool Main;
        public bool Intent;
        public bool Requested;
        public bool Purpose;
        public bool Refused;
        public string Why = "";
        public List<PhraseActor>? Sources;
    }

    /// <summary>What a token starts: an actor or agent phrase of the dictionaries, or a mention with a code, and its length.</summary>
    /// <remarks>One reference for the three kinds (a mark is one of them): marks are made for every token of every sentence.</remarks>
    internal readonly struct Mark(int length, object? what)
    {
        public Mark(int length, ActorEntry? actor, AgentEntry? agent, string? mentionCode) : this(length, (object?)actor ?? (object?)agent ?? mentionCode) { }

        public int Length { get; } = length;

        public ActorEntry? Actor => what as ActorEntry;

        public AgentEntry? Agent => what as AgentEntry;

        public string? MentionCode => what as string;
    }

    /// <summary>Codes the sentence between <paramref name="start"/> and <paramref name="end"/> of <paramref name="text"/>.</summary>
    /// <remarks>With a <c>scan</c> from <see cref="Scan"/> of the same span, the tokens and plain actor marks are not read again.</remarks>
    public List<EventRecord> Code(string text, int start, int end, int sentenceIndex, DateOnly? date, IReadOnlyList<Mention>? mentions, List<string>? notes, Action<KeyedToken[], List<List<PhraseActor>>, List<VerbReading>>? observe = null, SentenceScan? scan = null)
    {
        var events = new List<EventRecord>();
        scan ??= Scan(text, start, end);
        var tokens = scan.Tokens;
        if (tokens.Length == 0) return events;
        var matches = scan.Matches;
        if (_discards.Count > 0 && _discards.Find(scan.Words) is { } discard)
        {
            notes?.Add($"discarded: \"{discard.Phrase}\" ({(discard.WholeStory ? "story" : "sentence")} discard)");
            observe?.Invoke(tokens, [], []);
            return events;
        }

        // Without actor mentions the marks are the ones the salience scan found; with them, mentions come first
        // (the dictionary matches are the scan's either way).
        var marks = !AnyActor(mentions) ? scan.Marks : MarkActors(tokens, matches, mentions);
        var explain = notes is not null;
        var units = BuildUnits(tokens, matches, marks, text, date, explain);
        var unitAt = new int[tokens.Length];
        Array.Fill(unitAt, -1);
        for (var u = 0; u < units.Count; u++) for (var k = units[u].First; k <= units[u].Last; k++) unitAt[k] = u;
        var lists = BuildLists(tokens, matches, units, unitAt, explain);
        var verbs = FindVerbs(tokens, matches, unitAt);

        if (observe is not null)
        {
            observe(tokens, lists.ConvertAll(l => l.SelectMany(u => u.Actors).ToList()),
                verbs.ConvertAll(v => new VerbReading(v.Start, v.Length, v.Form, v.Main, v.Why)));
        }

        Verb? previousMain = null;
        Verb? request = null;
        foreach (var verb in verbs)
        {
            if (!verb.Main) continue;
            if (options.CodeModality && request is not null && ThatBetween(tokens, request, verb))
            {
                // "demanded that Israel ease the blockade": the easing is asked for, not done; the demand is the event.
                notes?.Add($"\"{tokens[verb.Start + verb.Form.VerbWord].Key}\": asked for in a that-clause of \"{tokens[request.Start + request.Form.VerbWord].Key}\", not done; not coded");
                continue;
            }
            CodeVerb(text, scan, units, unitAt, lists, verbs, verb, previousMain, sentenceIndex, events, notes);
            if (_modality.RequestVerbs.Contains(tokens[verb.Start + verb.Form.VerbWord].Key)) request = verb;
            previousMain = verb;
        }
        return Dedupe(events);
    }

    // ---------------------------------------------------------------- actors

    /// <summary>The dictionary actors named in a stretch of text, for article-level salience and aliases.</summary>
    public List<(string Code, TextSpan Span, int Words)> ActorsIn(string text, int start, int end, DateOnly? date) => ActorsIn(Scan(text, start, end), date);

    /// <summary>A sentence's tokens and its dictionary actors before mentions: read once, for salience and again for coding.</summary>
    public SentenceScan Scan(string text, int start, int end)
    {
        var tokens = CoderTokens.Tokenize(text, start, end, out var words);
        var matches = new DictionaryMatch?[tokens.Length];
        for (var i = 0; i < words.Length; i++)
        {
            // A word no dictionary uses starts no phrase of any of them.
            if (words[i] == DictionaryWords.None) continue;
            var a = _actors.Match(words, i, out var actor);
            var g = _agents.Match(words, i, out var agent);
            var v = _verbs.Match(words, i, out var form);
            if (a > 0 || g > 0 || v > 0) matches[i] = new DictionaryMatch(a, actor, g, agent, v, form);
        }
        return new SentenceScan(tokens, words, matches, MarkActors(tokens, matches, null));
    }

    /// <summary>The dictionary actors of a scanned sentence.</summary>
    public List<(string Code, TextSpan Span, int Words)> ActorsIn(SentenceScan scan, DateOnly? date)
    {
        var found = new List<(string, TextSpan, int)>();
        var tokens = scan.Tokens;
        var marks = scan.Marks;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (marks[i].Actor is not { } actor || actor.CodeOn(date) is not { } code) continue;
            var last = i + marks[i].Length - 1;
            found.Add((code, TextSpan.FromBounds(tokens[i].Start, tokens[last].End), marks[i].Length));
        }
        return found;
    }

    private static bool AnyActor(IReadOnlyList<Mention>? mentions)
    {
        if (mentions is null) return false;
        foreach (var m in mentions) if (m.Actor is not null) return true;
        return false;
    }

    /// <summary>
    /// The longest actor, agent and verb phrases of each dictionary starting at one token. They depend on the
    /// words alone, so a sentence's are read once, in <see cref="Scan"/>, for every later question about them. Kept
    /// only for the few tokens that start a phrase (null elsewhere), to keep the scan small.
    /// </summary>
    internal sealed record DictionaryMatch(int ActorLength, ActorEntry? Actor, int AgentLength, AgentEntry? Agent, int VerbLength, VerbForm? Verb);

    /// <summary>What <see cref="Scan"/> read of one sentence: tokens, their word numbers, dictionary matches and actor marks.</summary>
    internal sealed class SentenceScan(KeyedToken[] tokens, int[] words, DictionaryMatch?[] matches, Mark[] marks)
    {
        public KeyedToken[] Tokens { get; } = tokens;

        internal int[] Words { get; } = words;

        internal DictionaryMatch?[] Matches { get; } = matches;

        // The sentence's word numbers as a set, made on the first pattern that asks (most sentences have no verb with one).
        private HashSet<int>? _wordSet;

        /// <summary>True when a token of the sentence has the word numbered <paramref name="word"/>.</summary>
        internal bool HasWord(int word) => WordSet.Contains(word);

        /// <summary>The word numbers of the sentence, once each.</summary>
        internal HashSet<int> WordSet => _wordSet ??= [.. Words];

        internal Mark[] Marks { get; } = marks;
    }

    private Mark[] MarkActors(KeyedToken[] tokens, DictionaryMatch?[] matches, IReadOnlyList<Mention>? mentions)
    {
        var marks = new Mark[tokens.Length];
        if (mentions is { Count: > 0 })
        {
            foreach (var m in mentions)
            {
                if (m.Actor is null) continue;
                var first = -1;
                var last = -1;
                for (var i = 0; i < tokens.Length; i++)
                {
                    if (tokens[i].Start >= m.Span.Start && tokens[i].End <= m.Span.End)
                    {
                        if (first < 0) first = i;
                        last = i;
                    }
                }
                if (first >= 0) marks[first] = new Mark(last - first + 1, null, null, m.Actor);
            }
        }
        for (var i = 0; i < tokens.Length; i++)
        {
            if (marks[i].Length > 0) { i += marks[i].Length - 1; continue; }
            if (matches[i] is not { } match) continue;
            var (a, actor, g, agent, _, _) = match;
            // Names are capitalised: "us" is not the US, "georgia" is not Georgia.
            if (a > 0 && options.ActorsAreCapitalized && !AnyCapitalized(tokens, i, a)) a = 0;
            if (a == 0 && g == 0) continue;
            marks[i] = a >= g ? new Mark(a, actor, null, null) : new Mark(g, null, agent, null);
            i += Math.Max(a, g) - 1;
        }
        return marks;
    }

    private static bool StartsVerb(DictionaryMatch?[] matches, int k) => matches[k] is { VerbLength: > 0 };

    private static bool IsAcronym(string text, KeyedToken t)
    {
        if (t.Length > 5) return false;
        for (var k = t.Start; k < t.End; k++) if (char.IsLower(text[k])) return false;
        return true;
    }

    private static bool AnyCapitalized(KeyedToken[] tokens, int start, int length)
    {
        for (var k = start; k < start + length; k++) if (tokens[k].Capitalized || char.IsDigit(tokens[k].Key[0])) return true;
        return false;
    }

    private List<Unit> BuildUnits(KeyedToken[] tokens, DictionaryMatch?[] matches, Mark[] marks, string text, DateOnly? date, bool explain)
    {
        var units = new List<Unit>();
        var i = 0;
        while (i < tokens.Length)
        {
            if (marks[i].Length == 0) { i++; continue; }
            var first = i;
            var elements = new List<(int At, Mark Mark)>();
            var j = i;
            var lastEnd = i;
            while (j < tokens.Length)
            {
                if (marks[j].Length > 0)
                {
                    elements.Add((j, marks[j]));
                    lastEnd = j + marks[j].Length - 1;
                    j += marks[j].Length;
                    continue;
                }
                if (tokens[j].Key == "'S" && j + 1 < tokens.Length) { j++; continue; }
                // Up to two filler words (titles, names, adjectives) may stand between parts of one phrase.
                var k = j;
                while (k < tokens.Length && k - j < 2 && marks[k].Length == 0 && IsFiller(tokens, matches, k)) k++;
                // "Ithilen's awful and evil minister": coordinated adjectives inside one phrase.
                if (k < tokens.Length && k > j && tokens[k].Key == "AND" && j > 0 && tokens[j - 1].Key == "'S" && k + 2 < tokens.Length
                    && !tokens[k + 1].Capitalized && IsFiller(tokens, matches, k + 1))
                {
                    k += 2;
                    while (k < tokens.Length && k - j < 5 && marks[k].Length == 0 && IsFiller(tokens, matches, k)) k++;
                }
                if (k > j && k < tokens.Length && marks[k].Length > 0 && LinksInsidePhrase(tokens, j, k)) { j = k; continue; }
                break;
            }
            // "UN Charter", "China Daily": a name followed by another capitalised word only modifies it. A day
            // ("Israel Friday reimposed") is wire style for when, not part of the name.
            if (options.DropNameAdjuncts && lastEnd + 1 < tokens.Length && elements.Count == 1 && (elements[0].Mark.Actor is not null || elements[0].Mark.MentionCode is not null) && marks[lastEnd + 1].Length == 0
                && !WordClasses.IsFunctionWord(tokens[lastEnd + 1].Key) && !StartsVerb(matches, lastEnd + 1)
                && !(options.CodeModality && WordClasses.Days.Contains(tokens[lastEnd + 1].Key) && tokens[lastEnd + 1].Key.EndsWith("DAY", StringComparison.Ordinal))
                && (tokens[lastEnd + 1].Capitalized || (IsAcronym(text, tokens[lastEnd]) && !PeopleFollow(tokens, lastEnd + 1))))
            {
                i = lastEnd + 1;
                continue;
            }
            var unit = new Unit { First = first, Last = lastEnd };
            Compose(unit, elements, tokens, text, date, explain);
            if (unit.Actors.Count > 0) units.Add(unit);
            i = Math.Max(j, first + 1);
        }
        return units;
    }

    /// <summary>
    /// "US servicemen", "U.N. weapons inspectors": within three lower-case words after a name comes a plural noun for
    /// people (-men, -ers, -ors, -ists, -ants, -ents, -ians), so the name says whose people they are.
    /// </summary>
    private static bool PeopleFollow(KeyedToken[] tokens, int from)
    {
        for (var k = from; k < tokens.Length && k < from + 3; k++)
        {
            if (tokens[k].Capitalized || WordClasses.IsFunctionWord(tokens[k].Key)) return false;
            var key = tokens[k].Key;
            if (key.Length > 4 && (key.EndsWith("MEN", StringComparison.Ordinal) || key.EndsWith("ERS", StringComparison.Ordinal) || key.EndsWith("ORS", StringComparison.Ordinal)
                || key.EndsWith("ISTS", StringComparison.Ordinal) || key.EndsWith("ANTS", StringComparison.Ordinal) || key.EndsWith("ENTS", StringComparison.Ordinal) || key.EndsWith("IANS", StringComparison.Ordinal)))
                return true;
        }
        return false;
    }

    private static bool LinksInsidePhrase(KeyedToken[] tokens, int from, int to)
    {
        // Fillers that are lower-case and followed by a capitalised actor often start a new phrase
        // ("Gondor almost Arnor" never happens); we accept them: the rule rarely joins two real phrases.
        for (var k = from; k < to; k++) if (WordClasses.IsAdverb(tokens[k].Key) || WordClasses.Days.Contains(tokens[k].Key)) return false;
        return true;
    }

    private static bool IsFiller(KeyedToken[] tokens, DictionaryMatch?[] matches, int k)
    {
        var key = tokens[k].Key;
        if (WordClasses.IsFunctionWord(key) || WordClasses.SpeechVerbs.Contains(key)) return false;
        if (char.IsDigit(key[0])) return false;
        if (StartsVerb(matches, k) && !tokens[k].Capitalized) return false;
        return true;
    }

    private void Compose(Unit unit, List<(int At, Mark Mark)> elements, KeyedToken[] tokens, string text, DateOnly? date, bool explain)
    {
        var bases = new List<(string Code, int At, int Len, string Why)>();
        var prefixes = new List<string>();
        var suffixes = new List<string>();
        var why = explain ? new StringBuilder() : null;
        foreach (var (at, mark) in elements)
        {
            var words = explain ? Words(tokens, at, mark.Length) : "";
            if (mark.MentionCode is { } mc)
            {
                if (bases.Count == 0) bases.Add((mc, at, mark.Length, explain ? $"\"{words}\" is {mc} (language stage)" : ""));
            }
            else if (mark.Actor is { } actor)
            {
                var code = actor.CodeOn(date);
                if (code is null) continue;
                if (bases.Count == 0) bases.Add((code, at, mark.Length, explain ? $"\"{words}\" is {code} (actor {actor.Name})" : ""));
                else why?.Append($"; \"{words}\" ({code}) ignored: the phrase already has an actor");
            }
            else if (mark.Agent is { } agent)
            {
                (agent.Prefix ? prefixes : suffixes).Add(agent.Code);
                why?.Append($"; \"{words}\" adds {(agent.Prefix ? agent.Code + "~" : "~" + agent.Code)} (agent {agent.Name})");
            }
        }
        unit.AgentOnly = bases.Count == 0;
        unit.Prefixes = prefixes;
        unit.Suffixes = suffixes;
        if (bases.Count > 0) { unit.Base = bases[0].Code; unit.BaseWhy = bases[0].Why; }
        var span = TextSpan.FromBounds(tokens[unit.First].Start, tokens[unit.Last].End);
        // Names are cut from the text only when shown; events take theirs from the span.
        var name = explain ? span.Of(text) : "";
        if (bases.Count == 0)
        {
            if (suffixes.Count == 0 && prefixes.Count == 0) return;
            var code = Join(prefixes, "---", suffixes);
            unit.Actors.Add(new PhraseActor(code, name, span, unit.First, unit.Last, explain ? $"no country in the phrase, agents only{why}" : ""));
            return;
        }
        var b = bases[0];
        foreach (var part in b.Code.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var code = Join(prefixes, part, suffixes);
            unit.Actors.Add(new PhraseActor(code, name, span, unit.First, unit.Last, explain ? b.Why + why : ""));
        }
    }

    private static string Join(List<string> prefixes, string baseCode, List<string> suffixes)
    {
        if (prefixes.Count == 0 && suffixes.Count == 0) return baseCode;
        var sb = new StringBuilder();
        foreach (var p in prefixes) if (!baseCode.StartsWith(p, StringComparison.Ordinal)) sb.Append(p);
        sb.Append(baseCode);
        foreach (var s in suffixes)
        {
            var current = sb.ToString();
            if (current.EndsWith(s, StringComparison.Ordinal) || (baseCode.Length > 3 && baseCode.Contains(s, StringComparison.Ordinal))) continue;
            sb.Append(s);
        }
        return sb.ToString();
    }

    private static string Words(KeyedToken[] tokens, int at, int length)
    {
        var sb = new StringBuilder();
        for (var k = at; k < at + length && k < tokens.Length; k++)
        {
            if (k > at) sb.Append(' ');
            sb.Append(tokens[k].Key);
        }
        return sb.ToString();
    }

    /// <summary>Groups units into coordinated lists ("X, Y and Z") and joins agents to the actors after them ("ambassadors of X and Y").</summary>
    private static List<List<Unit>> BuildLists(KeyedToken[] tokens, DictionaryMatch?[] matches, List<Unit> units, int[] unitAt, bool explain)
    {
        var lists = new List<List<Unit>>();
        for (var u = 0; u < units.Count; u++)
        {
            var current = new List<Unit> { units[u] };
            while (u + 1 < units.Count && Coordinated(tokens, matches, units[u].Last + 1, units[u + 1].First) && !ClosesOpeningPhrase(tokens, units[u]))
            {
                current.Add(units[u + 1]);
                u++;
            }
            lists.Add(current);
        }
        // "Lawmakers and officials in X and Y", "the government of X": agents distributed over the actors named after them.
        for (var l = 0; l + 1 < lists.Count; l++)
        {
            var left = lists[l];
            var right = lists[l + 1];
            var lastLeft = left[^1];
            if (!lastLeft.AgentOnly || right.All(r => r.AgentOnly)) continue;
            var k = lastLeft.Last + 1;
            if (k >= tokens.Length || tokens[k].Key is not ("OF" or "IN" or "FROM")) continue;
            k++;
            if (k < tokens.Length && tokens[k].Key == "THE") k++;
            if (k != right[0].First) continue;
            var agentUnits = left.All(x => x.AgentOnly) ? left : [lastLeft];
            var merged = new List<Unit>();
            if (!ReferenceEquals(agentUnits, left)) merged.AddRange(left.Take(left.Count - 1));
            foreach (var agentUnit in agentUnits)
            {
                foreach (var r in right)
                {
                    var m = new Unit { First = agentUnit.First, Last = r.Last };
                    foreach (var ra in r.Actors)
                    {
                        foreach (var aa in agentUnit.Actors)
                        {
                            var code = CombineAgent(ra.Code, aa.Code);
                            m.Actors.Add(new PhraseActor(code, ra.Name, ra.Span, agentUnit.First, r.Last, explain ? $"{aa.Name} of {ra.Name}: {ra.Why}; agent code {aa.Code.Replace("---", "", StringComparison.Ordinal)} joined" : ""));
                        }
                    }
                    merged.Add(m);
                }
            }
            lists[l] = merged;
            lists.RemoveAt(l + 1);
        }
        foreach (var current in lists)
        {
            // "Danish media and government": an agent-only member shares the country of the first member.
            if (current.Count > 1 && current[0].Base is { } shared && JoinedByAnd(tokens, current))
            {
                foreach (var member in current)
                {
                    if (!member.AgentOnly || member.Actors.Count == 0) continue;
                    var old = member.Actors[0];
                    member.Actors = [.. shared.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(b => old with { Code = Join(member.Prefixes, b, member.Suffixes), Why = explain ? $"country shared with \"{current[0].Actors[0].Name}\": {current[0].BaseWhy}; {old.Why}" : "" })];
                    member.AgentOnly = false;
                }
            }
        }
        // From here on the array maps tokens to lists rather than units.
        Array.Fill(unitAt, -1);
        for (var l = 0; l < lists.Count; l++)
        {
            foreach (var unit in lists[l])
            {
                unit.List = l;
                for (var k = unit.First; k <= unit.Last; k++) unitAt[k] = l;
            }
        }
        return lists;
    }

    private static string CombineAgent(string actorCode, string agentOnlyCode)
    {
        // agentOnlyCode is "PFX---SFX"; splice the actor in place of the dashes.
        var dash = agentOnlyCode.IndexOf("---", StringComparison.Ordinal);
        if (dash < 0) return actorCode + agentOnlyCode;
        var prefix = agentOnlyCode[..dash];
        var suffix = agentOnlyCode[(dash + 3)..];
        var code = actorCode.StartsWith(prefix, StringComparison.Ordinal) ? actorCode : prefix + actorCode;
        return code.EndsWith(suffix, StringComparison.Ordinal) ? code : code + suffix;
    }

    private static bool HeadlineStart(KeyedToken[] tokens, int joinAt)
    {
        for (var k = 0; k < joinAt; k++) if (!tokens[k].Capitalized && tokens[k].Key != "'S") return false;
        return true;
    }

    /// <summary>True when the name starting at <paramref name="next"/> is followed by another list separator.</summary>
    private static bool CommaListContinues(KeyedToken[] tokens, DictionaryMatch?[] matches, int next)
    {
        var k = next;
        var guard = 0;
        while (k < tokens.Length && guard++ < 8)
        {
            var key = tokens[k].Key;
            if (key is "," or "AND" or "OR" or "NOR") return true;
            if (WordClasses.IsFunctionWord(key) && key != "THE" && key != "'S") return false;
            if (StartsVerb(matches, k) && !tokens[k].Capitalized) return false;
            k++;
        }
        return false;
    }

    /// <summary>"On the issue of Palestine, Pakistan and China…": the comma after an opening phrase ends it.</summary>
    private static bool ClosesOpeningPhrase(KeyedToken[] tokens, Unit unit)
    {
        if (unit.Last + 1 >= tokens.Length || tokens[unit.Last + 1].Key != ",") return false;
        if (!WordClasses.Prepositions.Contains(tokens[0].Key) && !WordClasses.Subordinators.Contains(tokens[0].Key)) return false;
        for (var k = 0; k < unit.First; k++) if (tokens[k].Key == ",") return false;
        return true;
    }

    private static bool JoinedByAnd(KeyedToken[] tokens, List<Unit> list)
    {
        for (var m = 1; m < list.Count; m++)
        {
            var and = false;
            for (var k = list[m - 1].Last + 1; k < list[m].First; k++) if (tokens[k].Key == "AND") and = true;
            if (!and) return false;
        }
        return true;
    }

    private static bool Coordinated(KeyedToken[] tokens, DictionaryMatch?[] matches, int from, int to)
    {
        if (to <= from) return false;
        var sawJoin = false;
        var fillers = 0;
        for (var k = from; k < to; k++)
        {
            var key = tokens[k].Key;
            if (key is "AND" or "OR" or "NOR" or "&") { sawJoin = true; fillers = 0; continue; }
            if (key == ",")
            {
                // A bare comma joins names only in a list ("A, B and C") or a headline ("Pakistan, China agree").
                var andFollows = k + 1 < to && tokens[k + 1].Key is "AND" or "OR" or "NOR";
                if (!andFollows && !CommaListContinues(tokens, matches, to) && !HeadlineStart(tokens, from)) return false;
                sawJoin = true;
                fillers = 0;
                continue;
            }
            if (!sawJoin) return false;
            if (key is "THE" or "BOTH") continue;
            if (WordClasses.IsFunctionWord(key) || StartsVerb(matches, k) || WordClasses.SpeechVerbs.Contains(key)) return false;
            if (++fillers > 3) return false;
        }
        return sawJoin;
    }

    // ---------------------------------------------------------------- verbs

    private List<Verb> FindVerbs(KeyedToken[] tokens, DictionaryMatch?[] matches, int[] listAt)
    {
        var verbs = new List<Verb>();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (listAt[i] >= 0 || IsMonthOfDate(tokens, i)) continue;
            // "was going to arrange": the future, not a journey.
            if (tokens[i].Key == "GOING" && i + 1 < tokens.Length && tokens[i + 1].Key == "TO" && options.CodeModality) continue;
            if (matches[i] is not { VerbLength: > 0 and var len, Verb: { } form }) continue;
            var v = new Verb { Start = i, Length = len, Form = form };
            Classify(tokens, matches, listAt, v, verbs);
            verbs.Add(v);
            i += len - 1;
        }
        return verbs;
    }

    private static readonly HashSet<string> MonthKeys = new(StringComparer.Ordinal)
    {
        "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER",
    };

    /// <summary>
    /// True for a capitalised month name beside a day number ("March 3", "3 March"): part of a date, not the
    /// verb "march" (which the lexicon codes as a protest) nor the modal "may". A dateline such as
    /// "NAIROBI, March 3, 2026 -" otherwise turned every wire report into a protest.
    /// </summary>
    private static bool IsMonthOfDate(KeyedToken[] tokens, int i) =>
        tokens[i].Capitalized && MonthKeys.Contains(tokens[i].Key)
        && ((i + 1 < tokens.Length && IsDayNumber(tokens[i + 1].Key)) || (i > 0 && IsDayNumber(tokens[i - 1].Key))
            // "last March", "in May": a capitalised month inside a sentence is the month; the verb is written in lower case.
            || (i > 0 && tokens[i - 1].Key is not ("\"" or "``" or ":")));

    private static bool IsDayNumber(string key) => key.Length is 1 or 2 && key.All(char.IsAsciiDigit);

    private void Classify(KeyedToken[] tokens, DictionaryMatch?[] matches, int[] listAt, Verb v, List<Verb> earlier)
    {
        var i = v.Start;
        var key = tokens[i + v.Form.VerbWord].Key;
        var prev = i > 0 ? tokens[i - 1].Key : "";
        // Walk back over the verb chain: auxiliaries, modals, negations, adverbs ("is about to", "did not", "has again").
        var c = i;
        var sawBe = false;
        var sawModalOrHave = false;
        while (c > 0)
        {
            var k = tokens[c - 1].Key;
            if (WordClasses.Auxiliaries.Contains(k) || (WordClasses.IsAdverb(k) && listAt[c - 1] < 0))
            {
                if (WordClasses.BeForms.Contains(k)) sawBe = true;
                if (WordClasses.Modals.Contains(k) || k is "HAS" or "HAVE" or "HAD" or "DID" or "DO" or "DOES" or "TO") sawModalOrHave = true;
                if (WordClasses.Negations.Contains(k)) v.Negated = true;
                c--;
                continue;
            }
            break;
        }
        v.ChainStart = c;
        if (options.CodeModality) ReadSetting(tokens, v);
        // "issued a declaration demanding that …", "passed a resolution condemning …": a participle right after a
        // document noun in the object of a main verb is what the document, and so whoever issued it, does.
        if (options.CodeModality && c == i && i >= 2 && key.EndsWith("ING", StringComparison.Ordinal) && WordClasses.DocumentNouns.Contains(prev)
            && earlier.FindLast(x => x.Main) is { } issuing && !SeparatedFrom(tokens, issuing, i))
        {
            v.Main = true;
            v.Why = $"participle after \"{prev}\": what its issuer does";
            return;
        }
        if (i == 0 && key.EndsWith("ED", StringComparison.Ordinal) && i + v.Length < tokens.Length && tokens[i + v.Length].Key == "BY") { v.Why = "opening participle (\"… by X,\"), not a clause"; return; }
        if (WordClasses.Determiners.Contains(prev)) { v.Why = $"noun: follows \"{prev}\""; return; }
        if (prev != "TO" && WordClasses.Prepositions.Contains(prev) && c == i) { v.Why = $"noun or gerund: follows the preposition \"{prev}\""; return; }
        // "a brief private visit": adjectives back to a determiner make it a noun.
        for (var b = i - 1; b >= 0 && i - b <= 4; b--)
        {
            var k = tokens[b].Key;
            if (WordClasses.Determiners.Contains(k) && b < i - 1 && (k != "'S" || WordClasses.LooksAdjective(prev))) { v.Why = $"noun: \"{k} …\" phrase"; return; }
            if (char.IsDigit(k[0]) || k is "MILLION" or "BILLION") continue;
            // "a strong and coordinated message": a participle joined to an adjective is one too.
            if (k is "AND" or "," && b == i - 1 && b > 0 && WordClasses.LooksAdjective(tokens[b - 1].Key)) continue;
            if (tokens[b].Capitalized || listAt[b] >= 0 || WordClasses.IsFunctionWord(k) || WordClasses.IsAdverb(k)) break;
        }
        if (prev is "VERY" or "TOO" or "SO" or "MORE" or "LESS" or "QUITE" or "RATHER" or "MOST") { v.Why = $"adjective: follows \"{prev}\""; return; }
        // "despite growing pressure", "after violent protests": modifiers back to a preposition make a noun phrase.
        if (options.CodeModality && c == i && !key.EndsWith("ED", StringComparison.Ordinal))
        {
            for (var b = i - 1; b >= 0 && i - b <= 3; b--)
            {
                var k = tokens[b].Key;
                if (b < i - 1 && k != "TO" && WordClasses.Prepositions.Contains(k)) { v.Why = $"noun: \"{k} …\" phrase"; return; }
                if (tokens[b].Capitalized || listAt[b] >= 0 || WordClasses.IsFunctionWord(k) || WordClasses.IsAdverb(k) || char.IsDigit(k[0])) break;
                if (!k.EndsWith("ING", StringComparison.Ordinal) && StartsVerb(matches, b)) break;
            }
        }
        // "suspended part of a military aid program for Bosnia aimed at": a participle in the object of a verb, with
        // no clause boundary between, describes that object (a noun reading of a verb form in between is skipped).
        var lastAct = options.CodeModality ? earlier.FindLast(x => x.Main || x.Complement || x.Purpose) : (earlier.Count > 0 ? earlier[^1] : null);
        if (c == i && lastAct is { } before && (before.Main || before.Complement || before.Purpose) && !SeparatedFrom(tokens, before, i))
        {
            v.Why = $"noun: object of \"{tokens[before.Start].Key}\" (no clause boundary between)";
            return;
        }
        if (key.EndsWith("ING", StringComparison.Ordinal) && !sawBe && !sawModalOrHave) { v.Why = "participle without auxiliary"; return; }
        // "a helicopter carrying EC truce monitors.": an -s form after a bare noun, ending the clause with no object, is
        // the head of a compound noun, not a verb.
        if (options.CodeModality && c == i && v.Length == 1 && key.EndsWith('S') && i > 0 && listAt[i - 1] < 0 && !tokens[i - 1].Capitalized
            && !WordClasses.IsFunctionWord(prev) && !WordClasses.IsAdverb(prev) && !StartsVerb(matches, i - 1)
            && (i + 1 == tokens.Length || tokens[i + 1].Key is "." or "," or ";" or ":"))
        {
            v.Why = $"noun: \"{prev} {key}\" ends the clause";
            return;
        }
        // "remained on alert in the West Bank today to forestall violence": after a time word that closes the clause,
        // an infinitive says what the act was for, unless a verb right before the time word governs it ("agreed today to meet").
        if (options.CodeModality && i >= 3 && tokens[i - 1].Key == "TO" && WordClasses.Days.Contains(tokens[i - 2].Key)
            && !(earlier.Count > 0 && earlier[^1].Start + earlier[^1].Length >= i - 3))
        {
            v.Purpose = true;
            v.Why = $"purpose infinitive after \"{tokens[i - 2].Key}\", not an act";
            return;
        }
        if (c > 0 && tokens[c].Key == "TO" || (c < i && tokens[i - 1].Key == "TO" && c > 0 && !SubjectBefore(tokens, listAt, c)))
        {
            // An infinitive after another verb ("urged X to help") is that verb's complement.
            var governing = earlier.Count > 0 ? earlier[^1] : null;
            if (governing is { Complement: true } || (governing is { Main: true } && ((governing.Form.DefaultCode is not null && !governing.Form.DefaultCode.IsNull) || HasPatternFor(governing, key))))
            {
                v.Complement = true;
                v.Why = $"complement of \"{tokens[governing.Start].Key}\"";
                return;
            }
            // "actions to dismantle", "resigned yesterday to allow": an infinitive after a noun or an adverb says what
            // something is for; only a verb or an offering word ("ready to", "failed to") makes it an act of the subject.
            var governor = c > 0 ? tokens[c - 1].Key : "";
            var afterVerb = governing is { Main: true } && governing.Start + governing.Length == c;
            if (options.CodeModality && tokens[c].Key == "TO" && !afterVerb && !_modality.IntentGovernors.Contains(governor) && !_modality.NegationGovernors.Contains(governor)
                && !governor.EndsWith("ED", StringComparison.Ordinal) && !WordClasses.BeForms.Contains(governor) && !WordClasses.SpeechVerbs.Contains(governor) && (listAt[c - 1] < 0 || IsPlace(tokens, listAt, c - 1)))
            {
                v.Purpose = true;
                v.Why = $"purpose infinitive after \"{governor}\", not an act";
                return;
            }
        }
        // "to combat terrorism and protect civilians": a verb joined to a purpose infinitive shares its reading.
        if (options.CodeModality && c == i && i > 1 && earlier.Count > 0 && earlier[^1] is { Purpose: true } purpose
            && ((tokens[i - 1].Key is "AND" or "OR" && !SeparatedFrom(tokens, purpose, i - 1)) || purpose.Start + purpose.Length == i))
        {
            v.Purpose = true;
            v.Why = "joined to a purpose infinitive, not an act";
            return;
        }
        // "the Afghan issue", "a Chinese plan": a bare verb form right after "the" + one name is a noun.
        if (options.CodeModality && c == i && i >= 2 && listAt[i - 1] >= 0 && key == tokens[i + v.Form.VerbWord].Key && !key.EndsWith('S') && !key.EndsWith("ED", StringComparison.Ordinal)
            && FirstOfUnit(listAt, i - 1) is var first && first > 0 && tokens[first - 1].Key is "THE" or "A" or "AN" or "'S")
        {
            v.Why = $"noun: \"{tokens[first - 1].Key} {tokens[i - 1].Key} …\" phrase";
            return;
        }
        var reduced = key.EndsWith("ED", StringComparison.Ordinal) && i + v.Length < tokens.Length && tokens[i + v.Length].Key == "BY";
        v.Passive = reduced || sawBe && (key.EndsWith("ED", StringComparison.Ordinal) || key.EndsWith("EN", StringComparison.Ordinal) || key is "MET" or "HELD" or "LEFT" or "SENT" or "SEEN" or "KEPT" or "BROUGHT" or "SIGNED");
        v.Main = true;
        v.Why = v.Negated ? "main verb, negated" : v.Passive ? "main verb, passive form" : "main verb";
    }

    /// <summary>True when the actor phrase ending at <paramref name="k"/> is a place ("in the United States"), not a subject.</summary>
    private static bool IsPlace(KeyedToken[] tokens, int[] listAt, int k)
    {
        var first = FirstOfUnit(listAt, k);
        if (first > 0 && tokens[first - 1].Key == "THE") first--;
        return first > 0 && tokens[first - 1].Key is "IN" or "AT" or "NEAR" or "INSIDE" or "OUTSIDE" or "ACROSS" or "THROUGHOUT";
    }

    private static int FirstOfUnit(int[] listAt, int k)
    {
        while (k > 0 && listAt[k - 1] == listAt[k]) k--;
        return k;
    }

    /// <summary>True when the governing verb has a pattern "* to VERB" for this verb ("offered to mediate").</summary>
    private static bool HasPatternFor(Verb governing, string key)
    {
        foreach (var p in governing.Form.Family.Patterns)
        {
            if (p.Post.Count >= 2 && p.Post[0].Alternatives is [["TO"]] && p.Post[1].Alternatives.Length > 0 && p.Post[1].Alternatives[0][0] == key) return true;
        }
        return false;
    }

    private static bool SeparatedFrom(KeyedToken[] tokens, Verb before, int at)
    {
        for (var k = before.Start + before.Length; k < at; k++)
        {
            var key = tokens[k].Key;
            if (key is "," or ";" or ":" or "AND" or "BUT" or "OR" or "\"" || WordClasses.ClauseOpeners.Contains(key) || WordClasses.Subordinators.Contains(key) || WordClasses.SpeechVerbs.Contains(key)) return true;
        }
        return false;
    }

    private static bool SubjectBefore(KeyedToken[] tokens, int[] listAt, int chainStart)
    {
        var k = chainStart - 1;
        return k >= 0 && (listAt[k] >= 0 || WordClasses.Pronouns.Contains(tokens[k].Key) || tokens[k].Capitalized);
    }

    // ---------------------------------------------------------------- coding

    private void CodeVerb(string text, SentenceScan scan, List<Unit> units, int[] listAt, List<List<Unit>> lists, List<Verb> verbs, Verb verb, Verb? previousMain,
        int sentenceIndex, List<EventRecord> events, List<string>? notes)
    {
        var tokens = scan.Tokens;
        var verbEnd = verb.Start + verb.Length;
        var clauseEnd = ClauseEnd(tokens, verbs, verb);
        var (pattern, match) = BestPattern(scan, listAt, lists, verb, clauseEnd);
        var code = pattern?.Code ?? verb.Form.DefaultCode;
        var verbWord = tokens[verb.Start + verb.Form.VerbWord].Key;
        if (code is null || code.IsNull)
        {
            notes?.Add($"\"{verbWord}\": {(pattern is null ? "no code for the verb" : $"pattern \"{pattern.Text}\" gives no event")}");
            verb.Sources = FindSource(tokens, listAt, lists, verbs, verb, previousMain);
            return;
        }
        var negated = verb.Negated && !(match?.ConsumedNegation ?? false);

        List<PhraseActor>? sources = match?.Source;
        List<PhraseActor>? targets = match?.Target;
        var why = new List<string>();
        if (sources is null)
        {
            sources = FindSource(tokens, listAt, lists, verbs, verb, previousMain);
            if (sources is not null && notes is not null) why.Add($"source: subject of \"{verbWord}\"");
        }
        verb.Sources = sources;
        if (options.CodeModality && verb.Requested && code.Forward is { } asked)
        {
            // "Russia said that Sudan must return the helicopter": Russia demands, Sudan is asked; nothing was returned.
            var speaker = sources is { Count: > 0 } ? SpeakerBefore(tokens, listAt, lists, sources[0].FirstToken) : null;
            if (speaker is null)
            {
                notes?.Add($"\"{verbWord}\" ({code}): asked for (\"must\", \"should\"), not done, and no speaker named; not coded");
                return;
            }
            targets = sources;
            sources = speaker;
            code = new VerbCode(_modality.DemandOf(asked), null);
            pattern = null;
            if (notes is not null) why.Add("asked for: the speaker demands it of the clause's subject");
        }
        else if (options.CodeModality && verb.Refused && !verb.Negated && code.Forward is { } refused)
        {
            // "declined to resign", "refused to meet": the refusal is the event, a rejection (12x), not the act.
            code = new VerbCode(_modality.RefusalOf(refused), null);
            pattern = null;
            if (notes is not null) why.Add($"refused: rejection {code.Forward} instead of {refused}");
        }
        else if (options.CodeModality && verb.Intent && !verb.Negated && code.Forward is { } offered && _modality.IntentOf(offered) is { } intent)
        {
            // "will send aid", "offered to mediate": a promise or an offer is an expression of intent, not the act.
            code = new VerbCode(intent, null);
            if (notes is not null) why.Add($"promised or offered, not done: intent {intent} instead of {offered}");
        }
        if (targets is null && !(match?.Compound ?? false) && !(options.CodeModality && verb.Requested))
        {
            var from = match?.End ?? verbEnd;
            // Passive voice: "X was opposed by Y" makes Y the source and X the target.
            if (verb.Passive && FindAgentBy(tokens, listAt, lists, verbEnd, clauseEnd) is { } byActors)
            {
                targets = sources;
                sources = byActors;
                if (notes is not null) why.Add("passive: source after \"by\", target is the subject");
            }
            else if (verb.Passive && !options.PassiveWithoutAgentKeepsSubject && match is null && options.OneSidedEvents && OneSided(code.Forward ?? "") == false
                && sources is { Count: > 0 } && FindPlace(tokens, listAt, lists, verbEnd, clauseEnd) is { } scene && !sources.Exists(a => SameCountry(a.Code, scene.Code)))
            {
                // "Three US servicemen were killed outside Basra": an attack whose doer is not named is coded, as PLOVER
                // codes it, from the country where it happened against the ones who suffered it.
                targets = sources;
                sources = [scene with { Why = "the place of an act whose doer is not named" }];
                if (notes is not null) why.Add($"passive without a named doer: source is the place's country, {scene.Code}");
            }
            else if (verb.Passive && !options.PassiveWithoutAgentKeepsSubject && match is null)
            {
                // "Five soldiers were killed in X": the subject suffered the act and the doer is not named.
                notes?.Add($"\"{verbWord}\" ({code}): passive without \"by\": the doer is not named; not coded");
                return;
            }
            else
            {
                targets = FindTarget(tokens, listAt, lists, verbEnd, clauseEnd, sources, options.LocativeTargets);
                if (targets is not null) { if (notes is not null) why.Add("target: first actor after the verb"); }
                else if (from > verbEnd) targets = FindTarget(tokens, listAt, lists, from, clauseEnd, sources, options.LocativeTargets);
            }
        }
        var verbSpan = TextSpan.FromBounds(tokens[verb.Start].Start, tokens[verbEnd - 1].End);
        string? patternText = null;
        string PatternText() => patternText ??= pattern is null ? $"{verb.Form.Family.Name} ({(code.Forward == verb.Form.DefaultCode?.Forward ? "default " : "")}{code})" : $"{pattern.Family}: - {pattern.Text} [{pattern.Code}]";
        if (sources is null || sources.Count == 0)
        {
            notes?.Add($"\"{verbWord}\" ({code}): no source actor found");
            return;
        }
        if (!options.AllowUnknownCountry)
        {
            // "rebels in the Ivory Coast": a role placed in a country is that country's role.
            sources = Localize(tokens, listAt, lists, sources);
            if (targets is not null) targets = Localize(tokens, listAt, lists, targets);
            // "Workers staged rallies in Lagos": a bare role doing a domestic act belongs to the place where it acts.
            if (options.OneSidedEvents && code.Forward is { } domestic && OneSided(domestic) is not null && sources.TrueForAll(a => a.Code.StartsWith("---", StringComparison.Ordinal))
                && FindPlace(tokens, listAt, lists, verbEnd, clauseEnd) is { } where)
            {
                sources = sources.ConvertAll(a => a with { Code = where.Code + a.Code[3..], Why = a.Why + $"; country of the place \"{where.Name}\"" });
            }
            // "The Umma party said it will boycott Algeria's elections": a role named without a country acting on one
            // country is presumed that country's own (PLOVER codes such acts as domestic).
            if (options.DomesticRoles && sources.TrueForAll(a => a.Code.StartsWith("---", StringComparison.Ordinal))
                && targets is { Count: > 0 } && targets.Select(t => CountryCode(t.Code)).Distinct().ToList() is [{ } home])
            {
                sources = sources.ConvertAll(a => a with { Code = home + a.Code[3..], Why = a.Why + $"; country of the one country it acts on, {home}" });
            }
            sources = sources.FindAll(a => !a.Code.StartsWith("---", StringComparison.Ordinal));
            targets = targets?.FindAll(a => !a.Code.StartsWith("---", StringComparison.Ordinal));
            if (sources.Count == 0) { notes?.Add($"\"{verbWord}\" ({code}): the source names no country or organisation; not coded"); return; }
        }
        // "The two sides agreed to …": a joint subject of a mutual verb acts on itself, whatever else is named.
        var eachOther = (targets is null || targets.Count == 0) && sources.Count > 1 && ContainsPhrase(tokens, verbEnd, clauseEnd, "EACH", "OTHER");
        var compound = eachOther || (match?.Compound ?? false) || (sources.Count > 1 && options.CompoundSubjectsActOnEachOther
            && (verb.Form.Family.Mutual == true || ((targets is null || targets.Count == 0) && verb.Form.Family.Mutual is null)));
        if (negated)
        {
            notes?.Add($"\"{verbWord}\" ({code}) is negated{(options.EmitNegated ? ": coded with negated = true" : ": not coded (a negated event is never coded as the positive one)")}");
            if (!options.EmitNegated) return;
        }
        var confidence = ConfidenceOf(pattern, sources, targets);
        void Add(PhraseActor s, PhraseActor t, string c, string reason, bool domestic = false)
        {
            if (s.Code == t.Code && !domestic) return;
            // "The two sides expressed satisfaction with Pakistani astronauts' entry": a member of a joint subject is not its target.
            if (!compound && sources.Count > 1 && sources.Exists(x => SameCountry(x.Code, t.Code))) return;
            var info = table.Lookup(c);
            events.Add(new EventRecord
            {
                Source = new EventActor(s.Code, s.Name.Length > 0 ? s.Name : s.Span.Of(text), s.Span),
                Target = new EventActor(t.Code, t.Name.Length > 0 ? t.Name : t.Span.Of(text), t.Span),
                Code = c,
                QuadClass = info?.QuadClass ?? 0,
                Goldstein = info?.Goldstein ?? 0,
                PloverType = info?.PloverType,
                PloverMode = info?.PloverMode,
                Modality = ModalityOf(tokens, verb, info),
                Negated = negated,
                SentenceIndex = sentenceIndex,
                VerbSpan = verbSpan,
                Confidence = confidence,
                Pattern = PatternText(),
            });
            notes?.Add($"event {s.Code} -> {t.Code} {c} from \"{verbWord}\" [{PatternText()}]; {reason}");
        }
        if (compound)
        {
            foreach (var a in sources)
                foreach (var b in sources)
                {
                    if (ReferenceEquals(a, b)) continue;
                    if (code.Forward is { } f) Add(a, b, f, "compound subject: the members act on each other");
                    else if (code.Reverse is { } r) Add(b, a, r, "compound subject (reverse code)");
                }
            return;
        }
        if (targets is null || targets.Count == 0)
        {
            if (options.OneSidedEvents && code.Forward is { } alone && OneSided(alone) is { } self)
            {
                // PLOVER codes a domestic act against the place where it happens, else the actor's own country.
                var place = FindPlace(tokens, listAt, lists, verbEnd, clauseEnd);
                var agreement = alone.StartsWith("03", StringComparison.Ordinal) && _modality.AgreementVerbs.Contains(verbWord);
                var before = events.Count;
                foreach (var s in sources)
                {
                    // Police act at home: "police opened fire" is a domestic act even where an army's would not be.
                    // "The government agreed to allow access": an agreement needs no addressee and is made at home.
                    var country = place ?? (self || agreement || s.Code.AsSpan(3).IndexOf("COP", StringComparison.Ordinal) >= 0 ? CountryOf(s) : null);
                    if (country is null) continue;
                    Add(s, country, alone, place is null ? "no target: the source's own country (one-sided act)" : "no target: the place's country (one-sided act)", domestic: true);
                }
                if (events.Count > before) return;
            }
            notes?.Add($"\"{verbWord}\" ({code}): no target actor found; not coded (events need a source and a target)");
            return;
        }
        var reasonText = notes is null ? "" : string.Join("; ", why);
        foreach (var s in sources)
            foreach (var t in targets)
            {
                if (code.Forward is { } f) Add(s, t, f, reasonText);
                if (code.Reverse is { } r) Add(t, s, r, reasonText + " (paired reverse code)");
            }
    }

    /// <summary>The verb's setting from its chain and the word governing its infinitive: intent, request, negation.</summary>
    private void ReadSetting(KeyedToken[] tokens, Verb v)
    {
        var hasTo = false;
        for (var k = v.ChainStart; k < v.Start; k++)
        {
            var key = tokens[k].Key;
            if (key == "TO") hasTo = true;
            else if (_modality.IntentModals.Contains(key)) v.Intent = true;
            else if (_modality.RequestModals.Contains(key)) v.Requested = true;
        }
        if (!hasTo || v.ChainStart == 0) return;
        var governor = tokens[v.ChainStart - 1].Key;
        if (_modality.IntentGovernors.Contains(governor)) v.Intent = true;
        else if (_modality.NegationGovernors.Contains(governor)) v.Negated = true;
        else if (_modality.RefusalGovernors.Contains(governor)) v.Refused = true;
    }

    /// <summary>True when a "that" opens the clause of <paramref name="verb"/> after the request verb ("demanded that X V").</summary>
    private static bool ThatBetween(KeyedToken[] tokens, Verb request, Verb verb)
    {
        if (verb.Start <= request.Start) return false;
        for (var k = request.Start + request.Length; k < verb.ChainStart; k++)
        {
            var key = tokens[k].Key;
            if (key is ";" or ":") return false;
            if (key == "THAT") return true;
        }
        return false;
    }

    /// <summary>
    /// Who reports the clause starting near <paramref name="from"/>: the nearest actor list before the "that" or the
    /// speech verb that opens it ("Russia said on Tuesday that …", "X, Y said, …" is not looked for).
    /// </summary>
    private static List<PhraseActor>? SpeakerBefore(KeyedToken[] tokens, int[] listAt, List<List<Unit>> lists, int from)
    {
        var k = from - 1;
        var opener = -1;
        for (; k >= 0 && from - k <= 12; k--)
        {
            var key = tokens[k].Key;
            if (key is ";" or ":") return null;
            if (key == "THAT" || WordClasses.SpeechVerbs.Contains(key)) { opener = k; break; }
        }
        if (opener < 0) return null;
        for (k = opener - 1; k >= 0 && opener - k <= 8; k--)
        {
            if (listAt[k] >= 0) return FlatOf(lists[listAt[k]]);
            if (tokens[k].Key is ";" or ":" or ",") return null;
        }
        return null;
    }

    /// <summary>"rebels in the Ivory Coast", "students throughout Indonesia": a role-only actor takes the country named right after it.</summary>
    private static List<PhraseActor> Localize(KeyedToken[] tokens, int[] listAt, List<List<Unit>> lists, List<PhraseActor> actors)
    {
        List<PhraseActor>? result = null;
        for (var a = 0; a < actors.Count; a++)
        {
            var actor = actors[a];
            if (!actor.Code.StartsWith("---", StringComparison.Ordinal)) continue;
            var k = actor.LastToken + 1;
            if (k >= tokens.Length || tokens[k].Key is not ("IN" or "FROM" or "OF" or "THROUGHOUT" or "ACROSS")) continue;
            k++;
            if (k < tokens.Length && tokens[k].Key == "THE") k++;
            if (k >= tokens.Length || listAt[k] < 0) continue;
            var place = FlatOf(lists[listAt[k]]);
            if (place.Count == 0 || CountryCode(place[0].Code) is not { } country) continue;
            result ??= [.. actors];
            result[a] = actor with { Code = country + actor.Code[3..], Why = actor.Why + $"; country from \"{place[0].Name}\" after it" };
        }
        return result ?? actors;
    }

    /// <summary>The first actor named as a place in the clause ("in Gaza", "near Basra"), as a country.</summary>
    private static PhraseActor? FindPlace(KeyedToken[] tokens, int[] listAt, List<List<Unit>> lists, int from, int end)
    {
        for (var k = from; k < end; k++)
        {
            if (listAt[k] < 0) continue;
            if (!PrecededBy(tokens, k, "IN", "AT", "NEAR", "INSIDE", "ACROSS", "THROUGHOUT", "OUTSIDE") && !AfterOutsideOf(tokens, k)) { k = lists[listAt[k]][^1].Last; continue; }
            var found = FlatOf(lists[listAt[k]]);
            return found.Count > 0 && CountryCode(found[0].Code) is { } c ? found[0] with { Code = c } : null;
        }
        return null;
    }

    /// <summary>"outside of the Iraqi city of Basra": "outside of" places an act as "outside" does.</summary>
    private static bool AfterOutsideOf(KeyedToken[] tokens, int k)
    {
        for (var b = k - 1; b >= 1 && k - b <= 4; b--)
        {
            var key = tokens[b].Key;
            if (key == "OF") return tokens[b - 1].Key == "OUTSIDE";
            if (key != "THE" && (WordClasses.IsFunctionWord(key) || tokens[b].Capitalized)) return false;
        }
        return false;
    }

    /// <summary>The actor's own country as a target of a one-sided act, or null for international and unknown actors.</summary>
    private static PhraseActor? CountryOf(PhraseActor actor) =>
        CountryCode(actor.Code) is { } c ? actor with { Code = c, Why = "the source's own country" } : null;

    private static string? CountryCode(string code) =>
        code.Length >= 3 && !code.StartsWith("---", StringComparison.Ordinal) && !code.StartsWith("IGO", StringComparison.Ordinal)
        && !code.StartsWith("NGO", StringComparison.Ordinal) && !code.StartsWith("IMG", StringComparison.Ordinal) && char.IsAsciiLetterUpper(code[0]) ? code[..3] : null;

    /// <summary>Null when the act needs a target; else whether the source's own country may stand in for it.</summary>
    private bool? OneSided(string code)
    {
        for (var n = code.Length; n >= 2; n--) if (_oneSided.TryGetValue(code[..n], out var self)) return self;
        return null;
    }

    private static bool ContainsPhrase(KeyedToken[] tokens, int from, int to, string first, string second)
    {
        for (var k = from; k + 1 < to && k + 1 < tokens.Length; k++) if (tokens[k].Key == first && tokens[k + 1].Key == second) return true;
        return false;
    }

    private static bool SameCountry(string a, string b) =>
        a.Length >= 3 && b.Length >= 3 && !a.StartsWith("IGO", StringComparison.Ordinal) && !a.StartsWith("NGO", StringComparison.Ordinal) && string.CompareOrdinal(a, 0, b, 0, 3) == 0;

    private static double ConfidenceOf(VerbPattern? pattern, List<PhraseActor> sources, List<PhraseActor>? targets)
    {
        var c = pattern is null ? 0.7 : 0.8 + Math.Min(0.15, 0.05 * pattern.Weight);
        if (sources.Any(s => s.Code.StartsWith("---", StringComparison.Ordinal))) c -= 0.15;
        if (targets is not null && targets.Any(t => t.Code.StartsWith("---", StringComparison.Ordinal))) c -= 0.15;
        return Math.Round(Math.Clamp(c, 0.05, 0.99), 2);
    }

    private static EventModality ModalityOf(KeyedToken[] tokens, Verb verb, CameoCodeInfo? info)
    {
        var m = info?.Modality ?? EventModality.Act;
        if (m != EventModality.Act) return m;
        // "will build", "agreed to build": a future or promised act is a pledge.
        for (var k = verb.ChainStart; k < verb.Start; k++) if (tokens[k].Key is "WILL" or "SHALL" or "'LL") return EventModality.Pledge;
        return m;
    }

    /// <summary>Where the verb's clause ends: the next main verb, a semicolon, or the sentence end.</summary>
    private static int ClauseEnd(KeyedToken[] tokens, List<Verb> verbs, Verb verb)
    {
        var end = tokens.Length;
        foreach (var other in verbs)
        {
            if (other.Start <= verb.Start || !other.Main || other.Form.DefaultCode is null || other.Form.DefaultCode.IsNull) continue;
            end = other.ChainStart;
            break;
        }
        var lastComma = -1;
        for (var k = verb.Start + verb.Length; k < tokens.Length; k++)
        {
            var key = tokens[k].Key;
            // ", a senior official said": a trailing attribution is not part of the clause.
            if (WordClasses.SpeechVerbs.Contains(key)) return lastComma > verb.Start ? lastComma : k;
            if (k >= end) return end;
            if (key is ";" or ":") return k;
            if (key == ",") lastComma = k;
            // ", stating that …": a participle clause after a comma is not the verb's object.
            if (key == "," && k + 1 < tokens.Length && tokens[k + 1].Key.EndsWith("ING", StringComparison.Ordinal) && !tokens[k + 1].Capitalized) return k;
            // "called for X and stressed Y": a coordinated verb phrase starts a new clause.
            if (key is "AND" or "BUT" && k + 1 < tokens.Length && !tokens[k + 1].Capitalized && tokens[k + 1].Key.EndsWith("ED", StringComparison.Ordinal) && k > verb.Start + verb.Length) return k;
            // "… after crowds burned its embassy": an adverbial clause is not the verb's object.
            if (WordClasses.Subordinators.Contains(key)) return k;
        }
        return end;
    }

    private List<PhraseActor>? FindSource(KeyedToken[] tokens, int[] listAt, List<List<Unit>> lists, List<Verb> verbs, Verb verb, Verb? previousMain)
    {
        var k = verb.ChainStart - 1;
        var afterPronoun = false;
        // "X praised …, congratulated …": a verb right after a comma continues the previous verb's clause.
        if (k >= 0 && tokens[k].Key == "," && previousMain is not null && previousMain.Start < k) return previousMain.Sources;
        while (k >= 0)
        {
            var key = tokens[k].Key;
            if (listAt[k] >= 0)
            {
                var l = listAt[k];
                // "…, including the UN and the SCO, reaffirmed": examples are not the subject.
                var before = lists[l][0].First - 1;
                if (before >= 0 && tokens[before].Key == "THE") before--;
                if (before >= 0 && tokens[before].Key is "INCLUDING" or "LIKE" or "AMONG" or "AS")
                {
                    k = before - 1;
                    continue;
                }
                return FlatOf(lists[l]);
            }
            if (WordClasses.Pronouns.Contains(key))
            {
                if (previousMain?.Sources is { Count: > 0 } inherited) return inherited;
                afterPronoun = true;
                k--;
                continue;
            }
            if (afterPronoun && key == ",") return null;
            // "Iraq said (that) it would allow …": the pronoun is the speaker.
            if (afterPronoun && options.CodeModality && (WordClasses.SpeechVerbs.Contains(key) || key == "THAT")) return SpeakerBefore(tokens, listAt, lists, k + 1);
            if (WordClasses.Subordinators.Contains(key) || WordClasses.SpeechVerbs.Contains(key)) return null;
            // "X, who fired …": a relative pronoun right before the verb stands for the phrase before it.
            if (key is "WHO" or "WHICH" or "THAT" && k == verb.ChainStart - 1 && k > 0 && listAt[k - 1] >= 0) return FlatOf(lists[listAt[k - 1]]);
            if (key is "THAT" or ";" or "WHETHER" or "IF") return null;
            if (key is "AND" or "BUT" && previousMain is not null && previousMain.Start < k)
            {
                // "X condemned … and promised …": the coordinated verb shares the subject.
                var between = false;
                for (var b = previousMain.Start + previousMain.Length; b < k; b++) if (tokens[b].Key is "THAT" or "WHO" or "WHICH") between = true;
                if (!between) return previousMain.Sources;
            }
            var v = verbs.Find(x => x.Start == k);
            if (v is not null && v.Main && v != verb) return v.Sources;
            k--;
        }
        return null;
    }

    /// <summary>True when one of the words stands before token <paramref name="k"/>, across "the" and up to two adjectives.</summary>
    private static bool PrecededBy(KeyedToken[] tokens, int k, params ReadOnlySpan<string> words)
    {
        for (var b = k - 1; b >= 0 && k - b <= 4; b--)
        {
            var key = tokens[b].Key;
            foreach (var w in words) if (key == w) return true;
            if (key == "THE" || (!WordClasses.IsFunctionWord(key) && !tokens[b].Capitalized)) continue;
            return false;
        }
        return false;
    }

    private static List<PhraseActor>? FindAgentBy(KeyedToken[] tokens, int[] listAt, List<List<Unit>> lists, int from, int end)
    {
        for (var k = from; k < end && k < from + 4; k++)
        {
            if (tokens[k].Key == "BY" && k + 1 < tokens.Length)
            {
                var n = k + 1;
                if (n < tokens.Length && tokens[n].Key == "THE") n++;
                if (n < tokens.Length && listAt[n] >= 0) return FlatOf(lists[listAt[n]]);
                return null;
            }
            if (listAt[k] >= 0) return null;
        }
        return null;
    }

    private static List<PhraseActor>? FindTarget(KeyedToken[] tokens, int[] listAt, List<List<Unit>> lists, int from, int end, List<PhraseActor>? sources, bool locativeTargets)
    {
        for (var k = from; k < end; k++)
        {
            if (listAt[k] < 0) continue;
            // "a ceasefire in Gaza": a place where something happens is not who it is done to.
            if (!locativeTargets && PrecededBy(tokens, k, "IN", "AT", "NEAR", "INSIDE", "ACROSS", "THROUGHOUT")) { k = lists[listAt[k]][^1].Last; continue; }
            // "mechanisms such as the UN": examples are not the target.
            if (PrecededBy(tokens, k, "AS", "INCLUDING", "LIKE", "(")) { k = lists[listAt[k]][^1].Last; continue; }
            var found = FlatOf(lists[listAt[k]]);
            if (sources is not null && found.Count > 0 && sources.Any(s => s.FirstToken == found[0].FirstToken)) continue;
            // "deployed troops to South Sudan": a bare role ("troops") is what is moved, not to whom; look on.
            if (!locativeTargets && found.TrueForAll(a => a.Code.StartsWith("---", StringComparison.Ordinal)) && !PrecededBy(tokens, k, "OF")) { k = lists[listAt[k]][^1].Last; continue; }
            return found;
        }
        return null;
    }

    // ---------------------------------------------------------------- patterns

    private sealed class PatternMatch
    {
        public int End;
        public List<PhraseActor>? Source;
        public List<PhraseActor>? Target;
        public bool Compound;
        public bool ConsumedNegation;
        public int Literals;

        public void Clear()
        {
            End = 0;
            Source = null;
            Target = null;
            Compound = false;
            ConsumedNegation = false;
            Literals = 0;
        }
    }

    /// <summary>
    /// A verb block's patterns by the first word each requires: nine patterns in ten name a word, and a block holds up
    /// to 190, so the patterns worth trying on a sentence are found from its words rather than by testing every one.
    /// </summary>
    private sealed class PatternIndex
    {
        /// <summary>Blocks this small are tried pattern by pattern.</summary>
        private const int MinPatterns = 16;

        /// <summary>How many patterns the block had when indexed (a block changed since is tried pattern by pattern).</summary>
        public required int Count { get; init; }

        /// <summary>Positions of the patterns that require no word.</summary>
        public required int[] Always { get; init; }

        /// <summary>Positions of the patterns by the first word each requires.</summary>
        public required Dictionary<int, int[]> ByWord { get; init; }

        public static Dictionary<VerbFamily, PatternIndex> For(VerbDictionary verbs)
        {
            var index = new Dictionary<VerbFamily, PatternIndex>();
            foreach (var family in verbs.Families)
            {
                var patterns = family.Patterns;
                if (patterns.Count < MinPatterns) continue;
                var always = new List<int>();
                var byWord = new Dictionary<int, List<int>>();
                for (var i = 0; i < patterns.Count; i++)
                {
                    if (patterns[i].RequiredNumbers is [var first, ..]) (byWord.TryGetValue(first, out var list) ? list : byWord[first] = []).Add(i);
                    else always.Add(i);
                }
                index[family] = new PatternIndex { Count = patterns.Count, Always = [.. always], ByWord = byWord.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()) };
            }
            return index;
        }

        /// <summary>Positions, in block order, of the patterns whose first required word the sentence holds, and of those requiring none.</summary>
        public List<int> Candidates(SentenceScan scan)
        {
            var found = new List<int>(Always);
            foreach (var word in scan.WordSet)
            {
                if (ByWord.TryGetValue(word, out var positions)) found.AddRange(positions);
            }
            found.Sort();
            return found;
        }
    }

    private (VerbPattern? Pattern, PatternMatch? Match) BestPattern(SentenceScan scan, int[] listAt, List<List<Unit>> lists, Verb verb, int clauseEnd)
    {
        VerbPattern? best = null;
        PatternMatch? bestMatch = null;
        // Most patterns tried fail: one scratch match is filled by each try and kept only when it becomes the best.
        var scratch = new PatternMatch();
        var patterns = verb.Form.Family.Patterns;
        var candidates = _patternIndex.TryGetValue(verb.Form.Family, out var index) && index.Count == patterns.Count ? index.Candidates(scan) : null;
        var count = candidates?.Count ?? patterns.Count;
        for (var c = 0; c < count; c++)
        {
            var p = patterns[candidates is null ? c : candidates[c]];
            if (p.RequiredNumbers.Length > 0)
            {
                var present = true;
                foreach (var w in p.RequiredNumbers) if (!scan.HasWord(w)) { present = false; break; }
                if (!present) continue;
            }
            scratch.Clear();
            if (!TryPattern(scan.Tokens, scan.Words, listAt, lists, verb, clauseEnd, p, scratch)) continue;
            if (bestMatch is null || scratch.Literals > bestMatch.Literals) { best = p; bestMatch = scratch; scratch = new PatternMatch(); }
        }
        return (best, bestMatch);
    }

    private static bool TryPattern(KeyedToken[] tokens, int[] words, int[] listAt, List<List<Unit>> lists, Verb verb, int clauseEnd, VerbPattern p, PatternMatch m)
    {
        // After the verb, left to right.
        var pos = verb.Start + verb.Length;
        var prevEnd = pos;
        var anchored = true;
        foreach (var e in p.Post)
        {
            if (e.Kind == PatternElementKind.Skip)
            {
                if (e.Text == "^" && prevEnd < clauseEnd)
                {
                    // '^' passes over one phrase: an actor group, or a single word.
                    var l = listAt[prevEnd];
                    prevEnd = l >= 0 ? lists[l][^1].Last + 1 : prevEnd + 1;
                }
                anchored = false;
                continue;
            }
            var joined = e.Joined && anchored;
            var found = -1;
            var len = 0;
            for (var k = prevEnd; k < clauseEnd; k++)
            {
                len = MatchElement(tokens, words, listAt, lists, e, k, forward: true, m);
                if (len > 0) { found = k; break; }
                if (joined) break;
            }
            if (found < 0) return false;
            if (e.Kind == PatternElementKind.Words) m.Literals += len;
            else m.Literals++;
            prevEnd = found + len;
            anchored = true;
        }
        m.End = prevEnd;
        // Before the verb, right to left.
        var limit = verb.Start;
        var mustTouch = p.VerbJoinedToPre;
        for (var idx = p.Pre.Count - 1; idx >= 0; idx--)
        {
            var e = p.Pre[idx];
            if (e.Kind == PatternElementKind.Skip) { mustTouch = false; continue; }
            var found = -1;
            var len = 0;
            for (var k = limit - 1; k >= 0; k--)
            {
                // An element may span several tokens: find a start whose match ends at (when joined) or before the limit.
                len = MatchElement(tokens, words, listAt, lists, e, k, forward: false, m, limit);
                if (len > 0 && (!mustTouch || k + len == limit)) { found = k; break; }
                if (mustTouch && limit - k >= 4) break;
            }
            if (found < 0) return false;
            if (e.Kind == PatternElementKind.Words)
            {
                m.Literals += len;
                for (var q = found; q < found + len; q++) if (WordClasses.Negations.Contains(tokens[q].Key) || tokens[q].Key == "NEITHER") m.ConsumedNegation = true;
            }
            else m.Literals++;
            limit = found;
            mustTouch = idx > 0 && e.Joined;
        }
        return true;
    }

    private static int MatchElement(KeyedToken[] tokens, int[] words, int[] listAt, List<List<Unit>> lists, PatternElement e, int k, bool forward, PatternMatch m, int limit = int.MaxValue)
    {
        switch (e.Kind)
        {
            case PatternElementKind.Words:
                // Pattern words are dictionary words, so equal keys are equal numbers.
                if (words[k] == DictionaryWords.None || (e.FirstNumbers is { } firsts && !firsts.Contains(words[k]))) return 0;
                foreach (var alt in e.Numbers)
                {
                    if (k + alt.Length > tokens.Length || k + alt.Length > limit) continue;
                    var ok = true;
                    for (var w = 0; w < alt.Length; w++)
                    {
                        if (words[k + w] != alt[w]) { ok = false; break; }
                    }
                    // When matching leftwards the phrase must end exactly at the limit's side of the search.
                    if (ok) return alt.Length;
                }
                return 0;
            case PatternElementKind.Source:
            case PatternElementKind.Target:
            case PatternElementKind.Compound:
                {
                    var l = listAt[k];
                    if (l < 0 || (k > 0 && listAt[k - 1] == l)) return 0;
                    var last = lists[l][^1].Last;
                    if (!forward && last >= limit) return 0;
                    var actors = FlatOf(lists[l]);
                    if (e.Kind == PatternElementKind.Compound && forward) m.Target = actors;
                    else if (e.Kind == PatternElementKind.Compound)
                    {
                        if (lists[l].Count < 2 && actors.Count < 2) return 0;
                        m.Compound = true;
                        m.Source = actors;
                    }
                    else if (e.Kind == PatternElementKind.Source) m.Source = actors;
                    else m.Target = actors;
                    return last - k + 1;
                }
            default:
                return 0;
        }
    }

    /// <summary>The actors of a coordinated list; the unit's own list when there is one unit (callers never mutate it).</summary>
    private static List<PhraseActor> FlatOf(List<Unit> list)
    {
        if (list.Count == 1) return list[0].Actors;
        var all = new List<PhraseActor>();
        foreach (var u in list) all.AddRange(u.Actors);
        return all;
    }

    private List<EventRecord> Dedupe(List<EventRecord> events)
    {
        if (events.Count < 2) return events;
        var seen = new HashSet<(string, string, string)>();
        var result = new List<EventRecord>(events.Count);
        foreach (var e in events)
        {
            // "praised China's achievements under the leadership of Xi": China and its government are one target
            // of one act. PETRARCH's records list each code, so its reading keeps them apart.
            var target = options.AllowUnknownCountry ? e.Target.Code : CountryCode(e.Target.Code) ?? e.Target.Code;
            if (seen.Add((e.Source.Code, target, e.Code))) result.Add(e);
        }
        return result;
    }
}
