using System.Collections.Frozen;
using Dossier.Model;

namespace Dossier.Events;

/// <summary>What the CAMEO table says of one event code.</summary>
/// <param name="Code">The code ("0311").</param>
/// <param name="Name">Its short name.</param>
/// <param name="QuadClass">1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.</param>
/// <param name="Goldstein">Goldstein weight, -10 to +10.</param>
/// <param name="Modality">Whether the code is an act, a pledge, an appeal or a statement.</param>
/// <param name="PloverType">PLOVER event type (AGREE, CONSULT…), when mapped.</param>
/// <param name="PloverMode">PLOVER mode (visit, phone…), when given.</param>
public sealed record CameoCodeInfo(string Code, string Name, int QuadClass, double Goldstein, EventModality Modality, string? PloverType, string? PloverMode);

/// <summary>The CAMEO code table with Goldstein weights and the CAMEO to PLOVER mapping (data/cameo/*.tsv).</summary>
public sealed class CameoTable
{
    private readonly FrozenDictionary<string, CameoCodeInfo> _codes;

    private CameoTable(FrozenDictionary<string, CameoCodeInfo> codes) => _codes = codes;

    /// <summary>The built-in table.</summary>
    public static CameoTable BuiltIn { get; } = Load();

    /// <summary>All codes.</summary>
    public IEnumerable<CameoCodeInfo> Codes => _codes.Values.OrderBy(c => c.Code, StringComparer.Ordinal);

    /// <summary>The entry of a code; codes the table lacks (user dictionaries may have "0874" or "174K") take their longest known prefix.</summary>
    public CameoCodeInfo? Lookup(string code)
    {
        if (_codes.TryGetValue(code, out var info)) return info;
        for (var n = code.Length - 1; n >= 2; n--)
        {
            if (_codes.TryGetValue(code[..n], out var parent)) return parent with { Code = code };
        }
        return null;
    }

    private static CameoTable Load()
    {
        var plover = new Dictionary<string, (string Type, string Mode)>(StringComparer.Ordinal);
        foreach (var f in EmbeddedData.Rows("cameo/plover.tsv", skipHeader: true))
        {
            if (f.Length >= 2) plover[f[0]] = (f[1], f.Length > 2 ? f[2] : "");
        }
        var codes = new Dictionary<string, CameoCodeInfo>(StringComparer.Ordinal);
        foreach (var f in EmbeddedData.Rows("cameo/codes.tsv", skipHeader: true))
        {
            if (f.Length < 6) continue;
            var code = f[0];
            (string Type, string Mode)? p = null;
            for (var n = code.Length; n >= 2 && p is null; n--) if (plover.TryGetValue(code[..n], out var hit)) p = hit;
            codes[code] = new CameoCodeInfo(code, f[1], int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture), ParseModality(f[5]),
                string.IsNullOrEmpty(p?.Type) ? null : p.Value.Type, string.IsNullOrEmpty(p?.Mode) ? null : p.Value.Mode);
        }
        return new CameoTable(codes.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static EventModality ParseModality(string s) => s switch
    {
        "pledge" => EventModality.Pledge,
        "appeal" => EventModality.Appeal,
        "statement" => EventModality.Statement,
        _ => EventModality.Act,
    };
}
