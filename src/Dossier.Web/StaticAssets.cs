using System.Collections.Frozen;
using System.Reflection;

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
        var assembly = Assembly.GetExecutingAssembly();
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files[resource[Prefix.Length..]] = buffer.ToArray();
        }

        // One style for a story wherever it is shown: the HTML brief carries the same text inline.
        files["story.css"] = System.Text.Encoding.UTF8.GetBytes(Dossier.Output.StoryHtml.Stylesheet);
        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
