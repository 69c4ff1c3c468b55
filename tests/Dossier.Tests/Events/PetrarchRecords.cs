using System.Text.RegularExpressions;

namespace Dossier.Tests.Events;

/// <summary>One record of PETRARCH's unit-test file: the text and the expected (source, target, code) set.</summary>
internal sealed record PetrarchRecord(string Id, string Category, DateOnly Date, string Text, IReadOnlySet<(string Source, string Target, string Code)> Expected, bool Disabled, string? Error);

/// <summary>Reads <c>PETR.UnitTest.records.xml</c> in file order, keeping only the text (never the parse).</summary>
internal static partial class PetrarchRecords
{
    public static List<PetrarchRecord> Read(string path)
    {
        var xml = File.ReadAllText(path);
        // Comments may hold sample records; drop them first.
        xml = CommentRegex().Replace(xml, "");
        var list = new List<PetrarchRecord>();
        foreach (Match m in SentenceRegex().Matches(xml))
        {
            var attrs = m.Groups[1].Value;
            var body = m.Groups[2].Value;
            var id = Attr(attrs, "id") ?? "?";
            var category = Attr(attrs, "category") ?? "";
            var d = Attr(attrs, "date") ?? "19950101";
            var date = new DateOnly(int.Parse(d[..4]), int.Parse(d[4..6]), int.Parse(d[6..8]));
            var text = string.Join(' ', TextRegex().Match(body).Groups[1].Value.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
            text = text.Replace("&amp;", "&", StringComparison.Ordinal).Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal);
            var expected = new HashSet<(string, string, string)>();
            string? error = null;
            foreach (Match e in CodingRegex().Matches(body))
            {
                var a = e.Groups[1].Value;
                var code = Attr(a, "eventcode");
                if (Attr(a, "error") is { } err) error = err;
                if (code is null) continue;
                expected.Add(((Attr(a, "sourcecode") ?? "").Trim('"'), (Attr(a, "targetcode") ?? "").Trim('"'), code));
            }
            list.Add(new PetrarchRecord(id, category, date, text, expected, Attr(attrs, "sentence") == "false", error));
        }
        return list;
    }

    private static string? Attr(string attrs, string name)
    {
        var m = Regex.Match(attrs, name + @"\s*=\s*(?:""([^""]*)""|'([^']*)')");
        return m.Success ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) : null;
    }

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex CommentRegex();

    [GeneratedRegex(@"<Sentence\s(.*?)>(.*?)</Sentence>", RegexOptions.Singleline)]
    private static partial Regex SentenceRegex();

    [GeneratedRegex(@"<Text>(.*?)</Text>", RegexOptions.Singleline)]
    private static partial Regex TextRegex();

    [GeneratedRegex(@"<EventCoding\s(.*?)>", RegexOptions.Singleline)]
    private static partial Regex CodingRegex();
}
