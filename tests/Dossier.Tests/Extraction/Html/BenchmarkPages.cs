using System.IO.Compression;
using System.Text.Json;
using Dossier.Testing;

namespace Dossier.Tests.Extraction.Html;

/// <summary>The 181-page article-extraction benchmark in <c>../shared/eval</c>, read at test time (never copied).</summary>
internal static class BenchmarkPages
{
    public const string Folder = "eval/article-extraction-benchmark";

    /// <summary>Page id to expected article body.</summary>
    public static Dictionary<string, string> Truth()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.Require(Folder + "/ground-truth.json")));
        return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("articleBody").GetString() ?? "", StringComparer.Ordinal);
    }

    /// <summary>A peer's published outputs (<c>peer-output/NAME.json</c>): page id to extracted body.</summary>
    public static Dictionary<string, string> Peer(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.Require(Folder + "/peer-output/" + name + ".json")));
        var root = doc.RootElement.TryGetProperty("output", out var output) ? output : doc.RootElement;
        return root.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("articleBody", out var body) ? body.GetString() ?? "" : p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : "",
            StringComparer.Ordinal);
    }

    /// <summary>Page id to HTML.</summary>
    public static IEnumerable<(string Id, string Html)> Pages()
    {
        foreach (var file in Directory.GetFiles(SharedData.Require(Folder + "/html"), "*.html.gz").Order(StringComparer.Ordinal))
        {
            using var gz = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var reader = new StreamReader(gz);
            yield return (Path.GetFileName(file)[..^".html.gz".Length], reader.ReadToEnd());
        }
    }
}
