namespace Dossier.Storage.Tests;

/// <summary>The store's behaviour on SQLite.</summary>
public sealed class SqliteStoreTests(SqliteProvider provider) : StoreBehaviour<SqliteProvider>(provider), IClassFixture<SqliteProvider>;

/// <summary>The same behaviour on a throwaway PostgreSQL server.</summary>
[Trait("Category", "Postgres")]
public sealed class PostgresStoreTests(PostgresProvider provider) : StoreBehaviour<PostgresProvider>(provider), IClassFixture<PostgresProvider>;
