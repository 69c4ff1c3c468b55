namespace Dossier.Storage;

/// <summary>Placeholder for the storage layer (SQLite and PostgreSQL).</summary>
public static class StorageInfo
{
    /// <summary>The schema version this build writes.</summary>
    public const int SchemaVersion = 0;
}
