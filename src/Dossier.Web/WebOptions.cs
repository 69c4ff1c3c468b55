using Microsoft.Extensions.Configuration;

namespace Dossier.Web;

/// <summary>How the web app runs: which database, where it listens, whether uploads are allowed.</summary>
public sealed record WebOptions
{
    /// <summary>The default address: loopback only, so a store is never exposed by accident.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>SQLite file or PostgreSQL connection string.</summary>
    public string Db { get; init; } = "dossier.db";

    /// <summary>Addresses to listen on (semicolon-separated).</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>The bearer token that allows <c>POST /api/articles</c>; uploads are disabled when null.</summary>
    public string? WriteToken { get; init; }

    /// <summary>Largest request body accepted, in bytes (uploads included).</summary>
    public long MaxRequestBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>The options as they may be logged: the database's password and the write token are never shown.</summary>
    public override string ToString() =>
        $"WebOptions {{ Db = {Dossier.Storage.DossierStore.Redact(Db)}, Urls = {Urls}, WriteToken = {(WriteToken is null ? "none" : "***")}, MaxRequestBytes = {MaxRequestBytes} }}";

    /// <summary>Options from configuration: <c>Dossier:Db</c> (or <c>DOSSIER_DB</c>), <c>urls</c>, <c>Dossier:WriteToken</c>, <c>Dossier:MaxRequestBytes</c>.</summary>
    public static WebOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var token = configuration["Dossier:WriteToken"];
        return new WebOptions
        {
            Db = configuration["Dossier:Db"] ?? configuration["DOSSIER_DB"] ?? "dossier.db",
            Urls = configuration["urls"] ?? DefaultUrls,
            WriteToken = string.IsNullOrEmpty(token) ? null : token,
            // The CLI's size syntax (32MB, 512K, or bytes), parsed by the one parser.
            MaxRequestBytes = Dossier.Reading.ReaderOptions.TryParseSize(configuration["Dossier:MaxRequestBytes"], out var max) ? max : 32L * 1024 * 1024,
        };
    }
}
