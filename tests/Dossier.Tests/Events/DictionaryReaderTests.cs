using System.Diagnostics;
using Dossier.Events;
using Dossier.Events.Dictionaries;
using Dossier.Testing;

namespace Dossier.Tests.Events;

public class DictionaryReaderTests(ITestOutputHelper output)
{
    [Fact]
    public void Actor_codes_follow_their_date_bounds()
    {
        const string text = "GOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\n";
        var d = ActorDictionary.Parse(new StringReader(text));
        var e = d.Lookup("Smeagol")!;
        Assert.Equal("HOB", e.CodeOn(new DateOnly(1994, 1, 1)));
        Assert.Equal("HOBGOV", e.CodeOn(new DateOnly(1997, 1, 1)));
        Assert.Equal("HOBREB", e.CodeOn(new DateOnly(2001, 1, 1)));
    }

    [Fact]
    public void A_dictionary_loaded_after_its_words_were_read_still_matches_them()
    {
        // The tokenizer keeps each word's dictionary number in its memo: a word first read when no dictionary
        // used it must be found once a dictionary that uses it is loaded.
        const string sentence = "Qwerzistan condemned Frobnovia on Tuesday.";
        Assert.Empty(new CameoEventCoder().CodeSentence(sentence));
        var actors = ActorDictionary.Parse(new StringReader("QWERZISTAN [QWZ]\nFROBNOVIA [FRB]\n"));
        var builtIn = CoderDictionaries.BuiltIn;
        var coder = new CameoEventCoder(new CoderDictionaries(builtIn.Verbs, actors, builtIn.Agents, builtIn.Discards));
        var e = Assert.Single(coder.CodeSentence(sentence));
        Assert.Equal(("QWZ", "FRB"), (e.Source.Code, e.Target.Code));
        Assert.StartsWith("11", e.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void Agents_get_regular_plurals_unless_braces_say_otherwise()
    {
        const string text = "!PERSON! = MAN, WOMAN\nPOLICE {} [~COP]\nSOLDIER [~MIL]\nCONGRESS!PERSON! [~LEG]\nMSF {} [NGO~]\n";
        var d = AgentDictionary.Parse(new StringReader(text));
        Assert.Equal("MIL", d.Lookup("soldiers")!.Code);
        Assert.Null(d.Lookup("polices"));
        Assert.Equal("LEG", d.Lookup("congresswomen")!.Code);
        Assert.True(d.Lookup("MSF")!.Prefix);
    }

    [Fact]
    public void Verb_patterns_read_synsets_codes_and_multiword_verbs()
    {
        const string text = "&TIES\n+DIPLOMATIC_TIES\n+RELATIONS\n\n--- CUT [---] ---\nCUT\n+BREAK_OFF {+BROKE_OFF}\n- * &TIES [161]\n- % * [030:030]\n";
        var d = VerbDictionary.Parse(new StringReader(text));
        var form = d.Lookup("broke off")!;
        Assert.Equal("CUT", form.Family.Name);
        Assert.True(form.DefaultCode is null || form.DefaultCode.IsNull);
        Assert.Equal(2, form.Family.Patterns.Count);
        Assert.Equal("161", form.Family.Patterns[0].Code.Forward);
        Assert.Equal("030", form.Family.Patterns[1].Code.Reverse);
        Assert.NotNull(d.Lookup("cutting"));
    }

    [Fact]
    public void Every_builtin_code_is_in_the_cameo_table()
    {
        foreach (var family in CoderDictionaries.BuiltIn.Verbs.Families)
        {
            foreach (var code in new[] { family.Code }.Concat(family.Patterns.Select(p => p.Code)))
            {
                if (code is null) continue;
                foreach (var c in new[] { code.Forward, code.Reverse })
                {
                    if (c is not null) Assert.True(CameoTable.BuiltIn.Lookup(c) is { } info && info.Code == c && info.Name.Length > 0, $"{family.Name}: {c} is not a CAMEO code");
                }
            }
        }
    }

    [Fact]
    public void Builtin_lexicon_covers_all_twenty_root_categories()
    {
        var roots = CoderDictionaries.BuiltIn.Verbs.Families
            .SelectMany(f => new[] { f.Code }.Concat(f.Patterns.Select(p => p.Code)))
            .Where(c => c?.Forward is not null).Select(c => c!.Forward![..2]).ToHashSet();
        Assert.Equal(20, Enumerable.Range(1, 20).Count(r => roots.Contains(r.ToString("00", System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    [Trait("Category", SharedData.Category)]
    public void Full_phoenix_dictionaries_load_in_under_two_seconds()
    {
        var dir = Path.Combine(SharedData.Require("eval/petrarch/dictionaries"));
        // CPU time, not wall time: the shared build machine runs many processes on two cores.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var d = CoderDictionaries.FromFiles(Path.Combine(dir, "CAMEO.2.0.txt"),
            [Path.Combine(dir, "Phoenix.Countries.actors.txt"), Path.Combine(dir, "Phoenix.International.actors.txt"), Path.Combine(dir, "Phoenix.MilNonState.actors.txt")],
            Path.Combine(dir, "Phoenix.agents.txt"), Path.Combine(dir, "Phoenix.discards.txt"));
        sw.Stop();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        output.WriteLine($"Phoenix dictionaries: {d.Verbs.FormCount} verb forms, {d.Verbs.Families.Count} verb blocks, {d.Actors.Count} actor phrases, {d.Agents.Count} agent phrases, {d.Discards.Count} discards in {sw.ElapsedMilliseconds} ms wall, {used.TotalMilliseconds:F0} ms CPU");
        Assert.True(d.Actors.Count > 30_000 && d.Verbs.FormCount > 5_000, "dictionaries not fully read");
        Assert.True(used < TimeSpan.FromSeconds(2), $"loading took {used.TotalMilliseconds:F0} ms of CPU");
        var coder = new CameoEventCoder(d, CoderOptions.Petrarch);
        Assert.Contains(coder.CodeSentence("Pakistan condemned India on Monday.", new DateOnly(2014, 1, 6)), e => e.Source.Code.StartsWith("PAK", StringComparison.Ordinal) && e.Target.Code.StartsWith("IND", StringComparison.Ordinal));
    }
}
