using System.Collections.Immutable;
using Dossier.Model;
using Dossier.Vocabulary;

namespace Dossier.Language;

/// <summary>
/// Finds people (with titles and roles), organisations (with acronyms defined in the text), countries,
/// places, nationality adjectives, groups and documents, resolves them within the document ("Dar" is Ishaq
/// Dar, "the two sides" are the two main parties, "Beijing" acting is China's government, "the statement"
/// is the joint communique) and codes each with a CAMEO actor code from our dictionaries.
/// </summary>
public sealed class MentionFinder
{
    private readonly LanguageData data;

    /// <summary>A finder over <paramref name="data"/>.</summary>
    public MentionFinder(LanguageData data) => this.data = data ?? throw new ArgumentNullException(nameof(data));

    /// <summary>The mentions of <paramref name="text"/>, in text order.</summary>
    /// <param name="text">The article text.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <param name="sentences">Its sentences (mentions never cross them).</param>
    /// <param name="dateline">The dateline, which names a place.</param>
    public ImmutableArray<Mention> Find(string text, Token[] tokens, ImmutableArray<Sentence> sentences, TextSpan? dateline) =>
        Find(text, tokens, data.Classify(text, tokens), sentences, dateline);

    /// <summary>The mentions of <paramref name="text"/>, with its tokens already classified by <see cref="LanguageData.Classify"/>.</summary>
    public ImmutableArray<Mention> Find(string text, Token[] tokens, WordFlags[] flags, ImmutableArray<Sentence> sentences, TextSpan? dateline)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var run = new Run(data, text, tokens, flags);
        if (dateline is { } d)
        {
            run.Dateline(d);
        }

        var t = 0;
        foreach (var sentence in sentences)
        {
            while (t < tokens.Length && tokens[t].Start < sentence.Span.Start)
            {
                t++;
            }

            var end = t;
            while (end < tokens.Length && tokens[end].End <= sentence.Span.End)
            {
                end++;
            }

            run.Sentence(t, end);
            t = end;
        }

