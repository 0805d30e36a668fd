using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Server.Persistence;

internal static class DatabaseRegistration
{
    public const string DefaultSqliteConnectionString = "Data Source=.data/smartbranch.db";

    /// <summary><c>Database:Provider</c> and <c>ConnectionStrings:Default</c>; SQLite under <c>.data/</c> when unset.</summary>
    public static WebApplicationBuilder AddSmartBranchDatabase(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString("Default");
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is Postgres, but ConnectionStrings:Default is not set.");
                }

                builder.Services.AddDbContext<SmartBranchDbContext, PostgresSmartBranchDbContext>((sp, options) =>
                    options.UseNpgsql(connectionString).UseSmartBranchInterceptors(sp));
                break;
            default:
                connectionString = ResolveSqlite(
                    string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnectionString : connectionString,
                    builder.Environment.ContentRootPath);
                builder.Services.AddDbContext<SmartBranchDbContext, SqliteSmartBranchDbContext>((sp, options) =>
                    options.UseSqlite(connectionString).UseSmartBranchInterceptors(sp));
                break;
        }

        return builder;
    }

    /// <summary>A relative file is relative to the content root, whatever the working directory; its folder is created.</summary>
    private static string ResolveSqlite(string connectionString, string contentRoot)
    {
        var settings = new SqliteConnectionStringBuilder(connectionString);
        if (settings.DataSource is ":memory:" or "" || settings.Mode == SqliteOpenMode.Memory)
        {
            return connectionString;
        }

        settings.DataSource = Path.GetFullPath(settings.DataSource, contentRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(settings.DataSource)!);
        return settings.ToString();
    }
}
