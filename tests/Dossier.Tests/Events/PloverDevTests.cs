using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dossier.Events;
using Dossier.Testing;

namespace Dossier.Tests.Events;

/// <summary>
/// The PLOVER gold records, development half (<c>../shared/eval/plover-dev</c>): real news sentences with their
/// PLOVER type and actors, scored as <c>score_plover.py</c> scores <c>dossier code</c> (CAMEO codes mapped with the
/// published CAMEO2PLOVER-2021 table, longest prefix first). The test holds the figures reached, so a change that
/// loses ground fails; the bars themselves are in docs/EVALUATION.md.
/// </summary>
[Trait("Category", SharedData.Category)]
public partial class PloverDevTests(ITestOutputHelper output)
{
    // Reached on 2026-12-05 (issue 17); raise them as the coder gains, never lower them to pass.
    private const int RecallHits = 116; // 70.7% of 164 (the bar of issue 17 is 70%)
    private const double Precision = 0.85;
    private const double ActorsOnHits = 0.85;

    // The gold file uses PLOVER 0.5 names; the 2021 table renamed four types (as the scorer does).
    private static readonly Dictionary<string, string> s_renamed = new(StringComparer.Ordinal)
    {
        ["DEMAND"] = "REQUEST", ["DISAPPROVE"] = "ACCUSE", ["INVESTIGATE"] = "ACCUSE", ["FIGHT"] = "ASSAULT",
    };

    // Legacy and mistyped country codes in the gold file, as the scorer reads them.
    private static readonly Dictionary<string, string> s_alias = new(StringComparer.Ordinal)
    {
        ["JAP"] = "JPN", ["UK"] = "GBR", ["GER"] = "DEU", ["SPA"] = "ESP", ["ROM"] = "ROU", ["SWZ"] = "CHE", ["ITL"] = "ITA", ["VTN"] = "VNM",
    };

    [GeneratedRegex(@"^(\d{2,4})\s*:\s*([A-Z_]+)")]
    private static partial Regex MappingLine();

    private static string Country(string? code)
    {
        var c = (code ?? "").ToUpperInvariant();
        c = c.Length > 3 ? c[..3] : c;
        return s_alias.GetValueOrDefault(c, c);
    }

    private static HashSet<string>? Countries(JsonElement record, string name)
    {
        if (!record.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array) return null;
        var set = list.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object && a.TryGetProperty("code", out _))
            .Select(a => Country(a.GetProperty("code").GetString())).ToHashSet(StringComparer.Ordinal);
        return set.Count > 0 ? set : null;
    }

    [Fact]
    public void Development_half_holds_the_reached_figures()
    {
        var gold = SharedData.Require("eval/plover-dev/plover-gsr-dev.json");
        var mapping = SharedData.Require("eval/cameo/CAMEO2PLOVER-2021.txt");
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(mapping))
        {
            var m = MappingLine().Match(line.Split('#')[0].Trim());
            if (m.Success) table.TryAdd(m.Groups[1].Value, m.Groups[2].Value);
        }
        string? TypeOf(string code)
        {
            for (var n = code.Length; n > 0; n--) if (table.TryGetValue(code[..n], out var t)) return t;
            return null;
        }

        var coder = new CameoEventCoder();
        using var doc = JsonDocument.Parse(File.ReadAllText(gold));
        int records = 0, hits = 0, emitted = 0, right = 0, actorsRight = 0;
        foreach (var r in doc.RootElement.EnumerateArray())
        {
            if (r.GetProperty("event").GetString() is not { Length: > 0 } type || r.GetProperty("text").GetString() is not { Length: > 0 } text) continue;
            records++;
            var want = s_renamed.GetValueOrDefault(type, type);
            var date = DateOnly.ParseExact(r.TryGetProperty("date", out var d) ? d.GetString()! : "2000-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var events = coder.CodeSentence(text, date);
            emitted += events.Count;
            var hit = events.Where(e => TypeOf(e.Code) == want).ToList();
            right += hit.Count;
            if (hit.Count == 0) continue;
            hits++;
            var sources = Countries(r, "source");
            var targets = Countries(r, "target");
            if (hit.Exists(e => (sources is null || sources.Contains(Country(e.Source.Code))) && (targets is null || targets.Contains(Country(e.Target.Code))))) actorsRight++;
        }

        var precision = emitted == 0 ? 0 : (double)right / emitted;
        var actors = hits == 0 ? 0 : (double)actorsRight / hits;
        output.WriteLine($"records {records}: type recall {hits}/{records}, type precision {right}/{emitted} = {precision:P1}, actors right on hits {actorsRight}/{hits} = {actors:P1}");
        Assert.True(records >= 160, $"only {records} records read");
        Assert.True(hits >= RecallHits, $"type recall {hits}/{records} fell below {RecallHits}");
        Assert.True(precision >= Precision, $"type precision {precision:P1} fell below {Precision:P0}");
        Assert.True(actors >= ActorsOnHits, $"actors right on {actors:P1} of hits, below {ActorsOnHits:P0}");
    }
}
