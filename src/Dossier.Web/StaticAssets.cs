using System.Collections.Frozen;

namespace Dossier.Web;

/// <summary>Our CSS, served from the assembly's resources, and the story markup's style from the library (<see cref="Dossier.Output.StoryHtml.Stylesheet"/>).</summary>
internal static class StaticAssets
{
    private const string Prefix = "Dossier.Web.wwwroot.";

    private static readonly FrozenDictionary<string, byte[]> Files = Load();

    public static IEndpointRouteBuilder MapStaticAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/static/{name}", (string name, HttpContext context) =>
        {
            if (!Files.TryGetValue(name, out var bytes))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(bytes, ContentType(name));
        }).ExcludeFromDescription();
        return app;
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private static FrozenDictionary<string, byte[]> Load()
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in EmbeddedData.Names(typeof(StaticAssets).Assembly, Prefix))
        {
            using var stream = EmbeddedData.Open(typeof(StaticAssets).Assembly, Prefix + name);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files[name] = buffer.ToArray();
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
