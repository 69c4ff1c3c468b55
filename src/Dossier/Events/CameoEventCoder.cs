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
        var recent = new List<string>();
        for (var s = 0; s < sentences.Length; s++)
        {
            var span = sentences[s].Span;
            var local = MentionsIn(mentions, span, recent, text);
            var coded = _coder.Code(text, span.Start, span.End, s, date, local, null);
            events.AddRange(coded);
            Remember(recent, coded, local);
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
        IReadOnlyList<Token> tokens = [];
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

    private List<Mention>? MentionsIn(ImmutableArray<Mention> mentions, TextSpan span, List<string> recent, string text)
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
        return GroupMentions(text, span.Start, span.End, recent, local);
    }

    /// <summary>"The two sides", "both countries": the last two actors named before, when the language stage did not resolve them.</summary>
    private List<Mention>? GroupMentions(string text, int start, int end, List<string> recent, List<Mention>? local)
    {
        if (!_options.ResolveGroups || recent.Count < 2) return local;
        foreach (var phrase in s_groupPhrases)
        {
            var at = text.IndexOf(phrase, start, end - start, StringComparison.OrdinalIgnoreCase);
            if (at < 0) continue;
            var span = new TextSpan(at, phrase.Length);
            if (local is not null && local.Any(m => m.Span.Overlaps(span))) continue;
            (local ??= []).Add(new Mention(span, MentionType.Group, phrase, [], $"{recent[^2]}/{recent[^1]}"));
        }
        return local;
    }

    private static readonly string[] s_groupPhrases = ["the two sides", "both sides", "the two countries", "both countries", "the two nations", "both nations", "the two governments", "both governments"];

    private static void Remember(List<string> recent, IReadOnlyList<EventRecord> events, List<Mention>? mentions)
    {
        void Push(string code)
        {
            if (code.StartsWith("---", StringComparison.Ordinal) || code.Contains('/', StringComparison.Ordinal)) return;
            var country = code;
            recent.RemoveAll(c => c == country);
            recent.Add(country);
        }
        foreach (var e in events)
        {
            Push(e.Source.Code);
            Push(e.Target.Code);
        }
        if (mentions is null) return;
        foreach (var m in mentions) if (m.Actor is { } a && m.Type != MentionType.Group) Push(a);
    }
}
