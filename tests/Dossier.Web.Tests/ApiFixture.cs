using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dossier.Web.Tests;

/// <summary>The real app over a store holding our own reports (two harbour reports, two hostile ones, three rounds of one negotiation and a flood), in memory.</summary>
public sealed class ApiFixture : IDisposable
{
    // Any type of the Dossier.Web assembly names its entry point (WebProgram, static, cannot be a type argument).
    private readonly WebApplicationFactory<WebOptions> factory;

    public ApiFixture()
    {
        Files = new StoreFiles()
            .File("harbour-a.txt", Reports.HarbourA).File("harbour-b.txt", Reports.HarbourB)
            .File("hostile-a.txt", Reports.Hostile).File("hostile-b.txt", Reports.HostileB)
            .File("rounds.jsonl", Dossier.Testing.SeriesReports.Jsonl());
        Files.Ingest();
        factory = Factory(Files.Db);
    }

    public StoreFiles Files { get; }

    public HttpClient Client() => factory.CreateClient();

    internal static WebApplicationFactory<WebOptions> Factory(string db, string? token = null, long? maxRequestBytes = null) =>
        new WebApplicationFactory<WebOptions>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Dossier:Db", db);
            if (token is not null)
            {
                b.UseSetting("Dossier:WriteToken", token);
            }

            if (maxRequestBytes is { } max)
            {
                b.UseSetting("Dossier:MaxRequestBytes", max.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        });

    public void Dispose()
    {
        factory.Dispose();
        Files.Dispose();
    }
}
