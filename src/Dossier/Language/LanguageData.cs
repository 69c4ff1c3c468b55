using System.Collections.Frozen;
using System.Reflection;
using Dossier.Vocabulary;

namespace Dossier.Language;

/// <summary>What a word can be, from every word list at once: one lookup per token guards all the others.</summary>
[Flags]
public enum WordFlags : uint
{
    None = 0,
    NameStart = 1,
    TitleStart = 2,
    TitlePrefix = 4,
    ReferenceStart = 8,
    TimeWord = 16,
    Future = 32,
    Stopword = 64,
    SpeechVerb = 128,
    Locative = 256,
    Particle = 512,
    Pronoun = 1024,
    OrgWord = 2048,
    Determiner = 4096,
    Trailer = 8192,
}

/// <summary>What a dictionary name stands for.</summary>
public enum NameKind
{
    Country,
    Demonym,
    Capital,
    City,
    Region,

    /// <summary>
    /// A town or city of the generated gazetteer (<c>actors/gazetteer.tsv</c>): a place only where a place is
    /// expected (after a locative word, in a dateline), since thousands of town names are also surnames and words.
    /// </summary>
    Town,
    Igo,
    Person,
    Organisation,
}

/// <summary>A name from our dictionaries (<c>data/actors</c>).</summary>
/// <param name="Kind">What it names.</param>
/// <param name="Canonical">The name to report ("China" for "Chinese", "United Nations" for "UN").</param>
/// <param name="Country">The ISO-3 code of its country, when it has one.</param>
/// <param name="Code">The full actor code for persons, organisations and IGOs (PAKGOV, IGOUNO).</param>
/// <param name="Agent">The agent code of an organisation without a fixed country (GOV for "Foreign Office").</param>
/// <param name="ExactCase">True for acronyms, which match only in their own case ("WHO", not "Who").</param>
/// <param name="Titles">Known titles of a person.</param>
public sealed record NameEntry(NameKind Kind, string Canonical, string? Country, string? Code, string? Agent, bool ExactCase, string[] Titles);

/// <summary>A title or role ("Foreign Minister") and the agent code it implies (GOV), if any.</summary>
public sealed record TitleEntry(string Title, string? Agent);

/// <summary>A phrase that refers back ("the two sides", "the statement").</summary>
public sealed record ReferenceEntry(string Phrase, string Kind);

/// <summary>A word of a time expression and its value (month 1-12, weekday 1-7, day offset…).</summary>
public sealed record TimeWord(string Kind, string Value);

/// <summary>
/// The language stage's dictionaries and word lists, read once from the files embedded from <c>data/</c>
/// and compiled into token tries and frozen sets. Immutable after construction; shared by all threads.
/// </summary>
public sealed class LanguageData
{
    private static readonly Lazy<LanguageData> Lazy = new(() => new LanguageData(EmbeddedData.ReadAll));

    /// <summary>The data embedded in the library.</summary>
    public static LanguageData Default => Lazy.Value;

    /// <summary>Builds the data from files named like <c>actors/countries.tsv</c>, as read by <paramref name="read"/>.</summary>
    public LanguageData(Func<string, string> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var names = new TokenTrie<NameEntry>();
        var countryNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var capitals = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in Rows(read("actors/countries.tsv")))
        {
            var code = f[0];
            countryNames[code] = f[1];
            names.Add(f[1], new NameEntry(NameKind.Country, f[1], code, code, null, false, []));
            foreach (var alt in Split(At(f, 2)))
            {
                names.Add(alt, new NameEntry(NameKind.Country, f[1], code, code, null, IsAcronym(alt), []));
            }

            foreach (var demonym in Split(At(f, 3)))
            {
                names.Add(demonym, new NameEntry(NameKind.Demonym, f[1], code, code, null, false, []));
            }

            foreach (var capital in Split(At(f, 4)))
            {
                capitals.TryAdd(code, capital);
                names.Add(capital, new NameEntry(NameKind.Capital, capital, code, code, null, false, []));
            }
        }

        foreach (var f in Rows(read("actors/igos.tsv")))
        {
            names.Add(f[1], new NameEntry(NameKind.Igo, f[1], null, f[0], null, IsAcronym(f[1]), []));
            foreach (var alt in Split(At(f, 2)))
            {
                names.Add(alt, new NameEntry(NameKind.Igo, f[1], null, f[0], null, IsAcronym(alt), []));
            }
        }

        foreach (var f in Rows(read("actors/organisations.tsv")))
        {
            var country = f[0].Length == 0 ? null : f[0];
            var code = country is null ? null : country + f[1];
            names.Add(f[2], new NameEntry(NameKind.Organisation, f[2], country, code, f[1], IsAcronym(f[2]), []));
            foreach (var alt in Split(At(f, 3)))
            {
                names.Add(alt, new NameEntry(NameKind.Organisation, f[2], country, code, f[1], IsAcronym(alt), []));
            }
        }

        foreach (var f in Rows(read("actors/people.tsv")))
        {
            var code = f[1];
            names.Add(f[0], new NameEntry(NameKind.Person, f[0], code.Length >= 3 && !code.StartsWith("IGO", StringComparison.Ordinal) ? code[..3] : null, code, code.Length > 3 ? code[3..] : null, false, [.. Split(At(f, 2))]));
        }

