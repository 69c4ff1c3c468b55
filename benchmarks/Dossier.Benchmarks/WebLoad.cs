using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dossier.Reading;
using Dossier.Storage;
using Dossier.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Dossier.Benchmarks;

/// <summary>
/// Load test of the web app on a large store (issue 19), loopback only and bounded in time. A measurement, not a
/// unit test: it prints the figures docs/web.md and docs/PERFORMANCE.md quote.
/// <list type="number">
/// <item>Builds (or reuses) a SQLite store of N stories: the demo corpus ingested for real, then N synthetic stories
/// written in one transaction (their story JSON a copy of a small demo story under a new id, two or three actor codes
/// each, two coded events per story between two of its actors; one story in twenty names the busy pair CHN–PAK).</item>
/// <item>Starts the real app (Kestrel on 127.0.0.1, a free port) and times each kind of request one at a time.</item>
/// <item>Runs R readers (each: a request, then a pause of 0.5–1.5 s, seeded) while one upload of U reports ingests,
/// and reports latency per kind during the upload and the upload's own time.</item>
/// <item>Runs R readers with no pause for a few seconds: the saturation throughput of the two cores.</item>
/// </list>
/// Usage: <c>web-load [--db FILE] [--stories N] [--readers R] [--upload U] [--max-seconds S]</c>.
/// </summary>
public static class WebLoad
{
    private const string Token = "load-test-token-0123456789";
    private static readonly string[] Countries = ["USA", "CHN", "PAK", "IND", "RUS", "UKR", "GBR", "FRA", "DEU", "JPN", "KOR", "PRK", "IRN", "ISR", "TUR", "SAU", "EGY", "NGA", "KEN", "ZAF", "BRA", "ARG", "MEX", "CAN", "AUS", "IDN", "VNM", "PHL", "AFG", "SYR"];
    private static readonly string[] Suffixes = ["GOV", "MIL", "", "BUS", "OPP"];

    /// <summary>The requests the readers make, by kind; the kinds are reported apart.</summary>
    private static readonly (string Kind, string Url)[] Requests =
    [
        ("stories", "/api/stories"),
        ("stories", "/api/stories?limit=50&offset=100"),
        ("stories?actor", "/api/stories?actor=PAK"),
        ("stories?actor", "/api/stories?actor=USAGOV&limit=20"),
        ("stories?status", "/api/stories?status=conflicting"),
        ("stories?status", "/api/stories?status=corroborated&offset=500"),
        ("stories?dates", "/api/stories?since=2023-01-01&until=2023-06-30"),
        ("stories?all", "/api/stories?since=2021-01-01&actor=CHN&status=single-source&offset=100&limit=50"),
        ("stories deep", "/api/stories?offset=50000&limit=100"),
        ("timeline", "/api/events/timeline?a=CHN&b=PAK"),
        ("timeline", "/api/events/timeline?a=pak&b=chn"),
        ("timeline rare", "/api/events/timeline?a=BRA&b=KEN"),
    ];

    public static int Run(string[] args)
    {
        string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var db = Arg("--db", Path.Combine(Path.GetTempPath(), "dossier-web-load.db"));
        var stories = int.Parse(Arg("--stories", "100000"), CultureInfo.InvariantCulture);
        var readers = int.Parse(Arg("--readers", "200"), CultureInfo.InvariantCulture);
        var upload = int.Parse(Arg("--upload", "6000"), CultureInfo.InvariantCulture);
        var maxSeconds = int.Parse(Arg("--max-seconds", "120"), CultureInfo.InvariantCulture);
        return RunAsync(db, stories, readers, upload, maxSeconds).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(string db, int stories, int readers, int upload, int maxSeconds)
    {
        var built = Stopwatch.StartNew();
        if (!File.Exists(db))
        {
            Build(db, stories);
            Console.WriteLine($"built {db}: {stories:N0} synthetic stories in {built.Elapsed.TotalSeconds:0.0} s");
        }

        using (var store = DossierStore.OpenReadOnly(db))
        {
            var counts = store.Counts();
            Console.WriteLine($"store: {counts.Stories:N0} stories, {counts.Articles:N0} articles, {new FileInfo(db).Length / 1e6:0} MB");
        }

        await using var app = DossierWebHost.Build(["--Logging:LogLevel:Default=Warning"], new WebOptions { Db = db, Urls = "http://127.0.0.1:0", WriteToken = Token });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = readers + 4, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(address),
            Timeout = TimeSpan.FromSeconds(maxSeconds + 60),
        };
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(maxSeconds * 10));

