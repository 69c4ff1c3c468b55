using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dossier.Extraction.Html;
using Dossier.Extraction.Text;
using Dossier.Reading;
using SharpFuzz;

namespace Dossier.Fuzz;

/// <summary>
/// Fuzz harnesses for the readers and the HTML extractor. Each harness takes any bytes and must neither throw
/// nor hang: bad input is an error item or an error outcome, never an exception.
/// <list type="bullet">
/// <item><c>afl NAME</c>: SharpFuzz's AFL entry point (run under <c>afl-fuzz</c> on an instrumented Dossier.Core.dll).</item>
/// <item><c>libfuzzer NAME</c>: SharpFuzz's libFuzzer entry point (run under libfuzzer-dotnet).</item>
/// <item><c>mutate NAME EXECUTIONS CORPUS FINDINGS [SEED]</c>: an in-process mutation driver (no coverage feedback)
/// for machines without the native tooling.</item>
/// </list>
/// </summary>
public static class Program
{
    private static readonly ReaderOptions Options = new() { MaxDocumentBytes = 1024 * 1024 };

    /// <summary>The harnesses by name.</summary>
    public static readonly IReadOnlyDictionary<string, Action<byte[]>> Harnesses = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["sniffer"] = bytes =>
        {
            ContentSniffer.Sniff(bytes);
            ContentSniffer.SniffText(Encoding.Latin1.GetString(bytes));
            ContentSniffer.BinaryKind(bytes);
        },
        ["charset"] = bytes =>
        {
            // The first byte picks a declared charset (as a WARC's HTTP header would give one), the rest is the body.
            string?[] labels = [null, "utf-8", "iso-8859-1", "windows-1251", "shift_jis", "gb2312", "utf-16", "euc-kr", "x-bogus", ""];
            var declared = bytes.Length > 0 ? labels[bytes[0] % labels.Length] : null;
            ContentDecoder.TryDecode(bytes, declared, out _, out _);
        },
        ["html"] = bytes =>
        {
            // Everything the HTML extractor does but the language guess (Lingua, a library, at about a millisecond a call).
            var html = Encoding.UTF8.GetString(bytes);
            var (tree, head) = HtmlArticleExtractor.Parse(html);
            var meta = HtmlMetadata.Read(head, tree);
            var content = MainContent.Extract(tree, meta.TitleVariants, ChromePhrases.Default);
            WireMarks.Read(content.Text);
        },
        ["feed"] = bytes => Drain(FeedReader.Read("fuzz.xml", Encoding.UTF8.GetString(bytes))),
        ["warc"] = bytes => Drain(new WarcReader(new MemoryStream(bytes), "fuzz.warc", Options).Read()),
        ["jsonl"] = bytes => Drain(new JsonlReader(new MemoryStream(bytes), "fuzz.jsonl", Options).Read()),
        ["input"] = bytes => Drain(new InputReader(Options).Read("fuzz.bin", new MemoryStream(bytes))),
    };

    private static void Drain(IEnumerable<Model.ReadItem> items)
    {
        foreach (var item in items)
        {
            if (item.Document is null == (item.Error is null))
            {
                throw new InvalidOperationException("an item must be a document or an error");
            }
        }
    }

    public static int Main(string[] args)
    {
        if (args.Length >= 2 && Harnesses.TryGetValue(args[1], out var harness))
        {
            switch (args[0])
            {
                case "afl":
                    Fuzzer.Run(stream =>
                    {
                        using var copy = new MemoryStream();
                        stream.CopyTo(copy);
                        harness(copy.ToArray());
                    });
                    return 0;
                case "libfuzzer":
                    Fuzzer.LibFuzzer.Run(span => harness(span.ToArray()));
                    return 0;
                case "mutate" when args.Length >= 5:
                    var seed = args.Length >= 6 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 1;
                    return MutationDriver.Run(args[1], harness, long.Parse(args[2], CultureInfo.InvariantCulture), args[3], args[4], seed);
            }
        }

        Console.Error.WriteLine("usage: Dossier.Fuzz afl|libfuzzer NAME | mutate NAME EXECUTIONS CORPUS-DIR FINDINGS-DIR [SEED]");
        Console.Error.WriteLine("harnesses: " + string.Join(", ", Harnesses.Keys));
        return 2;
    }
}

