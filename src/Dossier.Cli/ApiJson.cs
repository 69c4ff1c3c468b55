using System.CommandLine;
using System.Text.Json;
using Dossier.Web;

namespace Dossier.Cli;

/// <summary>
/// <c>--format json</c> for the store listings (<c>stories</c>, <c>search</c>): the web API's JSON, byte for byte the
/// same records and options (<see cref="DossierWebHost.Configure"/>), so a script can switch between the two freely.
/// </summary>
internal static class ApiJson
{
    private static readonly JsonSerializerOptions Options = DossierWebHost.Configure(new JsonSerializerOptions());

    /// <summary>The <c>--format</c> option of a listing: <c>tsv</c> (the default, one row a line) or <c>json</c>.</summary>
    public static Option<string> FormatOption()
    {
        var format = new Option<string>("--format") { Description = "tsv (one tab-separated row a line) or json (the web API's shape)", DefaultValueFactory = _ => "tsv" };
        format.AcceptOnlyFromAmong("tsv", "json");
        return format;
    }

    /// <summary>Writes <paramref name="value"/> as one JSON document and a newline on stdout; exit code 0.</summary>
    public static int Write<T>(T value)
    {
        using (var stdout = Console.OpenStandardOutput())
        {
            JsonSerializer.Serialize(stdout, value, Options);
            stdout.WriteByte((byte)'\n');
        }

        return CliApp.Ok;
    }
}
