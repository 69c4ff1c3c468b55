using System.Buffers;
using System.Collections.Immutable;
using Dossier.Model;

namespace Dossier.Events;

/// <summary>
/// The CAMEO event coder: dictionary-driven, on raw sentences, with its own shallow parsing. Prefers a
/// missed event to a wrong one: an event needs a source and a target actor, a negated verb is never coded
/// as the positive event, and verbs read as nouns ("an attack by X") are not coded.
/// </summary>
public sealed class CameoEventCoder : IEventCoder
{
    private readonly SentenceCoder _coder;
    private readonly CoderOptions _options;

    /// <summary>A coder with the built-in dictionaries.</summary>
    public CameoEventCoder() : this(CoderDictionaries.BuiltIn) { }

    /// <summary>A coder with the given dictionaries and options.</summary>
    public CameoEventCoder(CoderDictionaries dictionaries, CoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dictionaries);
        _options = options ?? new CoderOptions();
        _coder = new SentenceCoder(dictionaries, CameoTable.BuiltIn, _options);
    }

    /// <inheritdoc />
    public AnnotatedArticle Code(AnnotatedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var text = article.Article.Text;
        var date = article.Article.Metadata.Published is { } p ? DateOnly.FromDateTime(p.UtcDateTime) : (DateOnly?)null;
        var sentences = article.Sentences.IsDefaultOrEmpty ? [new Sentence(new TextSpan(0, text.Length), 0)] : article.Sentences;
        var mentions = article.Mentions.IsDefaultOrEmpty ? [] : article.Mentions;
        var events = ImmutableArray.CreateBuilder<EventRecord>();
        var (pair, aliases, scans) = Salience(text, sentences, date);
        for (var s = 0; s < sentences.Length; s++)
        {
            var span = sentences[s].Span;
            var local = MentionsIn(mentions, span, pair, text, aliases);
            events.AddRange(_coder.Code(text, span.Start, span.End, s, date, local, null, scan: scans[s]));
        }
        return article with { Events = events.ToImmutable() };
    }

    /// <summary>Codes one sentence on its own (offsets are into <paramref name="sentence"/>).</summary>
    public IReadOnlyList<EventRecord> CodeSentence(string sentence, DateOnly? date = null)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return _coder.Code(sentence, 0, sentence.Length, 0, date, GroupMentions(sentence, 0, sentence.Length, [], null), null);
    }

    /// <summary>Codes one sentence and says how: chunks, verbs, patterns and why each actor was chosen.</summary>
    public SentenceTrace Explain(string sentence, DateOnly? date = null)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var notes = new List<string>();
        IReadOnlyList<KeyedToken> tokens = [];
        IReadOnlyList<IReadOnlyList<PhraseActor>> groups = [];
        IReadOnlyList<VerbReading> verbs = [];
        var events = _coder.Code(sentence, 0, sentence.Length, 0, date, GroupMentions(sentence, 0, sentence.Length, [], null), notes, (t, g, v) =>
        {
            tokens = t;
            groups = g;
            verbs = v;
        });
        return new SentenceTrace(tokens, groups, verbs, notes, events);
    }

    private List<Mention>? MentionsIn(ImmutableArray<Mention> mentions, TextSpan span, List<string> recent, string text, Dictionary<string, string> aliases)
    {
        List<Mention>? local = null;
        foreach (var m in mentions)
        {
            if (!span.Contains(m.Span)) continue;
            var actor = m.Actor;
            if (actor is null && m.Type == MentionType.Group && !m.MembersOrEmpty.IsEmpty)
            {
                var codes = m.MembersOrEmpty.Select(name => mentions.FirstOrDefault(x => x.Actor is not null && string.Equals(x.Canonical, name, StringComparison.OrdinalIgnoreCase))?.Actor)
                    .Where(c => c is not null).Distinct(StringComparer.Ordinal).ToList();
                if (codes.Count > 0) actor = string.Join('/', codes);
            }
            if (actor is null) continue;
            (local ??= []).Add(m with { Actor = actor });
        }
        local = AliasMentions(text, span, aliases, local);
        return GroupMentions(text, span.Start, span.End, recent, local);
    }

    /// <summary>
    /// The two actors the article is mostly about (named most often, first named first), for "the two sides";
    /// and surnames of people named in full ("Dar" after "Ishaq Dar"), for later bare mentions. Each sentence's
    /// scan (tokens, actor marks) is handed back for coding, which would otherwise read every sentence again.
    /// </summary>
    private (List<string> Pair, Dictionary<string, string> Aliases, SentenceCoder.SentenceScan[] Scans) Salience(string text, ImmutableArray<Sentence> sentences, DateOnly? date)
    {
        var counts = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        var scans = new SentenceCoder.SentenceScan[sentences.Length];
        var order = 0;
        for (var s = 0; s < sentences.Length; s++)
        {
            scans[s] = _coder.Scan(text, sentences[s].Span.Start, sentences[s].Span.End);
            foreach (var (code, span, words) in _coder.ActorsIn(scans[s], date))
            {
                var key = code.StartsWith("IGO", StringComparison.Ordinal) || code.StartsWith("NGO", StringComparison.Ordinal) || code.Length <= 3 ? code : code[..3];
                counts[key] = counts.TryGetValue(key, out var c) ? (c.Count + 1, c.First) : (1, order++);
                var name = span.Of(text);
                var lastSpace = name.LastIndexOf(' ');
                if (words >= 2 && lastSpace > 0 && code.Length > 3 && !code.StartsWith("IGO", StringComparison.Ordinal) && !code.StartsWith("NGO", StringComparison.Ordinal))
                {
                    var surname = name[(lastSpace + 1)..];
                    if (surname.Length > 2 && char.IsUpper(surname[0]) && !s_notSurnames.Contains(surname)) aliases.TryAdd(surname, code);
                }
            }
        }
        var pair = counts.Where(kv => kv.Key.Length == 3 || kv.Key.StartsWith("IGO", StringComparison.Ordinal))
            .OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Value.First).Take(2).Select(kv => kv.Key).ToList();
        return (pair.Count == 2 ? pair : [], aliases, scans);
    }

    private static readonly HashSet<string> s_notSurnames = new(StringComparer.Ordinal)
    {
        "Corporation", "Agency", "Ministry", "Office", "Council", "Court", "Party", "Bank", "Organization", "Organisation", "Union", "Forces",
        "Army", "Police", "Government", "Department", "Commission", "Assembly", "Group", "Company", "Authority", "Front", "Movement", "States", "Nations",
    };

    private static List<Mention>? AliasMentions(string text, TextSpan span, Dictionary<string, string> aliases, List<Mention>? local)
    {
        foreach (var (alias, code) in aliases)
        {
            var from = span.Start;
            while (from < span.End)
            {
                var at = text.IndexOf(alias, from, span.End - from, StringComparison.Ordinal);
                if (at < 0) break;
                from = at + alias.Length;
                var end = at + alias.Length;
                var wordStart = at == 0 || !char.IsLetter(text[at - 1]);
                var wordEnd = end >= text.Length || !char.IsLetter(text[end]);
                // A full name before the surname is coded by the dictionary itself.
                var afterName = at >= 2 && text[at - 1] == ' ' && char.IsUpper(text[at - 2 - WordBefore(text, at - 1)]);
                if (!wordStart || !wordEnd || afterName) continue;
                var mspan = new TextSpan(at, alias.Length);
                if (local is not null && local.Any(m => m.Span.Overlaps(mspan))) continue;
                (local ??= []).Add(new Mention(mspan, MentionType.Person, alias, [], code));
            }
        }
        return local;
    }

    private static int WordBefore(string text, int spaceAt)
    {
        var k = spaceAt - 1;
        var n = 0;
        while (k > 0 && char.IsLetter(text[k - 1])) { k--; n++; }
        return n;
    }

    /// <summary>"The two sides", "both countries": the last two actors named before, when the language stage did not resolve them.</summary>
    private List<Mention>? GroupMentions(string text, int start, int end, List<string> recent, List<Mention>? local)
    {
        if (!_options.ResolveGroups || recent.Count < 2) return local;
        // Every group phrase opens with "the two " or "both ": two scans of the sentence rule out most of the
        // ten phrase searches (few sentences hold either opening).
        var range = text.AsSpan(start, end - start);
        var theTwo = range.ContainsAny(s_theTwo);
        var both = range.ContainsAny(s_both);
        foreach (var phrase in s_groupPhrases)
        {
            if (!(phrase[0] == 't' ? theTwo : both)) continue;
            var at = text.IndexOf(phrase, start, end - start, StringComparison.OrdinalIgnoreCase);
            if (at < 0) continue;
            var span = new TextSpan(at, phrase.Length);
            if (local is not null && local.Any(m => m.Span.Overlaps(span))) continue;
            (local ??= []).Add(new Mention(span, MentionType.Group, phrase, [], $"{recent[^2]}/{recent[^1]}"));
        }
        // A sentence that opens with "They" in a two-party article continues with the same two parties.
        foreach (var phrase in s_startPhrases)
        {
            var at = start;
            while (at < end && !char.IsLetter(text[at])) at++;
            if (string.CompareOrdinal(text, at, phrase, 0, phrase.Length) != 0) continue;
            var span = new TextSpan(at, phrase.Length - 1);
            if (local is not null && local.Any(m => m.Span.Overlaps(span))) continue;
            (local ??= []).Add(new Mention(span, MentionType.Group, phrase.Trim(), [], $"{recent[^2]}/{recent[^1]}"));
        }
        return local;
    }

    private static readonly string[] s_startPhrases = ["They ", "The pair "];

    // Searched once per sentence; the vectorised searchers of SearchValues, where a case-insensitive Contains goes
    // character by character under the globalization-invariant runtime.
    private static readonly SearchValues<string> s_theTwo = SearchValues.Create(["the two "], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> s_both = SearchValues.Create(["both "], StringComparison.OrdinalIgnoreCase);

    // Each opens with "the two " or "both " (GroupMentions gates its searches on those openings).
    private static readonly string[] s_groupPhrases = ["the two sides", "both sides", "the two countries", "both countries", "the two nations", "both nations", "the two governments", "both governments", "the two neighbours", "the two neighbors"];

}