        return run.Build();
    }

    /// <summary>One entity of the document: all its mentions share it.</summary>
    private sealed class Entity(MentionType type, string canonical)
    {
        public MentionType Type { get; set; } = type;
        public string Canonical { get; set; } = canonical;
        public List<string> Titles { get; } = [];
        public string? Country { get; set; }
        public string? Agent { get; set; }
        public string? Code { get; set; }
        public Entity? Affiliation { get; set; }
        public string? ReferenceKind { get; set; }
        public ImmutableArray<string> Members { get; set; }
        public int Count { get; set; }
        public int First { get; set; } = int.MaxValue;

        /// <summary>Titles and actor as fixed when the mentions are built (set once, in <see cref="Run.Build"/>).</summary>
        public (ImmutableArray<string> Titles, string? Actor)? Fixed { get; set; }

        public void AddTitles(IEnumerable<string> titles)
        {
            foreach (var title in titles)
            {
                if (!Titles.Contains(title, StringComparer.OrdinalIgnoreCase))
                {
                    Titles.Add(title);
                }
            }
        }

        public string? Actor()
        {
            if (Code is not null && Type != MentionType.Person)
            {
                return Code;
            }

            if (Type == MentionType.Person)
            {
                // A person speaks for the body they hold office in; else for their country in their role.
                if (Affiliation?.Actor() is { Length: >= 6 } org)
                {
                    return org;
                }

                if (Country is not null)
                {
                    return Country + (Affiliation?.Agent ?? Agent ?? string.Empty);
                }

                return Code;
            }

            if (Country is not null)
            {
                return Country + (Agent ?? string.Empty);
            }

            return null;
        }
    }

    private readonly record struct Found(TextSpan Span, Entity Entity);

    /// <summary>The state of one document's pass: local to one call, never shared.</summary>
    private sealed class Run(LanguageData data, string text, Token[] tokens, WordFlags[] flags)
    {
        // Sized for a news text's usual density (about one mention per ten tokens) so that they seldom grow.
        private readonly List<Found> found = new(tokens.Length / 8);
        private readonly Dictionary<(MentionType, string), Entity> entities = new(tokens.Length / 16);
        private readonly Dictionary<string, Entity> nameParts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Entity> acronyms = new(StringComparer.Ordinal);
        private Dictionary<string, Entity>.AlternateLookup<ReadOnlySpan<char>> NamePartLookup => nameParts.GetAlternateLookup<ReadOnlySpan<char>>();
        private Dictionary<string, Entity>.AlternateLookup<ReadOnlySpan<char>> AcronymLookup => acronyms.GetAlternateLookup<ReadOnlySpan<char>>();

        private bool Has(int k, WordFlags f) => (flags[k] & f) != 0;

        private bool NamesAt(int k, int end, out int count, out NameEntry? entry)
        {
            if (k < tokens.Length && Has(k, WordFlags.NameStart))
            {
                return data.Names.TryMatch(text, tokens, k, end, out count, out entry);
            }

            count = 0;
            entry = null;
            return false;
        }

        private bool TitlesAt(int k, int end, out int count, out TitleEntry? entry)
        {
            if (k < tokens.Length && Has(k, WordFlags.TitleStart))
            {
                return data.Titles.TryMatch(text, tokens, k, end, out count, out entry);
            }

            count = 0;
            entry = null;
            return false;
        }

        private bool OrgWord(int k, out string? agent)
        {
            agent = null;
            return Has(k, WordFlags.OrgWord) && data.OrgWordLookup.TryGetValue(Word(k), out agent);
        }
        private readonly List<Entity> people = [];
        private Entity? lastOrganisation;
        private Entity? document;
        private Entity? parties;

        public void Dateline(TextSpan span)
        {
            var dt = Tokenizer.Tokenize(text, span.Start, span.End);
            if (data.Names.TryMatch(text, dt, 0, dt.Length, out var n, out var entry) && entry!.Kind is NameKind.Capital or NameKind.City or NameKind.Region or NameKind.Town)
            {
                var e = Get(MentionType.Place, entry.Canonical);
                e.Country ??= entry.Country;
                Add(TextSpan.FromBounds(dt[0].Start, dt[n - 1].End), e);
            }
        }

        public void Sentence(int start, int end)
        {
            var t = start;
            while (t < end)
            {
                var next = Step(t, start, end);
                t = next > t ? next : t + 1;
            }
        }

        private int Step(int t, int sentenceStart, int end)
        {
            var tok = tokens[t];
            if (tok.Kind != TokenKind.Word)
            {
                return t + 1;
            }

            var first = text[tok.Start];
            if (char.IsLower(first) || first is 'T' or 'B' or 'A' or 'H' or 'I')
            {
                if (Has(t, WordFlags.ReferenceStart) && data.References.TryMatch(text, tokens, t, end, out var rn, out var reference) && IsPhraseStart(t, sentenceStart))
                {
                    AddReference(t, rn, reference!);
                    return t + rn;
                }
            }

            var person = TryPerson(t, sentenceStart, end);
            if (person > t)
            {
                return person;
            }

            if (!char.IsUpper(first))
            {
                return t + 1;
            }

            if (acronyms.Count > 0 && AcronymLookup.TryGetValue(Word(t), out var defined))
            {
                Add(Span(t, t + 1), defined);
                return t + 1;
            }

            if (IsStopword(t))
            {
                return t + 1;
            }

            var runEnd = CapitalisedRun(t, end);
            if (NamesAt(t, end, out var count, out var entry) && Accept(t, count, entry!))
            {
                if (runEnd > t + count && TryOrganisation(t, runEnd, end) is var org && org > t)
                {
                    return org;
                }

                return AddName(t, count, entry!, end);
            }

            // "Leaders of the Shanghai Cooperation Organisation": a known name ending the run wins over the run.
            for (var j = t + 1; j < runEnd; j++)
            {
                if (NamesAt(j, end, out var n, out var inner) && j + n == runEnd && Accept(j, n, inner!))
                {
                    return j;
                }
            }

            if (runEnd > t + 1 && TryOrganisation(t, runEnd, end) is var o && o > t)
            {
                return o;
            }

            if (nameParts.Count > 0 && NamePartLookup.TryGetValue(Word(t), out var known) && !IsStopword(t))
            {
                Add(Span(t, t + 1), known);
                return t + 1;
            }

            // An unknown name counts as a person only when the text says so: it speaks, or an appositive titles it.
            var nameEnd = ScanName(t, end);
            var afterSpeech = t > 0 && IsSpeechVerb(t - 1, end) && nameEnd == end - 1;
            if (nameEnd > t + 1 && (IsSpeechVerb(nameEnd, end) || afterSpeech || IsAppositiveTitle(nameEnd, end, out _, out _)))
            {
                var e = Person(Span(t, nameEnd).Of(text));
                if (IsAppositiveTitle(nameEnd, end, out var title, out var appositiveCountry))
                {
                    e.AddTitles([title!.Title]);
                    e.Agent ??= title.Agent;
                    e.Country ??= appositiveCountry;
                }

                Add(Span(t, nameEnd), e);
                return nameEnd;
            }

            return t + 1;
        }

        private bool IsPhraseStart(int t, int sentenceStart) => t == sentenceStart || tokens[t - 1].Kind != TokenKind.Word || char.IsLower(text[tokens[t - 1].Start]);

        private void AddReference(int t, int n, ReferenceEntry reference)
        {
            var span = Span(t, t + n);
            switch (reference.Kind)
            {
                case "document":
                    document ??= new Entity(MentionType.Document, "joint communique") { ReferenceKind = "document" };
                    Add(span, document);
                    break;
                case "people":
                    var members = people.Count >= 2 ? ImmutableArray.Create(people[^2].Canonical, people[^1].Canonical) : [];
                    var pair = new Entity(MentionType.Group, members.IsEmpty ? reference.Phrase : string.Join(" and ", members)) { Members = members, ReferenceKind = "people" };
                    Add(span, pair);
                    break;
                default:
                    parties ??= new Entity(MentionType.Group, "the two sides") { ReferenceKind = "parties" };
                    Add(span, parties);
                    break;
            }
        }

        private int TryPerson(int t, int sentenceStart, int end)
        {
            if (!Has(t, WordFlags.Determiner | WordFlags.NameStart | WordFlags.TitleStart | WordFlags.TitlePrefix)
                || (Has(t, WordFlags.Determiner) && t + 1 < end && !Has(t + 1, WordFlags.NameStart | WordFlags.TitleStart | WordFlags.TitlePrefix)))
            {
                return t;
            }

            var k = t;
            Entity? affiliation = null;
            string? country = null;
            var determiner = false;
            var w = Word(t);
            if (w is "his" or "her" or "its" or "their" or "His" or "Her" or "Its" or "Their")
            {
                if (w is "its" or "Its")
                {
                    affiliation = lastOrganisation;
                }

                determiner = true;
                k++;
            }
            else if (w is "the" or "The" or "a" or "A")
            {
                determiner = true;
                k++;
            }

            if (k >= end)
            {
                return t;
            }

            var modifierStart = k;
            var foundBefore = found.Count;
            if (char.IsUpper(text[tokens[k].Start]) && NamesAt(k, end, out var mn, out var modifier)
                && modifier!.Kind is NameKind.Country or NameKind.Demonym)
            {
                var after = k + mn;
                if (after < end && tokens[after].Kind == TokenKind.Possessive)
                {
                    after++;
                }

                if (after < end && TitleAt(after, end) > 0)
                {
                    country = modifier.Country;
                    k = after;
                }
            }
            else if (k < end && char.IsUpper(text[tokens[k].Start]) && NamesAt(k, end, out var igoLength, out var igo) && igo!.Kind == NameKind.Igo
                && k + igoLength < end && TitleAt(k + igoLength, end) > 0)
            {
                // "EAC Deputy Secretary-General Ruth Nakato": the person holds office in the IGO.
                var body = Get(MentionType.Organization, igo.Canonical);
                body.Code = igo.Code;
                Add(Span(k, k + igoLength), body);
                affiliation = body;
                k += igoLength;
            }

            var titles = new List<TitleEntry>(2);
            var titleStart = k;
            while (k < end && tokens[k].Kind == TokenKind.Word && TitleAt(k, end) is var tn and > 0 && TitlesAt(k + tn - TitleLength(k, end), end, out _, out var title))
            {
                var capital = char.IsUpper(text[tokens[k].Start]);
                if (!capital && !determiner && country is null && titles.Count == 0)
                {
                    break;
                }

                var prefixLength = tn - TitleLength(k, end);
                titles.Add(prefixLength == 0 ? title! : title! with { Title = Span(k, k + prefixLength).Of(text) + " " + title!.Title });
                k += tn;
                if (k + 1 < end && (Word(k) is "and" || text[tokens[k].Start] == ',') && TitleAt(k + 1, end) > 0 && char.IsUpper(text[tokens[k + 1].Start]) == capital)
                {
                    k++;
                    continue;
                }

                if (k < end && IsCapitalWord(k) && TitleAt(k, end) > 0)
                {
                    continue;
                }

                break;
            }

            if (titles.Count == 0)
            {
                if (found.Count > foundBefore)
                {
                    found.RemoveRange(foundBefore, found.Count - foundBefore);
                }

                return t;
            }

            // "the Chairman of the China International Development Cooperation Agency (CIDCA), Chen Xiaodong"
            var afterTitles = k;
            if (k + 1 < end && Word(k) is "of" or "at" or "for")
            {
                var m = k + 1;
                if (m < end && Word(m) is "the")
                {
                    m++;
                }

                var before = found.Count;
                var orgEnd = m < end && char.IsUpper(text[tokens[m].Start]) ? Step(m, sentenceStart, end) : m;
                if (orgEnd > m && found.Count > before && found[before].Entity.Type is MentionType.Organization or MentionType.Country)
                {
                    var org = found[before].Entity;
                    if (org.Type == MentionType.Country)
                    {
                        country ??= org.Country;
                    }
                    else
                    {
                        affiliation = org;
                    }

                    k = orgEnd;
                    if (k < end && text[tokens[k].Start] == ',')
                    {
                        k++;
                    }
                }
                else
                {
                    found.RemoveRange(before, found.Count - before);
                    k = afterTitles;

                    // A portfolio: "Minister of Water, Joseph Mrema", "Cabinet Secretary for Water, Amina Wekesa".
                    var portfolioEnd = m < end && IsCapitalWord(m) ? CapitalisedRun(m, end) : m;
                    if (portfolioEnd > m && portfolioEnd + 1 < end && text[tokens[portfolioEnd].Start] == ',' && ScanName(portfolioEnd + 1, end) > portfolioEnd + 1)
                    {
                        titles[^1] = titles[^1] with { Title = titles[^1].Title + " " + Span(afterTitles, portfolioEnd).Of(text) };
                        k = portfolioEnd + 1;
                    }
                }
            }

            // An honorific between the title and the name: "the Deputy Secretary-General of the EAC, Madam Ruth Nakato".
            while (k < end && TitleAt(k, end) is var hn and > 0 && TitlesAt(k, end, out var honorificLength, out var honorific) && honorificLength == hn && honorific!.Agent is null)
            {
                k += hn;
            }

            var nameEnd = ScanName(k, end, afterTitle: true);
            if (nameEnd == k)
            {
                var role = RoleReference(t, afterTitles, titles, determiner, country);
                if (role == t && found.Count > foundBefore)
                {
                    found.RemoveRange(foundBefore, found.Count - foundBefore);
                }

                return role;
            }

            if (modifierStart < titleStart)
            {
                var me = NamesAt(modifierStart, end, out var n2, out var mod2) ? mod2! : null;
                if (me is not null)
                {
                    AddName(modifierStart, n2, me, end, asModifier: true);
                }
            }

            var span = Span(k, nameEnd);
            var name = span.Of(text);
            Entity entity;
            if (NamesAt(k, nameEnd, out var pn, out var known) && pn == nameEnd - k && known!.Kind == NameKind.Person)
            {
                entity = Person(known.Canonical);
                entity.Code ??= known.Code;
            }
            else if (nameEnd - k == 1 && nameParts.TryGetValue(name, out var part))
            {
                entity = part;
            }
            else
            {
                entity = Person(name);
            }

            var titleNames = titles.Where(x => x.Agent is not null).Select(x => x.Title).ToList();
            var counterpart = titles.Any(x => x.Title.Equals("Counterpart", StringComparison.OrdinalIgnoreCase));
            if (counterpart)
            {
                // "his Chinese counterpart Wang Yi" holds the office of the person he is the counterpart of.
                titleNames.RemoveAll(x => x.Equals("Counterpart", StringComparison.OrdinalIgnoreCase));
                var other = LastPersonBefore(tokens[t].Start, entity);
                if (other is not null)
                {
                    titleNames.AddRange(LocalTitles(other));
                }
            }

            entity.AddTitles(titleNames.Select(Capitalise));
            Add(span, entity);
            var ofAt = nameEnd;
            if (country is null && ofAt + 1 < end && Word(ofAt) is "of" && IsCapitalWord(ofAt + 1)
                && NamesAt(ofAt + 1, end, out var cn, out var of) && of!.Kind == NameKind.Country)
            {
                // "Foreign Minister Bui Thanh Son of Vietnam"
                country = of.Country;
                AddName(ofAt + 1, cn, of, end, asModifier: true);
                nameEnd = ofAt + 1 + cn;
            }

            entity.Country ??= country;
            entity.Agent ??= titles.Select(x => x.Agent).FirstOrDefault(a => a is not null);
            if (affiliation is not null)
            {
                entity.Affiliation ??= affiliation;
            }

            return nameEnd;
        }

        /// <summary>The number of tokens of a title at <paramref name="k"/>, with a prefix such as "Deputy" or "Acting".</summary>
        private int TitleAt(int k, int end)
        {
            var p = k;
            while (p < end - 1 && Has(p, WordFlags.TitlePrefix) && data.TitlePrefixLookup.Contains(Word(p)))
            {
                p++;
            }

            return TitlesAt(p, end, out var n, out _) ? p - k + n : 0;
        }

        private int TitleLength(int k, int end)
        {
            var p = k;
            while (p < end - 1 && Has(p, WordFlags.TitlePrefix) && data.TitlePrefixLookup.Contains(Word(p)))
            {
                p++;
            }

            return TitlesAt(p, end, out var n, out _) ? n : 0;
        }

        private int RoleReference(int t, int k, List<TitleEntry> titles, bool determiner, string? country)
        {
            // "the foreign minister also met": a role named earlier with a person.
            if (!determiner || !Word(t).Equals("the", StringComparison.OrdinalIgnoreCase) || titles.Count != 1)
            {
                return t;
            }

            var wanted = titles[0].Title;
            for (var i = people.Count - 1; i >= 0; i--)
            {
                var p = people[i];
                if (p.Titles.Any(x => x.Equals(wanted, StringComparison.OrdinalIgnoreCase)) && (country is null || p.Country == country))
                {
                    Add(Span(t, k), p);
                    return k;
                }
            }

            return t;
        }

        private static List<string> LocalTitles(Entity e) => e.Titles;

        private Entity? LastPersonBefore(int offset, Entity except)
        {
            for (var i = found.Count - 1; i >= 0; i--)
            {
                if (found[i].Span.Start < offset && found[i].Entity.Type == MentionType.Person && found[i].Entity != except)
                {
                    return found[i].Entity;
                }
            }

            return null;
        }

        private int AddName(int t, int count, NameEntry entry, int end, bool asModifier = false)
        {
            var span = Span(t, t + count);
            switch (entry.Kind)
            {
                case NameKind.Country:
                    {
                        var e = Get(MentionType.Country, entry.Canonical);
                        e.Country = entry.Country;
                        e.Code = entry.Code;
                        Add(span, e);
                        return asModifier ? t + count : Modified(t + count, end, entry.Country);
                    }

                case NameKind.Demonym:
                    {
                        var e = Get(MentionType.Nationality, entry.Canonical);
                        e.Country = entry.Country;
                        e.Code = entry.Code;
                        Add(span, e);
                        return asModifier ? t + count : Modified(t + count, end, entry.Country);
                    }

                case NameKind.Capital when !asModifier && IsActing(t, count, end):
                    {
                        var e = Get(MentionType.Organization, "Government of " + (data.CountryNames.TryGetValue(entry.Country!, out var cn) ? cn : entry.Country));
                        e.Country = entry.Country;
                        e.Agent = "GOV";
                        Add(span, e);
                        return t + count;
                    }

                case NameKind.Town when asModifier:
                    return t + count;

                case NameKind.Capital or NameKind.City or NameKind.Region or NameKind.Town:
                    {
                        if (t + count < end && IsCapitalWord(t + count) && entry.Kind != NameKind.Region)
                        {
                            // "Cairo Declaration": the city names something else.
                            return t + count + 1;
                        }

                        var e = Get(MentionType.Place, entry.Canonical);
                        e.Country ??= entry.Country;
                        e.Code = entry.Country;
                        Add(span, e);
                        return t + count;
                    }

                case NameKind.Igo:
                    {
                        var e = Get(MentionType.Organization, entry.Canonical);
                        e.Code = entry.Code;
                        Add(span, e);
                        lastOrganisation = e;
                        return Acronym(t + count, end, e);
                    }

                case NameKind.Organisation:
                    {
                        var e = Get(MentionType.Organization, entry.Canonical);
                        e.Agent = entry.Agent;
                        e.Country ??= entry.Country ?? ModifierCountry(t);
                        Add(span, e);
                        lastOrganisation = e;
                        return Acronym(t + count, end, e);
                    }

                default:
                    {
                        var e = Person(entry.Canonical);
                        e.Code ??= entry.Code;
                        e.AddTitles(entry.Titles.Take(0));
                        Add(span, e);
                        return t + count;
                    }
            }
        }

        private string? ModifierCountry(int t)
        {
            // "Pakistan's Foreign Office", "the Chinese Foreign Ministry"
            var k = t - 1;
            if (k >= 0 && tokens[k].Kind == TokenKind.Possessive)
            {
                k--;
            }

            if (k >= 0 && found.Count > 0 && found[^1].Span.End == tokens[k].End && found[^1].Entity.Type is MentionType.Country or MentionType.Nationality)
            {
                return found[^1].Entity.Country;
            }

            return null;
        }

        private int Modified(int k, int end, string? country)
        {
            // A country or demonym before an organisation that has no country of its own.
            var m = k < end && tokens[k].Kind == TokenKind.Possessive ? k + 1 : k;
            if (m < end && char.IsUpper(text[tokens[m].Start]) && NamesAt(m, end, out var n, out var entry)
                && entry!.Kind == NameKind.Organisation && entry.Country is null)
            {
                var e = Get(MentionType.Organization, entry.Canonical);
                e.Agent = entry.Agent;
                e.Country ??= country;
                Add(Span(m, m + n), e);
                lastOrganisation = e;
                return Acronym(m + n, end, e);
            }

            return k;
        }

        private bool IsActing(int t, int count, int end)
        {
            if (t + count < end && IsCapitalWord(t + count))
            {
                return false;
            }

            if (t == 0)
            {
                return true;
            }

            var prev = tokens[t - 1];
            if (Has(t - 1, WordFlags.Locative))
            {
                return false;
            }

            // "Beijing and Islamabad", "in Beijing, Islamabad and Karachi": follow the first of the list.
            if (prev.Kind == TokenKind.Punct || Word(t - 1) is "and" or "or")
            {
                for (var i = found.Count - 1; i >= 0 && found[i].Span.End >= tokens[Math.Max(0, t - 2)].Start - 1; i--)
                {
                    if (found[i].Entity.Type == MentionType.Place)
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private int TryOrganisation(int t, int runEnd, int end)
        {
            // The run is an organisation when it ends in a head word ("Corporation", "Agency") or an acronym follows.
            var last = runEnd - 1;
            var head = OrgWord(last, out var agent);
            var acronymFollows = runEnd + 2 < end && text[tokens[runEnd].Start] == '(' && IsAcronymToken(runEnd + 1) && text[tokens[runEnd + 2].Start] == ')';
            if (!head && !acronymFollows)
            {
                // "Ministry of Foreign Affairs": the head comes first.
                if (!OrgWord(t, out agent) || runEnd - t < 3)
                {
                    return t;
                }
            }

            var start = t;
            while (start < runEnd && IsStopword(start))
            {
                start++;
            }

            if (runEnd - start < 2)
            {
                return t;
            }

            var span = Span(start, runEnd);
            var e = Get(MentionType.Organization, span.Of(text));
            e.Agent ??= agent;
            string? country = null;
            var countries = 0;
            for (var k = start; k < runEnd; k++)
            {
                if (NamesAt(k, runEnd, out var n, out var entry) && entry!.Kind is NameKind.Country or NameKind.Demonym)
                {
                    countries++;
                    country ??= entry.Country;
                    k += n - 1;
                }
            }

            if (countries == 1)
            {
                e.Country ??= country;
            }

            if (e.Country is null && start > 0 && ModifierCountry(start) is { } modifier)
            {
                e.Country = modifier;
            }

            Add(span, e);
            lastOrganisation = e;
            return Acronym(runEnd, end, e);
        }

        private int Acronym(int k, int end, Entity e)
        {
            if (k + 2 < end && text[tokens[k].Start] == '(' && IsAcronymToken(k + 1) && text[tokens[k + 2].Start] == ')')
            {
                var acronym = Word(k + 1).ToString();
                acronyms.TryAdd(acronym, e);
                Add(Span(k + 1, k + 2), e);
                return k + 3;
            }

            return k;
        }

        private bool IsAcronymToken(int k)
        {
            var tok = tokens[k];
            if (tok.Kind != TokenKind.Word || tok.Length < 2 || tok.Length > 8)
            {
                return false;
            }

            var w = text.AsSpan(tok.Start, tok.Length);
            var upper = 0;
            foreach (var c in w)
            {
                if (char.IsUpper(c))
                {
                    upper++;
                }
                else if (!char.IsDigit(c) && c != '.')
                {
                    return false;
                }
            }

            return upper >= 2;
        }

        private int CapitalisedRun(int t, int end)
        {
            // Capitalised words, with hyphens and small connectors between them ("Ministry of Foreign Affairs").
            var k = t;
            var last = t;
            while (k < end)
            {
                var tok = tokens[k];
                if (tok.Kind == TokenKind.Word && char.IsUpper(text[tok.Start]))
                {
                    k++;
                    last = k;
                    continue;
                }

                if (k > t && k + 1 < end && IsCapitalWord(k + 1) && (text[tok.Start] is '-' or '\u2013' && tok.Kind == TokenKind.Punct && tokens[k - 1].End == tok.Start
                    || Word(k) is "of" or "and" or "for" or "on"))
                {
                    k++;
                    continue;
                }

                if (k > t && k + 2 < end && Word(k) is "of" && Word(k + 1) is "the" && IsCapitalWord(k + 2))
                {
                    k += 2;
                    continue;
                }

                break;
            }

            return last;
        }

        private int ScanName(int k, int end, bool afterTitle = false)
        {
            // A person's name: one to four capitalised words, with particles such as "bin" inside.
            var start = k;
            var last = k;
            var words = 0;
            while (k < end && words < 4)
            {
                var tok = tokens[k];
                if (tok.Kind != TokenKind.Word)
                {
                    break;
                }

                var w = text.AsSpan(tok.Start, tok.Length);
                if (char.IsUpper(w[0]))
                {
                    var stop = IsStopword(k) && !(afterTitle && words == 0 && k + 1 < end && IsCapitalWord(k + 1) && !IsStopword(k + 1));
                    // A title inside a run of capitals starts the name after it ("Housing Minister Carmen Vidal").
                    if (stop || TitleAt(k, end) > 0)
                    {
                        break;
                    }

                    // A gazetteer town inside a name is part of the name ("Samia Suluhu Hassan", not the town of Hassan).
                    if (NamesAt(k, end, out var n, out var entry) && entry!.Kind is not (NameKind.Person or NameKind.Town))
                    {
                        break;
                    }

                    words++;
                    k++;
                    last = k;
                    continue;
                }

                if (words > 0 && Has(k, WordFlags.Particle) && data.ParticleLookup.Contains(w) && k + 1 < end && IsCapitalWord(k + 1))
                {
                    k++;
                    continue;
                }

                break;
            }

            if (words == 0 || last == start)
            {
                return start;
            }

            // An acronym alone is not a person's name.
            return last - start == 1 && IsAcronymToken(start) ? start : last;
        }

        private bool IsSpeechVerb(int k, int end) =>
            k < end && Has(k, WordFlags.SpeechVerb) && data.SpeechVerbLookup.Contains(Word(k));

        private bool IsAppositiveTitle(int k, int end, out TitleEntry? title, out string? country)
        {
            title = null;
            country = null;
            if (k + 2 >= end || text[tokens[k].Start] != ',')
            {
                return false;
            }

            var m = k + 1;
            if (Word(m) is "the" or "a" or "an")
            {
                m++;
            }

            if (m < end && NamesAt(m, end, out var n, out var entry) && entry!.Kind is NameKind.Demonym or NameKind.Country)
            {
                country = entry.Country;
                m += n;
                if (m < end && tokens[m].Kind == TokenKind.Possessive)
                {
                    m++;
                }
            }

            return m < end && TitlesAt(m, end, out _, out title) && title!.Agent is not null;
        }

        // Whether a country's name and its possessive stand right before token t ("Ghana's", "South Africa's"): what
        // follows is a place of that country as surely as after "in".
        private bool AfterCountrysPossessive(int t)
        {
            if (t < 2 || tokens[t - 1].Kind != TokenKind.Possessive)
            {
                return false;
            }

            // Country names run to a few words; the one that ends at the possessive.
            for (var k = Math.Max(0, t - 5); k <= t - 2; k++)
            {
                if (NamesAt(k, t - 1, out var n, out var country) && k + n == t - 1 && country!.Kind == NameKind.Country)
                {
                    return true;
                }
            }

            return false;
        }

        private bool Accept(int t, int count, NameEntry entry)
        {
            if (!char.IsUpper(text[tokens[t].Start]) && !char.IsDigit(text[tokens[t].Start]))
            {
                return false;
            }

            // A gazetteer town is a place where a place is expected ("in Kisumu", "near Tema", "Ghana's Tema"); elsewhere
            // the name may be a surname ("Jackson said") or part of another name, and is left to the rest of the pass.
            if (entry.Kind == NameKind.Town && (t == 0 || !Has(t - 1, WordFlags.Locative)) && !AfterCountrysPossessive(t))
            {
                return false;
            }

            if (entry.ExactCase)
            {
                for (var k = tokens[t].Start; k < tokens[t + count - 1].End; k++)
                {
                    if (char.IsLower(text[k]))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private Entity Person(string canonical)
        {
            var e = Get(MentionType.Person, canonical);
            if (e.Count == 0 && !people.Contains(e))
            {
                foreach (var part in canonical.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (part.Length > 1 && char.IsUpper(part[0]))
                    {
                        nameParts.TryAdd(part, e);
                    }
                }

                if (data.Names.TryMatch(canonical, Tokenizer.Tokenize(canonical), 0, int.MaxValue, out _, out var known) && known!.Kind == NameKind.Person)
                {
                    e.Code ??= known.Code;
                }
            }

            return e;
        }

        private Entity Get(MentionType type, string canonical)
        {
            var key = (type, canonical);
            if (!entities.TryGetValue(key, out var e))
            {
                e = new Entity(type, canonical);
                entities[key] = e;
            }

            return e;
        }

        private void Add(TextSpan span, Entity e)
        {
            found.Add(new Found(span, e));
            e.Count++;
            e.First = Math.Min(e.First, span.Start);
            if (e.Type == MentionType.Person)
            {
                people.Remove(e);
                people.Add(e);
            }
        }

        private bool IsCapitalWord(int k) => tokens[k].Kind == TokenKind.Word && char.IsUpper(text[tokens[k].Start]);

        private bool IsStopword(int k) => Has(k, WordFlags.Stopword) && data.StopwordLookup.Contains(Word(k));

        private ReadOnlySpan<char> Word(int k) => text.AsSpan(tokens[k].Start, tokens[k].Length);

        private TextSpan Span(int from, int to) => TextSpan.FromBounds(tokens[from].Start, tokens[to - 1].End);

        public ImmutableArray<Mention> Build()
        {
            // The two parties: the two countries (or capitals acting for them) named most, first named first.
            if (parties is not null)
            {
                var top = entities.Values.Where(e => e.Type is MentionType.Country || (e.Type == MentionType.Organization && e.Agent == "GOV" && e.Canonical.StartsWith("Government of ", StringComparison.Ordinal)))
                    .GroupBy(e => e.Country)
                    .Where(g => g.Key is not null)
                    .Select(g => (Name: data.CountryNames.GetValueOrDefault(g.Key!, g.Key!), Count: g.Sum(x => x.Count), First: g.Min(x => x.First)))
                    .OrderByDescending(x => x.Count).ThenBy(x => x.First).Take(2).OrderBy(x => x.First).ToList();
                if (top.Count == 2)
                {
                    parties.Members = [top[0].Name, top[1].Name];
                    parties.Canonical = top[0].Name + " and " + top[1].Name;
                }
            }

            if (document is not null)
            {
                var joint = found.Where(f => f.Entity == document).Select(f => f.Span.Of(text)).FirstOrDefault(s => s.Contains("joint", StringComparison.OrdinalIgnoreCase))
                    ?? found.First(f => f.Entity == document).Span.Of(text);
                document.Canonical = StripArticle(joint).ToLowerInvariant().Replace('\u00E9', 'e');
            }

            var result = ImmutableArray.CreateBuilder<Mention>(found.Count);
            found.Sort(static (x, y) => x.Span.Start != y.Span.Start ? x.Span.Start.CompareTo(y.Span.Start) : y.Span.Length.CompareTo(x.Span.Length));
            foreach (var f in found)
            {
                var e = f.Entity;
                var fixedValues = e.Fixed ??= ([.. e.Titles], e.Actor());

                result.Add(new Mention(f.Span, e.Type, e.Canonical, fixedValues.Titles, fixedValues.Actor, e.Members.IsDefault ? default : e.Members)
                {
                    Affiliation = e.Affiliation?.Canonical,
                });
            }

            return result.ToImmutable();
        }

        private static string StripArticle(string s) =>
            s.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? s[4..] : s.StartsWith("a ", StringComparison.OrdinalIgnoreCase) ? s[2..] : s;

        private static string Capitalise(string s) => s.Length > 0 && char.IsLower(s[0]) ? string.Join(' ', s.Split(' ').Select(w => w.Length > 2 && w is not ("of" or "and" or "the" or "for") ? char.ToUpperInvariant(w[0]) + w[1..] : w)) : s;
    }
}