        foreach (var f in Rows(read("actors/cities.tsv")))
        {
            var country = f[1].Length == 0 ? null : f[1];
            var kind = At(f, 2) == "region" ? NameKind.Region : NameKind.City;
            names.Add(f[0], new NameEntry(kind, f[0], country, country, null, false, []));
        }

        // Read after our own tables, so a name they give keeps their meaning (Hyderabad stays without a country).
        foreach (var f in Rows(read("actors/gazetteer.tsv")))
        {
            var country = At(f, 1) is { Length: 3 } code ? code : null;
            names.Add(f[0], new NameEntry(NameKind.Town, f[0], country, country, null, false, []));
        }

        Names = names.Seal();
        CountryNames = countryNames.ToFrozenDictionary(StringComparer.Ordinal);
        Capitals = capitals.ToFrozenDictionary(StringComparer.Ordinal);

        var titles = new TokenTrie<TitleEntry>();
        foreach (var f in Rows(read("actors/agents.tsv")))
        {
            titles.Add(f[0], new TitleEntry(At(f, 2) is { Length: > 0 } canonical ? canonical : f[0].TrimEnd('.'), f[1] == "-" ? null : f[1]));
        }

        Titles = titles.Seal();

        OrgWords = Rows(read("actors/org_words.tsv")).GroupBy(f => f[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);

        var references = new TokenTrie<ReferenceEntry>();
        foreach (var f in Rows(read("language/references.tsv")))
        {
            references.Add(f[0], new ReferenceEntry(f[0], f[1]));
        }

        References = references.Seal();
        Abbreviations = Rows(read("language/abbreviations.tsv")).ToFrozenDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        SentenceStarters = Words(read("language/sentence_starters.txt"), StringComparer.Ordinal);
        SpeechVerbs = Words(read("language/speech_verbs.txt"), StringComparer.OrdinalIgnoreCase);
        NameStopwords = Words(read("language/name_stopwords.txt"), StringComparer.Ordinal);
        NameParticles = Words(read("language/name_particles.txt"), StringComparer.Ordinal);
        Locatives = Words(read("language/locative.txt"), StringComparer.OrdinalIgnoreCase);
        FutureMarkers = Words(read("language/future_markers.txt"), StringComparer.OrdinalIgnoreCase);
        Pronouns = Rows(read("language/pronouns.tsv")).ToFrozenDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        TimeWords = Rows(read("language/time_words.tsv")).ToFrozenDictionary(f => f[0], f => new TimeWord(f[1], At(f, 2)), StringComparer.OrdinalIgnoreCase);

        AbbreviationLookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        StarterLookup = SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>();
        SpeechVerbLookup = SpeechVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
        StopwordLookup = NameStopwords.GetAlternateLookup<ReadOnlySpan<char>>();
        ParticleLookup = NameParticles.GetAlternateLookup<ReadOnlySpan<char>>();
        LocativeLookup = Locatives.GetAlternateLookup<ReadOnlySpan<char>>();
        FutureLookup = FutureMarkers.GetAlternateLookup<ReadOnlySpan<char>>();
        PronounLookup = Pronouns.GetAlternateLookup<ReadOnlySpan<char>>();
        TimeWordLookup = TimeWords.GetAlternateLookup<ReadOnlySpan<char>>();
        OrgWordLookup = OrgWords.GetAlternateLookup<ReadOnlySpan<char>>();
        TitlePrefixes = Words(read("language/title_prefixes.txt"), StringComparer.OrdinalIgnoreCase);
        TitlePrefixLookup = TitlePrefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        AttributionTrailers = Words(read("language/attribution_trailers.txt"), StringComparer.OrdinalIgnoreCase);
        TrailerLookup = AttributionTrailers.GetAlternateLookup<ReadOnlySpan<char>>();

        var lexicon = new Dictionary<string, WordFlags>(FastComparer.IgnoreCase);
        void Mark(IEnumerable<string> words, WordFlags flag)
        {
            foreach (var w in words)
            {
                lexicon[w] = lexicon.GetValueOrDefault(w) | flag;
            }
        }

        Mark(Names.FirstWords, WordFlags.NameStart);
        Mark(Titles.FirstWords, WordFlags.TitleStart);
        Mark(TitlePrefixes, WordFlags.TitlePrefix);
        Mark(References.FirstWords, WordFlags.ReferenceStart);
        Mark(TimeWords.Keys, WordFlags.TimeWord);
        Mark(FutureMarkers, WordFlags.Future);
        Mark(NameStopwords, WordFlags.Stopword);
        Mark(SpeechVerbs, WordFlags.SpeechVerb);
        Mark(Locatives, WordFlags.Locative);
        Mark(NameParticles, WordFlags.Particle);
        Mark(Pronouns.Keys, WordFlags.Pronoun);
        Mark(OrgWords.Keys, WordFlags.OrgWord);
        Mark(Words(read("language/determiners.txt"), StringComparer.OrdinalIgnoreCase), WordFlags.Determiner);
        Mark(AttributionTrailers, WordFlags.Trailer);
        // Frozen with the framework's ignore-case comparer: its lookups bucket by length and hash a few
        // characters, which made Classify (one lookup per word) about twice as fast as a plain dictionary.
        var frozen = lexicon.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Lexicon = frozen;
        lexiconLookup = frozen.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private readonly FrozenDictionary<string, WordFlags>.AlternateLookup<ReadOnlySpan<char>> lexiconLookup;

    /// <summary>Every word of every list, with what it can be (case-insensitive).</summary>
    public IReadOnlyDictionary<string, WordFlags> Lexicon { get; }

    /// <summary>What each token can be: one lookup per word token, so later checks skip most tokens without hashing.</summary>
    public WordFlags[] Classify(string text, Token[] tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var flags = new WordFlags[tokens.Length];
        var shared = TextWords.Of(text);
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Word)
            {
                continue;
            }

            if (shared?.At(text, t.Start, t.End) is { } entry)
            {
                flags[i] = FlagsOf(entry);
            }
            else if (lexiconLookup.TryGetValue(text.AsSpan(t.Start, t.Length), out var f))
            {
                flags[i] = f;
            }
        }