        // Every request once, checked, to warm the JIT and the page cache.
        foreach (var (_, url) in Requests)
        {
            for (var i = 0; i < 5; i++)
            {
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative), limit.Token);
                response.EnsureSuccessStatusCode();
            }
        }

        Console.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine();
        Console.WriteLine("## One request at a time (server time plus loopback), 50 of each");
        var alone = new List<(string Kind, double Ms)>();
        foreach (var (kind, url) in Requests)
        {
            for (var i = 0; i < 50; i++)
            {
                alone.Add((kind, await Timed(client, url, limit.Token)));
            }
        }

        Report(alone);

        Console.WriteLine();
        Console.WriteLine($"## {readers} readers (pause 0.5–1.5 s between requests) while an upload of {upload:N0} reports ingests");
        var uploadClock = Stopwatch.StartNew();
        var uploading = Upload(client, upload, limit.Token);
        var during = new List<(string Kind, double Ms, double At)>();
        var failures = 0;
        var seeds = new Random(19);
        var readerTasks = Enumerable.Range(0, readers).Select(r => (Reader: r, Seed: seeds.Next())).Select(async x =>
        {
            var random = new Random(x.Seed);
            await Task.Delay(random.Next(0, 1000), limit.Token);
            var mine = new List<(string, double, double)>();
            for (var n = 0; !uploading.IsCompleted && uploadClock.Elapsed.TotalSeconds < maxSeconds; n++)
            {
                var (kind, url) = Requests[(x.Reader + n) % Requests.Length];
                var at = uploadClock.Elapsed.TotalSeconds;
                try
                {
                    mine.Add((kind, await Timed(client, url, limit.Token), at));
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }

                await Task.Delay(500 + random.Next(0, 1000), limit.Token);
            }

            return mine;
        }).ToList();
        var (status, report) = await uploading;
        var uploadSeconds = uploadClock.Elapsed.TotalSeconds;
        foreach (var list in await Task.WhenAll(readerTasks))
        {
            during.AddRange(list);
        }

        // Only requests that started and ended while the upload was running count as "during".
        var inside = during.Where(d => d.At + d.Ms / 1000 <= uploadSeconds).Select(d => (d.Kind, d.Ms)).ToList();
        Console.WriteLine($"upload: HTTP {(int)status}, {uploadSeconds:0.0} s, {report}");
        Console.WriteLine($"reads during the upload: {inside.Count:N0} ({inside.Count / uploadSeconds:0} per second), failed {failures}; slowest {inside.Max(d => d.Ms):0} ms against the upload's {uploadSeconds * 1000:0} ms");
        Report(inside);

        Console.WriteLine();
        Console.WriteLine($"## {readers} readers, no pause, 10 s (saturation)");
        var saturation = new List<(string Kind, double Ms)>();
        var stopAt = Stopwatch.StartNew();
        var closed = Enumerable.Range(0, readers).Select(async r =>
        {
            var mine = new List<(string, double)>();
            for (var n = 0; stopAt.Elapsed.TotalSeconds < 10; n++)
            {
                var (kind, url) = Requests[(r + n) % Requests.Length];
                mine.Add((kind, await Timed(client, url, limit.Token)));
            }

            return mine;
        }).ToList();
        foreach (var list in await Task.WhenAll(closed))
        {
            saturation.AddRange(list);
        }

        Console.WriteLine($"{saturation.Count / stopAt.Elapsed.TotalSeconds:0} requests per second");
        Report(saturation);
        Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
        await app.StopAsync();
        return 0;
    }

    private static async Task<double> Timed(HttpClient client, string url, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), cancellationToken);
        _ = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"{url}: HTTP {(int)response.StatusCode}");
        }

        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>One JSONL upload of <paramref name="count"/> short council reports (our own template), as a client would post it.</summary>
    private static async Task<(HttpStatusCode Status, string Report)> Upload(HttpClient client, int count, CancellationToken cancellationToken)
    {
        var body = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var report = new
            {
                url = $"https://example.test/load/{i}",
                title = $"District {i} votes on bridge repairs",
                text = $"RIVERTON: The council of district {i} voted {i % 7 + 2} to 1 on Monday to repair bridge number {i}, the mayor's office said. " +
                    $"Work starts in week {i % 52} and is expected to cost {i % 90 + 10} million.",
            };
            body.Append(JsonSerializer.Serialize(report)).Append('\n');
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, text.Length > 160 ? text[..160] + "…" : text);
    }

    private static void Report(IEnumerable<(string Kind, double Ms)> samples)
    {
        Console.WriteLine("| request | n | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var group in samples.GroupBy(s => s.Kind).OrderBy(g => Array.FindIndex(Requests, r => r.Kind == g.Key)))
        {
            var sorted = group.Select(g => g.Ms).Order().ToArray();
            double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `{group.Key}` | {sorted.Length} | {At(0.5):0.0} | {At(0.95):0.0} | {At(0.99):0.0} | {sorted[^1]:0.0} |"));
        }
    }

    /// <summary>
    /// The store: the demo corpus ingested with the default pipeline, then <paramref name="count"/> synthetic stories
    /// (rows of <c>stories</c>, <c>story_actors</c>, <c>events</c> and <c>story_digests</c>, as the ingest writes them) in one transaction.
    /// Their digests say "not recurring", so the upload's series linking neither digests them again nor links them.
    /// The synthetic stories carry seq 0, so an ingest's window (the most recently updated stories) never replays them.
    /// </summary>
    public static void Build(string db, int count)
    {
        var demo = Path.Combine(RepoRoot(), "samples", "demo");
        using (var store = DossierStore.Open(db))
        {
            store.Ingest(new InputReader().Read([demo]), DossierPipeline.Default);
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db }.ToString());
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
            pragma.ExecuteNonQuery();
        }

        // Templates: the demo's smaller stories (2.6–6.5 KB of JSON each).
        var templates = new List<(string Id, string Json)>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT id, story FROM stories WHERE claim_count <= 12 ORDER BY id";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                templates.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var random = new Random(19);
        using var transaction = connection.BeginTransaction();
        using var story = Prepared(connection, transaction,
            "INSERT INTO stories (id, title, date, location, independent_sources, article_count, claim_count, first_seq, last_seq, story, corroborated, single_source, conflicting) " +
            "VALUES ($id, $title, $date, $location, $sources, $articles, $claims, 0, 0, $story, $corroborated, $single, $conflicting)");
        using var actor = Prepared(connection, transaction, "INSERT OR IGNORE INTO story_actors (story_id, actor) VALUES ($story, $actor)");
        using var digest = Prepared(connection, transaction, "INSERT INTO story_digests (story_id, terms, entities, ordinals, recurring) VALUES ($story, '', '[]', '[]', 0)");
        using var evt = Prepared(connection, transaction,
            "INSERT INTO events (seq, position, source, target, code, goldstein, modality, negated, day, sentence) VALUES ($seq, $position, $source, $target, $code, $goldstein, 'act', 0, $day, $sentence)");
        var firstDay = new DateOnly(2020, 1, 1);
        for (var i = 0; i < count; i++)
        {
            var id = "x" + i.ToString("x12", CultureInfo.InvariantCulture);
            var template = templates[i % templates.Count];
            DateOnly? date = i % 50 == 7 ? null : firstDay.AddDays(random.Next(0, 6 * 365));
            var day = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var claims = 2 + random.Next(20);
            var conflicting = random.Next(20) == 0 ? 1 : 0;
            var corroborated = random.Next(3) == 0 ? 0 : 1 + random.Next(claims / 2 + 1);
            Run(story, ("$id", id), ("$title", $"Synthetic story {i}"), ("$date", day), ("$location", Countries[random.Next(Countries.Length)]),
                ("$sources", 1 + random.Next(6)), ("$articles", 1 + random.Next(10)), ("$claims", claims), ("$story", template.Json.Replace(template.Id, id, StringComparison.Ordinal)),
                ("$corroborated", corroborated), ("$single", claims - corroborated - conflicting), ("$conflicting", conflicting));

            // Actors: one story in twenty names the busy pair; the rest two or three countries at random.
            var actors = new List<string>();
            if (i % 20 == 0)
            {
                actors.AddRange(["CHNGOV", "PAKGOV"]);
            }

            while (actors.Count < 2 + (i % 2))
            {
                var code = Countries[random.Next(Countries.Length)] + Suffixes[random.Next(Suffixes.Length)];
                if (!actors.Any(a => a[..3] == code[..3]))
                {
                    actors.Add(code);
                }
            }

            foreach (var code in actors)
            {
                Run(actor, ("$story", id), ("$actor", code));
            }

            Run(digest, ("$story", id));

            for (var e = 0; e < 2; e++)
            {
                Run(evt, ("$seq", -1L - i), ("$position", e), ("$source", actors[e % 2]), ("$target", actors[(e + 1) % 2]),
                    ("$code", e == 0 ? "036" : "057"), ("$goldstein", e == 0 ? 4.0 : 8.0), ("$day", day), ("$sentence", $"Synthetic event {e} of story {i}."));
            }
        }

        transaction.Commit();
        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        checkpoint.ExecuteNonQuery();
    }

    private static SqliteCommand Prepared(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Run(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dossier.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Dossier.slnx not found");
    }
}
