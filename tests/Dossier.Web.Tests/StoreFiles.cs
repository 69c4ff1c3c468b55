using Dossier.Reading;
using Dossier.Storage;

namespace Dossier.Web.Tests;

/// <summary>A temporary folder with report files and a SQLite store ingested from them; deleted on dispose.</summary>
public sealed class StoreFiles : IDisposable
{
    public StoreFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "dossier-web-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Folder, "in"));
        Db = Path.Combine(Folder, "dossier.db");
    }

    public string Folder { get; }

    public string Db { get; }

    public string Input => Path.Combine(Folder, "in");

    public StoreFiles File(string name, string text)
    {
        System.IO.File.WriteAllText(Path.Combine(Input, name), text);
        return this;
    }

    /// <summary>Ingests <paramref name="paths"/> (default: the files written with <see cref="File"/>).</summary>
    public IngestReport Ingest(params string[] paths)
    {
        using var store = DossierStore.Open(Db);
        return store.Ingest(new InputReader().Read(paths.Length == 0 ? [Input] : paths), DossierPipeline.Default);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine: the temp folder is cleaned by the OS later.
        }
    }
}

/// <summary>Reports written for these tests (not taken from any source).</summary>
public static class Reports
{
    public const string HarbourA =
        "Harbour talks end in agreement\n\nPORTVILLE: The port authority and the dockworkers' union agreed on Tuesday to end a week-long strike, the union said.\n\n" +
        "Both sides will meet again in March to review the deal.\n\nThe mayor of Portville welcomed the agreement and called for calm at the docks.\n";

    public const string HarbourB =
        "Dock strike over after deal\n\nPORTVILLE: The dockworkers' union and the port authority agreed on Tuesday evening to end a week-long strike, the union said.\n\n" +
        "Both sides will meet again in March to review the deal.\n";

    /// <summary>A report whose sentences carry script payloads; it must render as inert text everywhere.</summary>
    public const string Hostile =
        "Lakeside council <script>window.__xss = 'title'</script> approves budget\n\n" +
        "LAKESIDE: The Lakeside council approved its budget on Monday <script>window.__xss = 'body'</script> after a long debate, the mayor said.\n\n" +
        "Critics said the plan <img src=x onerror=\"window.__xss='img'\"> ignored the harbour and <a href=\"javascript:window.__xss='link'\">click here</a> for details.\n\n" +
        "The council will vote again in May <svg onload=\"window.__xss='svg'\"></svg> on the harbour plan \"><script>window.__xss='attr'</script>.\n";

    /// <summary>Asserts that <paramref name="html"/> shows the hostile reports' payloads as text and holds none of them as markup.</summary>
    public static void AssertInert(string html)
    {
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        foreach (var markup in (string[])["<script", "<img", "<iframe", "<svg onload", "<body onload", "onerror=\"", "href=\"javascript:"])
        {
            Assert.DoesNotContain(markup, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>A second copy of the hostile report in other words, so that the two form a story with claims.</summary>
    public const string HostileB =
        "Budget passes in Lakeside <iframe srcdoc=\"<script>parent.__xss='iframe'</script>\"></iframe>\n\n" +
        "LAKESIDE: The Lakeside council approved its budget on Monday evening <script>window.__xss = 'body2'</script> after a long debate, the mayor said.\n\n" +
        "The council will vote again in May on the harbour plan <body onload=\"window.__xss='onload'\">.\n";
}