        return flags;
    }

    /// <summary>A word's flags in these tables, kept with the article scan's shared entry (so one hash per word, not one per stage).</summary>
    private WordFlags FlagsOf(WordEntry entry)
    {
        // The entry is shared by every LanguageData of the process: flags count only when these tables made them.
        if (entry.Language is KnownFlags known && ReferenceEquals(known.Data, this))
        {
            return known.Flags;
        }

        var flags = lexiconLookup.TryGetValue(entry.Surface, out var f) ? f : WordFlags.None;
        entry.Language = new KnownFlags(this, flags);
        return flags;
    }

    private sealed record KnownFlags(LanguageData Data, WordFlags Flags);

    /// <summary>Countries, territories, demonyms, capitals, cities, regions, IGOs, organisations and known people.</summary>
    public TokenTrie<NameEntry> Names { get; }

    /// <summary>Titles and role nouns with their agent codes.</summary>
    public TokenTrie<TitleEntry> Titles { get; }

    /// <summary>Phrases referring back to parties, people or documents.</summary>
    public TokenTrie<ReferenceEntry> References { get; }

    /// <summary>Country name by ISO-3 code.</summary>
    public FrozenDictionary<string, string> CountryNames { get; }

    /// <summary>Capital by ISO-3 code.</summary>
    public FrozenDictionary<string, string> Capitals { get; }

    /// <summary>Head words of organisation names and the agent codes they imply.</summary>
    public FrozenDictionary<string, string> OrgWords { get; }

    /// <summary>Abbreviations (without their full stop) and their kind.</summary>
    public FrozenDictionary<string, string> Abbreviations { get; }

    /// <summary>Words that begin sentences after an abbreviation.</summary>
    public FrozenSet<string> SentenceStarters { get; }

    /// <summary>Verbs of saying.</summary>
    public FrozenSet<string> SpeechVerbs { get; }

    /// <summary>Capitalised words that are never part of a name.</summary>
    public FrozenSet<string> NameStopwords { get; }

    /// <summary>Lower-case particles inside names.</summary>
    public FrozenSet<string> NameParticles { get; }

    /// <summary>Words after which a capital is a place.</summary>
    public FrozenSet<string> Locatives { get; }

    /// <summary>Words that put a sentence in the future.</summary>
    public FrozenSet<string> FutureMarkers { get; }

    /// <summary>Pronouns that can name a speaker, and their kind.</summary>
    public FrozenDictionary<string, string> Pronouns { get; }

    /// <summary>Words of time expressions.</summary>
    public FrozenDictionary<string, TimeWord> TimeWords { get; }

    /// <summary>Words that extend a title ("Deputy", "Acting").</summary>
    public FrozenSet<string> TitlePrefixes { get; }

    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TitlePrefixLookup { get; }

    /// <summary>Words that may follow the verb of a closing attribution.</summary>
    public FrozenSet<string> AttributionTrailers { get; }

    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TrailerLookup { get; }
    internal FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup { get; }
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StarterLookup { get; }
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbLookup { get; }
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopwordLookup { get; }
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ParticleLookup { get; }
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LocativeLookup { get; }
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FutureLookup { get; }
    internal FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> PronounLookup { get; }
    internal FrozenDictionary<string, TimeWord>.AlternateLookup<ReadOnlySpan<char>> TimeWordLookup { get; }
    internal FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> OrgWordLookup { get; }

    private static bool IsAcronym(string s) => s.Length <= 6 && s.Any(char.IsLetter) && s.All(c => !char.IsLetter(c) || char.IsUpper(c));

    private static string At(string[] f, int i) => i < f.Length ? f[i] : string.Empty;

    private static IEnumerable<string> Split(string s) => s.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<string[]> Rows(string content)
    {
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            yield return line.Split('\t');
        }
    }

    private static FrozenSet<string> Words(string content, StringComparer comparer) =>
        content.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#').ToFrozenSet(comparer);
}
