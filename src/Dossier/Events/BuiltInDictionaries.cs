using Dossier.Events.Dictionaries;

namespace Dossier.Events;

/// <summary>
/// Dossier's own dictionaries, from the TSV files in <c>data/verbs</c> and <c>data/cameo</c> embedded in the
/// library, compiled once into the same tries the PETRARCH readers build.
/// </summary>
internal static class BuiltInDictionaries
{
    public static CoderDictionaries Load()
    {
        // The actor tables (Phoenix's above all) are the larger half of start-up: they compile on another core
        // while the verbs compile here. Each builds its own objects, so the result does not depend on timing.
        var actors = Task.Run(LoadActors);
        var verbs = LoadVerbs();
        return new(verbs, actors.GetAwaiter().GetResult(), LoadAgents(), LoadDiscards());
    }

    private static VerbDictionary LoadVerbs()
    {
        var d = new VerbDictionary();
        // CAMEO 2.0's blocks first (compiled by data/build/phoenix.py); our lexicon, read after, refines the
        // verbs both name, since a later entry for a form replaces the earlier one.
        using (var cameo = EmbeddedData.Open("verbs/cameo2.txt")) d.Read(cameo);
        // Only our lexicon says which verbs are mutual ("X and Y met"); a joint subject of another verb is no dyad.
        foreach (var f in d.Families) f.Mutual = false;
        VerbFamily? family = null;
        foreach (var f in EmbeddedData.Rows("verbs/lexicon.tsv", skipHeader: false))
        {
            switch (f[0])
            {
                case "&" when f.Length >= 3:
                    d.AddSynset(f[1], SplitList(f[2]));
                    break;
                case "=" when f.Length >= 4:
                    family = d.AddFamily(f[1], VerbCode.Parse(f[2]));
                    // "mutual": a joint subject acts on itself; "joint": only when no other actor is named.
                    family.Mutual = f.Length > 4 && f[4] == "mutual" ? true : f.Length > 4 && f[4] == "joint" ? null : false;
                    foreach (var verb in SplitVerbs(f[3]))
                    {
                        var (head, irregular) = verb;
                        d.AddVerb(family, head, null, irregular);
                    }
                    break;
                case ">" when f.Length >= 2:
                    // "> EXCLUDE": further patterns for a CAMEO 2.0 block, which keeps its verbs, code and patterns.
                    family = d.Families.LastOrDefault(x => string.Equals(x.Name, f[1], StringComparison.Ordinal));
                    break;
                case "-" when f.Length >= 3 && family is not null:
                    d.AddPattern(family, f[1], f[2]);
                    break;
            }
        }
        d.Complete();
        return d;
    }

