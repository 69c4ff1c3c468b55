using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Dossier.Benchmarks;

/// <summary>
/// Real-length news for speed runs: the 181 article bodies of the extraction benchmark (read from
/// <c>../shared/eval/article-extraction-benchmark/ground-truth.json</c> at run time, never copied into the repo)
/// recombined into N reports, in stories of about <c>copies</c> reports each. A story is one body carried by
/// many sites: about half verbatim, the rest with a dateline or a wire credit added, a paragraph dropped or two
/// neighbouring paragraphs swapped, as syndicated copies are. Seeded: same arguments, same corpus.
/// </summary>
public static class RealLengthCorpus
{
    /// <summary>One generated report, in the fields Dossier's JSONL reader takes.</summary>
    public sealed record Report(string Url, string Title, string Published, string Outlet, string Text);

    private static readonly string[] Cities = ["LONDON", "WASHINGTON", "PARIS", "NEW YORK", "BERLIN", "TOKYO", "SYDNEY", "NAIROBI"];
    private static readonly string[] Agencies = ["Wire", "Newswire", "Press", "News Service"];

    /// <summary>The benchmark bodies, in the file's key order; null when the shared data is not there.</summary>
    public static IReadOnlyList<string>? Bodies(string? path = null)
    {
        path ??= SharedFile("eval/article-extraction-benchmark/ground-truth.json");
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return [.. doc.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Value.GetProperty("articleBody").GetString() ?? "")
            .Where(b => b.Length > 500)];
    }

    /// <summary>Generates <paramref name="n"/> reports in stories of about <paramref name="copies"/> reports, in publication order.</summary>
    public static List<Report> Generate(IReadOnlyList<string> bodies, int n, int copies, int seed = 16)
    {
        var random = new Random(seed);
        var stories = Math.Max(1, (n + copies - 1) / copies);
        var start = new DateOnly(2026, 1, 5);
        var reports = new List<(DateOnly Day, int Order, Report Report)>(n);
        for (var k = 0; k < n; k++)
        {
            var story = k % stories;
            var copy = k / stories;
            var body = bodies[story % bodies.Count];

            // Six stories open a day; a story's reports come out over its first two days.
            var day = start.AddDays((story / 6) + random.Next(2));
            var paragraphs = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            var text = Vary(paragraphs, copy, random);
            var outlet = string.Create(CultureInfo.InvariantCulture, $"site{(story * 7919 + copy * 104729) % 5000}.example");
            var title = paragraphs[0].Length > 90 ? paragraphs[0][..90] : paragraphs[0];
            var url = string.Create(CultureInfo.InvariantCulture, $"https://{outlet}/{day:yyyy/MM/dd}/story-{story}-{copy}");
            reports.Add((day, random.Next(), new Report(url, title, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), outlet, text)));
        }

        return [.. reports.OrderBy(r => r.Day).ThenBy(r => r.Order).Select(r => r.Report)];
    }

    /// <summary>Writes reports as JSONL.</summary>
    public static void WriteJsonl(IEnumerable<Report> reports, string path)
    {
        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream);
        var newline = "\n"u8.ToArray();
        foreach (var r in reports)
        {
            writer.WriteStartObject();
            writer.WriteString("url", r.Url);
            writer.WriteString("title", r.Title);
            writer.WriteString("published", r.Published);
            writer.WriteString("outlet", r.Outlet);
            writer.WriteString("text", r.Text);
            writer.WriteEndObject();
            writer.Flush();
            stream.Write(newline);
            writer.Reset();
        }
    }

    /// <summary><c>real-corpus N COPIES OUT.jsonl [GROUND_TRUTH]</c>: writes a corpus for <c>dossier analyze</c>.</summary>
    public static int Run(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: real-corpus N COPIES OUT.jsonl [ground-truth.json]");
            return 2;
        }

        var bodies = Bodies(args.Length > 3 ? args[3] : null);
        if (bodies is null)
        {
            Console.Error.WriteLine("real-corpus: ../shared/eval/article-extraction-benchmark/ground-truth.json not found");
            return 2;
        }

        var reports = Generate(bodies, int.Parse(args[0], CultureInfo.InvariantCulture), int.Parse(args[1], CultureInfo.InvariantCulture));
        WriteJsonl(reports, args[2]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{reports.Count} reports, {reports.Sum(r => Encoding.UTF8.GetByteCount(r.Text)) / reports.Count} bytes of text each on average"));
        return 0;
    }

    /// <summary>A file under the shared directory, looked for upwards from the working and the base directory.</summary>
    public static string? SharedFile(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static string Vary(List<string> paragraphs, int copy, Random random)
    {
        // The first copy is the original; the others are edited as syndication edits.
        var edited = new List<string>(paragraphs);
        if (copy > 0)
        {
            switch (random.Next(6))
            {
                case 0:
                    edited[0] = Cities[random.Next(Cities.Length)] + " (" + Agencies[random.Next(Agencies.Length)] + ") - " + edited[0];
                    break;
                case 1 when edited.Count > 3:
                    edited.RemoveAt(1 + random.Next(edited.Count - 2));
                    break;
                case 2 when edited.Count > 3:
                    var i = 1 + random.Next(edited.Count - 2);
                    (edited[i], edited[i - 1]) = (edited[i - 1], edited[i]);
                    break;
                default:
                    break;
            }
        }

        return string.Join("\n\n", edited);
    }
}
