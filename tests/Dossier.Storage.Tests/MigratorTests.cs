using Dossier.Storage;

namespace Dossier.Storage.Tests;

/// <summary>One migration script per schema version, rendered for each provider.</summary>
public class MigratorTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public void Each_provider_gets_every_version_in_its_own_dialect(string provider)
    {
        var migrations = Migrator.Load(provider);
        Assert.Equal(Enumerable.Range(1, migrations.Count), migrations.Select(m => m.Version));
        foreach (var (_, _, sql) in migrations)
        {
            Assert.DoesNotContain("{int64}", sql, StringComparison.Ordinal);
            Assert.DoesNotContain("{real}", sql, StringComparison.Ordinal);
            Assert.DoesNotContain("{desc}", sql, StringComparison.Ordinal);
            Assert.DoesNotContain(" only:", sql, StringComparison.Ordinal);
        }

        var all = string.Join('\n', migrations.Select(m => m.Sql));
        var postgres = provider == "Postgres";
        Assert.Equal(postgres, all.Contains("TSVECTOR", StringComparison.Ordinal));
        Assert.Equal(postgres, all.Contains("jsonb_array_elements", StringComparison.Ordinal));
        Assert.Equal(!postgres, all.Contains("USING fts5", StringComparison.Ordinal));
        Assert.Equal(!postgres, all.Contains("json_each", StringComparison.Ordinal));
        Assert.Contains(postgres ? "seq            BIGINT PRIMARY KEY" : "seq            INTEGER PRIMARY KEY", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_lines_end_at_the_next_marker()
    {
        const string script = "A {int64};\n-- postgres only:\nB;\n-- sqlite only:\nC {real};\n-- both:\nD {desc};\n";
        Assert.Equal("A BIGINT;\nB;\nD DESC NULLS LAST;\n\n", Migrator.Render(script, "Postgres"));
        Assert.Equal("A INTEGER;\nC REAL;\nD DESC;\n\n", Migrator.Render(script, "Sqlite"));
    }
}