/// <summary>
/// A blind mutation fuzzer run in-process: it takes the seed corpus, applies random byte-level and token-level
/// mutations (flips, inserts, deletions, duplicated chunks, splices of two inputs, markup tokens), runs the harness,
/// and counts executions, crashes (any exception) and hangs (one execution over 10 s, seen by a watchdog).
/// Crashing and hanging inputs are written to the findings folder. No coverage feedback: it finds what random
/// damage to realistic inputs finds, not deep paths.
/// </summary>
internal static class MutationDriver
{
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);

    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "<div>", "</div>", "<p>", "</p>", "<script>", "</script>", "<!--", "-->", "<![CDATA[", "]]>", "<?xml version=\"1.0\"?>", "<rss>", "<feed>",
            "<item>", "<entry>", "&amp;", "&#", "&lt;", "<!DOCTYPE html>", "<meta charset=\"", "\">", "WARC/1.1\r\n", "WARC/1.0\r\n", "Content-Length: ",
            "\r\n\r\n", "\r\n", "\n", "WARC-Type: response\r\n", "HTTP/1.1 200 OK\r\n", "Transfer-Encoding: chunked\r\n", "Content-Encoding: gzip\r\n",
            "Content-Type: text/html; charset=", "{", "}", "\"", "\\u", "\\", "[", "]", ":", ",", "{\"html\":\"", "{\"text\":\"", "999999999999", "-1", "0\r\n\r\n",
            "\uFEFF", "\u0000", "\uFFFD", "é", "中",
        }.Select(Encoding.UTF8.GetBytes),
        [0x1F, 0x8B, 0x08, 0x00], [0xFF, 0xFE], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF], [0xC3], [0xE2, 0x80], [0xF0, 0x9F, 0x98],
    ];

    public static int Run(string name, Action<byte[]> harness, long executions, string corpusDir, string findingsDir, int seed)
    {
        var corpus = Directory.Exists(corpusDir)
            ? Directory.GetFiles(corpusDir).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList()
            : [];
        if (corpus.Count == 0)
        {
            corpus.Add([]);
        }

        Directory.CreateDirectory(findingsDir);
        var random = new Random(seed);
        long done = 0, crashes = 0, slowest = 0;
        var current = Array.Empty<byte>();
        var started = Stopwatch.GetTimestamp();
        var running = Stopwatch.GetTimestamp();
        var finished = false;

        // The watchdog: one execution over the hang limit is written out and the run ends as a hang.
        var watchdog = new Thread(() =>
        {
            while (!Volatile.Read(ref finished))
            {
                Thread.Sleep(500);
                if (Stopwatch.GetElapsedTime(Volatile.Read(ref running)) > HangLimit && !Volatile.Read(ref finished))
                {
                    File.WriteAllBytes(Path.Combine(findingsDir, $"hang-{Volatile.Read(ref done)}"), Volatile.Read(ref current));
                    Console.WriteLine($"{name}: HANG after {done} executions; input written to {findingsDir}");
                    Environment.Exit(3);
                }
            }
        }) { IsBackground = true };
        watchdog.Start();

        for (; done < executions; done++)
        {
            var input = Mutate(corpus[random.Next(corpus.Count)], corpus, random);
            Volatile.Write(ref current, input);
            Volatile.Write(ref running, Stopwatch.GetTimestamp());
            try
            {
                harness(input);
            }
            catch (Exception e)
            {
                crashes++;
                if (crashes <= 20)
                {
                    File.WriteAllBytes(Path.Combine(findingsDir, $"crash-{done}"), input);
                    Console.WriteLine($"{name}: crash at execution {done}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
                }
            }

            slowest = Math.Max(slowest, (long)Stopwatch.GetElapsedTime(running).TotalMilliseconds);

            // Inputs that grew interesting lengths join the corpus now and then, so damage accumulates.
            if (random.Next(1000) == 0 && input.Length < 64 * 1024)
            {
                corpus.Add(input);
            }

            if (done > 0 && done % 100_000 == 0)
            {
                Console.WriteLine($"{name}: {done} executions, {crashes} crashes, slowest {slowest} ms, {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s");
            }
        }

        Volatile.Write(ref finished, true);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine($"{name}: DONE {done} executions, {crashes} crashes, 0 hangs, slowest execution {slowest} ms, {seconds:F0} s ({done / seconds:F0}/s), seed {seed}");
        return crashes == 0 ? 0 : 1;
    }

    private static byte[] Mutate(byte[] source, List<byte[]> corpus, Random random)
    {
        var data = new List<byte>(source);
        var steps = 1 + random.Next(8);
        for (var s = 0; s < steps; s++)
        {
            var at = data.Count == 0 ? 0 : random.Next(data.Count + 1);
            switch (random.Next(8))
            {
                case 0 when data.Count > 0:
                    var i = random.Next(data.Count);
                    data[i] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when data.Count > 0:
                    data[random.Next(data.Count)] = (byte)random.Next(256);
                    break;
                case 2:
                    data.Insert(at, (byte)random.Next(256));
                    break;
                case 3 when data.Count > 0:
                    var from = random.Next(data.Count);
                    data.RemoveRange(from, Math.Min(data.Count - from, 1 + random.Next(64)));
                    break;
                case 4 when data.Count > 0:
                    var start = random.Next(data.Count);
                    var length = Math.Min(data.Count - start, 1 + random.Next(256));
                    var chunk = data.GetRange(start, length);
                    var times = 1 + random.Next(random.Next(2) == 0 ? 4 : 200);
                    for (var t = 0; t < times && data.Count < 256 * 1024; t++)
                    {
                        data.InsertRange(at, chunk);
                    }

                    break;
                case 5:
                    var other = corpus[random.Next(corpus.Count)];
                    if (other.Length > 0)
                    {
                        var cut = random.Next(other.Length);
                        data.RemoveRange(at, data.Count - at);
                        data.AddRange(other.AsSpan(cut).ToArray());
                    }

                    break;
                case 6 when data.Count > 0:
                    data.RemoveRange(at, data.Count - at); // a cut, as a download or a disk would make
                    break;
                default:
                    data.InsertRange(at, Tokens[random.Next(Tokens.Length)]);
                    break;
            }
        }

        return [.. data];
    }
}
