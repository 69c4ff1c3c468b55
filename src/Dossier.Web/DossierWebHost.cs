using System.Text.Json;
using System.Text.Json.Serialization;
using Dossier.Web.Apis;
using Dossier.Web.Pages;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;

namespace Dossier.Web;

/// <summary>Builds the web app: the JSON API, its OpenAPI document, the pages and the static files.</summary>
public static class DossierWebHost
{
    /// <summary>
    /// The app, ready to run. With <paramref name="options"/> null they come from configuration (tests and
    /// <c>dotnet run</c>); <c>dossier serve</c> passes them explicitly.
    /// </summary>
    public static WebApplication Build(string[] args, WebOptions? options)
    {
        // Handlers block on the database (Microsoft.Data.Sqlite has no asynchronous I/O), so every request in flight
        // holds a pool thread. Without a floor the pool adds threads slowly, and 200 concurrent readers queued
        // behind thread injection rather than the database (measured: 28 requests per second on two cores).
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 256), io);
        var builder = WebApplication.CreateBuilder(args);
        var configured = options ?? WebOptions.From(builder.Configuration);
        // Loopback unless told otherwise: a store must never be exposed by accident.
        builder.WebHost.UseUrls(configured.Urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = configured.MaxRequestBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.AddServerHeader = false;
        });
        builder.Services.Configure<FormOptions>(f =>
        {
            f.MultipartBodyLengthLimit = configured.MaxRequestBytes;
            f.ValueCountLimit = 64;
        });
        builder.Services.AddSingleton(sp => options ?? WebOptions.From(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton(sp => new StoreHost(sp.GetRequiredService<WebOptions>().Db));
        // A store per request (its own connection), never one shared behind a lock: see StoreAccess.
        builder.Services.AddScoped<StoreAccess>();
        builder.Services.Configure<JsonOptions>(j => Configure(j.SerializerOptions));
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Dossier API";
            document.Info.Description = "Stories, claims with their evidence, articles with highlighted spans, actors, events and search.";
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.MapOpenApi();
        app.MapApi();
        app.MapPages();
        app.MapStaticAssets();
        return app;
    }

    /// <summary>The API's JSON: camelCase names, statuses and modalities as kebab-case words (<c>single-source</c>).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // Numbers are numbers: ASP.NET's web defaults also read them from strings, which the OpenAPI document then
        // describes as "integer or string" for every count of the answers.
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        // The public records (story, claim, evidence, series) through their generated metadata: the shape analyze writes.
        // The reflection resolver stays behind it for the API's other records (new options have no resolver yet).
        options.TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(
            Dossier.Output.ContractJsonContext.Default, options.TypeInfoResolver ?? new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver());
        return options;
    }
}
