namespace SmartBranch.Server.Persistence;

/// <summary>Configuration <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: one file under <c>.data/</c>, for trials and small cities.</summary>
    Sqlite,

    /// <summary>Production: many web and worker processes over one PostgreSQL database.</summary>
    Postgres,
}
