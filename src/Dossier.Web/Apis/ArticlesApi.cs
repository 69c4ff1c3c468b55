using System.Security.Cryptography;
using System.Text;
using Dossier.Model;
using Dossier.Reading;
using Dossier.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dossier.Web.Apis;

/// <summary><c>/api/articles</c>: article listing, one article with its text and highlighted spans, and uploads.</summary>
public static class ArticlesApi
{
    internal static Ok<IReadOnlyList<ArticleListItem>> List(StoreAccess store, string? story, int? limit) =>
        TypedResults.Ok<IReadOnlyList<ArticleListItem>>([.. store.Use(s => s.Articles(string.IsNullOrWhiteSpace(story) ? null : story, Math.Clamp(limit ?? 100, 1, 1000))).Select(ArticleListItem.From)]);

    internal static Results<Ok<ArticleView>, NotFound> Get(StoreAccess store, string id)
    {
        var view = store.Use(s => s.GetArticle(id) is { } stored ? View(stored, s.GetStory(stored.StoryId)) : null);
        return view is null ? TypedResults.NotFound() : TypedResults.Ok(view);
    }

    /// <summary>The article with its highlights: the evidence sentences of its story's claims first, then annotations.</summary>
    internal static ArticleView View(StoredArticle stored, Story? story)
    {
        var article = stored.Article;
        var a = article.Article;
        var highlights = new List<Highlight>();
        if (story is not null)
        {
            foreach (var claim in story.Claims)
            {
                foreach (var e in claim.Evidence)
                {
                    if (string.Equals(e.ArticleId, a.Id, StringComparison.Ordinal))
                    {
                        highlights.Add(new Highlight(e.Span.Start, e.Span.End, "evidence", claim.Id));
                    }
                }
            }
        }

        highlights.AddRange(article.Mentions.Select(m => new Highlight(m.Span.Start, m.Span.End, "mention", m.Actor is null ? m.Canonical : $"{m.Canonical} ({m.Actor})")));
        highlights.AddRange(article.Times.Select(t => new Highlight(t.Span.Start, t.Span.End, "time", t.Value)));
        highlights.AddRange(article.Events.Select(e => new Highlight(e.VerbSpan.Start, e.VerbSpan.End, "event", $"{e.Source.Code} {e.Code} {e.Target.Code}")));
        return new ArticleView(a, stored.StoryId,
            [.. highlights.Where(h => h.Start >= 0 && h.End <= a.Text.Length && h.End > h.Start).OrderBy(h => h.Start).ThenBy(h => h.End)]);
    }

    /// <summary>
    /// Ingests uploaded reports. Disabled (403) unless the server was started with a write token; then the
    /// request must carry it as <c>Authorization: Bearer …</c> (401 otherwise). A bearer header is never sent by a
    /// browser on its own, so a page elsewhere cannot make a visitor's browser upload (no CSRF).
    /// </summary>
    internal static async Task<Results<Ok<UploadResult>, ProblemHttpResult>> Upload(HttpContext context, StoreAccess store, WebOptions options)
    {
        if (options.WriteToken is null)
        {
            return TypedResults.Problem("uploads are disabled: start the server with --write-token", statusCode: StatusCodes.Status403Forbidden);
        }

        if (!Authorized(context.Request.Headers.Authorization.ToString(), options.WriteToken))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem("a valid bearer token is required", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (context.Request.ContentLength > options.MaxRequestBytes)
        {
            return TypedResults.Problem($"request larger than {options.MaxRequestBytes} bytes", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        // The readers are synchronous; buffer each input first (bounded by the request size limit).
        var inputs = new List<(string Name, byte[] Bytes)>();
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
                inputs.Add((UploadName(file.FileName, "upload.txt"), buffer.ToArray()));
            }
        }
        else
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            inputs.Add((BodyName(context.Request.ContentType), buffer.ToArray()));
        }

        if (inputs.Count == 0 || inputs.All(i => i.Bytes.Length == 0))
        {
            return TypedResults.Problem("nothing to ingest: send files (multipart/form-data) or a JSONL, text or HTML body", statusCode: StatusCodes.Status400BadRequest);
        }

        var errors = new List<string>();
        var reader = new InputReader();
        var items = inputs.SelectMany(i => reader.Read(i.Name, new MemoryStream(i.Bytes, writable: false)));
        // The ingest runs on a thread of its own with one article at a time: with the default pipeline (one article
        // per core) an upload took every core and a request thread, and readers during it waited seconds for CPU.
        // An upload takes longer this way; a reader is a person waiting, an upload is a batch.
        var report = await Task.Factory.StartNew(
            () => store.Write(s => s.Ingest(items, UploadPipeline.Value, e =>
            {
                lock (errors)
                {
                    errors.Add(e.ToString());
                }
            })),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).ConfigureAwait(false);
        return TypedResults.Ok(new UploadResult(report, errors));
    }

    private static readonly Lazy<DossierPipeline> UploadPipeline = new(() => DossierPipeline.Default.WithParallelism(1));

    private static bool Authorized(string header, string token)
    {
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    /// <summary>The client's file name reduced to a bare name: it only labels the input and picks the reader.</summary>
    private static string UploadName(string? name, string fallback)
    {
        var bare = Path.GetFileName(name ?? "");
        return string.IsNullOrWhiteSpace(bare) ? fallback : "upload/" + bare;
    }

    private static string BodyName(string? contentType)
    {
        var type = (contentType ?? "").Split(';')[0].Trim().ToUpperInvariant();
        return type switch
        {
            "APPLICATION/X-NDJSON" or "APPLICATION/JSONL" or "APPLICATION/JSON-SEQ" or "APPLICATION/JSON" => "upload.jsonl",
            "TEXT/HTML" => "upload.html",
            _ => "upload.txt",
        };
    }
}
