using System.CommandLine;
using Dossier.Web;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier serve [--db …] [--urls http://127.0.0.1:5080] [--write-token T]</c>: the web pages and JSON API over a store.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var db = IngestCommand.DbOption();
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, separated by ';' (loopback by default; name another address to expose the store)",
            DefaultValueFactory = _ => WebOptions.DefaultUrls,
        };
        var token = new Option<string?>("--write-token")
        {
            Description = "Allow POST /api/articles with this bearer token (uploads are disabled without it); or DOSSIER_WRITE_TOKEN",
        };
        var maxRequest = new Option<string?>("--max-request-size") { Description = "Largest request body accepted (uploads included): " + ReadingOptions.SizeSyntax + " (default 32MB)" };
        var command = new Command("serve", "Serve the stories of a database as web pages and a JSON API (OpenAPI at /openapi/v1.json)") { db, urls, token, maxRequest };
        command.SetAction(parseResult =>
        {
            var requestBytes = new WebOptions().MaxRequestBytes;
            if (parseResult.GetValue(maxRequest) is { } size && !ReadingOptions.TryParseSize("--max-request-size", size, out requestBytes))
            {
                return CliApp.UsageError;
            }

            var address = parseResult.GetValue(urls)!;
            foreach (var url in address.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Uri.TryCreate(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri) ||
                    (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    Console.Error.WriteLine($"dossier: --urls: not an http(s) address: '{url}'");
                    return CliApp.UsageError;
                }
            }

            var writeToken = parseResult.GetValue(token) ?? Environment.GetEnvironmentVariable("DOSSIER_WRITE_TOKEN");
            if (writeToken is not null && writeToken.Length < 16)
            {
                Console.Error.WriteLine("dossier: --write-token: use at least 16 characters");
                return CliApp.UsageError;
            }

            var options = new WebOptions { Db = IngestCommand.Db(parseResult, db), Urls = address, WriteToken = string.IsNullOrEmpty(writeToken) ? null : writeToken, MaxRequestBytes = requestBytes };
            using var app = DossierWebHost.Build([], options);
            Console.Error.WriteLine($"dossier: serving {Dossier.Storage.DossierStore.Redact(options.Db)} on {address}" + (options.WriteToken is null ? "" : " (uploads enabled)"));
            app.Run();
            return CliApp.Ok;
        });
        return command;
    }
}
