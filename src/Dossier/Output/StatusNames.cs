using Dossier.Model;

namespace Dossier.Output;

/// <summary>The names statuses and modalities have in every output format.</summary>
public static class StatusNames
{
    /// <summary><c>corroborated</c>, <c>single-source</c> or <c>conflicting</c>.</summary>
    public static string Of(ClaimStatus status) => status switch
    {
        ClaimStatus.Corroborated => "corroborated",
        ClaimStatus.SingleSource => "single-source",
        ClaimStatus.Conflicting => "conflicting",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Lower-case modality name.</summary>
    public static string Of(EventModality modality) => modality switch
    {
        EventModality.Act => "act",
        EventModality.Pledge => "pledge",
        EventModality.Appeal => "appeal",
        EventModality.Statement => "statement",
        _ => throw new ArgumentOutOfRangeException(nameof(modality)),
    };

    /// <summary>ISO day, or null.</summary>
    public static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 instant, or null.</summary>
    public static string? Iso(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
}