    private static ActorDictionary LoadActors()
    {
        var d = new ActorDictionary();
        // One actor system: the language stage's own tables (data/actors) come first, so the coder and the
        // mentions resolve a name the same way. A capital acting is its government ("Tokyo praised Seoul": JPNGOV).
        // The first entry for a phrase wins, so each list below only adds what the ones above lack.
        foreach (var f in EmbeddedData.Rows("actors/countries.tsv", skipHeader: false))
        {
            if (f.Length < 2 || f[0].Length != 3) continue;
            var entry = new ActorEntry(f[1], [new ActorCode(f[0], null, null)]);
            d.Add(f[1], entry);
            for (var c = 2; c < f.Length && c <= 3; c++) foreach (var n in SplitSemi(f[c])) d.Add(n, entry);
            if (f.Length > 4)
            {
                var government = new ActorEntry(f[1], [new ActorCode(f[0] + "GOV", null, null)]);
                foreach (var n in SplitSemi(f[4])) d.Add(n, government);
            }
        }
        foreach (var f in EmbeddedData.Rows("actors/igos.tsv", skipHeader: false))
        {
            if (f.Length < 2) continue;
            var entry = new ActorEntry(f[1], [new ActorCode(f[0], null, null)]);
            d.Add(f[1], entry);
            if (f.Length > 2) foreach (var n in SplitSemi(f[2])) d.Add(n, entry);
        }
        foreach (var f in EmbeddedData.Rows("actors/people.tsv", skipHeader: false))
        {
            if (f.Length >= 2 && f[1].Length >= 3) d.Add(f[0], new ActorEntry(f[0], [new ActorCode(f[1], null, null)]));
        }
        foreach (var f in EmbeddedData.Rows("actors/cities.tsv", skipHeader: false))
        {
            if (f.Length >= 2 && f[1].Length == 3) d.Add(f[0], new ActorEntry(f[0], [new ActorCode(f[1], null, null)]));
        }
        // The coder's own list: organisations, armed groups and office holders the language tables lack.
        foreach (var f in EmbeddedData.Rows("cameo/actors.tsv", skipHeader: true))
        {
            if (f.Length < 2) continue;
            var names = SplitList(f[1]);
            if (names.Count == 0) continue;
            var entry = new ActorEntry(names[0], [new ActorCode(f[0], null, null)]);
            foreach (var n in names)
            {
                d.Add(n, entry);
                // Nationalities name people too: "Afghans", "Pakistanis", "Colombians".
                if (n.Length > 4 && (n.EndsWith("an", StringComparison.Ordinal) || n.EndsWith('i')) && char.IsUpper(n[0]) && !n.Contains(' ', StringComparison.Ordinal)) d.Add(n + "s", entry);
            }
        }
        // The Phoenix dictionaries (compiled by data/build/phoenix.py): countries with dated office holders,
        // international and non-state actors. Read last, so every list above wins on a shared phrase.
        using (var phoenix = EmbeddedData.Open("cameo/phoenix.txt")) d.Read(phoenix);
        return d;
    }

    private static IEnumerable<string> SplitSemi(string s) =>
        s.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(x => x.Length > 0);

    private static AgentDictionary LoadAgents()
    {
        var d = new AgentDictionary();
        foreach (var f in EmbeddedData.Rows("cameo/agents.tsv", skipHeader: true))
        {
            if (f.Length < 3) continue;
            var prefix = f[1] == "prefix";
            foreach (var phrase in SplitList(f[2]))
            {
                // A phrase ending in '!' takes no generated plural (it is already plural or a mass noun).
                var noPlural = phrase.EndsWith('!');
                var p = phrase.TrimEnd('!');
                d.Add(p, new AgentEntry(p, f[0], prefix), !noPlural);
                // "Vice-President", "Prime-Minister": a two-word role is also written as one hyphenated word.
                if (p.Count(c => c == ' ') == 1) d.Add(p.Replace(' ', '-'), new AgentEntry(p, f[0], prefix), !noPlural);
            }
        }
        return d;
    }

    private static DiscardDictionary LoadDiscards()
    {
        var d = new DiscardDictionary();
        foreach (var f in EmbeddedData.Rows("verbs/discards.tsv", skipHeader: true))
        {
            if (f.Length >= 2) d.Add(f[1], f[0] == "story");
        }
        return d;
    }

    private static List<string> SplitList(string s) =>
        [.. s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(x => x.Length > 0)];

    /// <summary>"meet {met meeting}, hold talks" -> verbs with their irregular forms.</summary>
    private static IEnumerable<(string Head, string[]? Irregular)> SplitVerbs(string s)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= s.Length; i++)
        {
            if (i < s.Length && s[i] == '{') depth++;
            else if (i < s.Length && s[i] == '}') depth--;
            else if (i == s.Length || (s[i] == ',' && depth == 0))
            {
                var item = s[start..i].Trim();
                start = i + 1;
                if (item.Length == 0) continue;
                var b = item.IndexOf('{', StringComparison.Ordinal);
                if (b < 0) { yield return (item, null); continue; }
                var e = item.IndexOf('}', b);
                var forms = item[(b + 1)..(e < 0 ? item.Length : e)].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                yield return (item[..b].Trim(), forms);
            }
        }
    }
}
