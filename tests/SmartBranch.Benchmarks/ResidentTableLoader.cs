using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Residents.Domain;

namespace SmartBranch.Benchmarks;

/// <summary>
/// Setup only: writes many friends, and the preferences most of them registered, straight into the tables the EF
/// model defines with PostgreSQL's binary COPY (the product's own path takes a webhook and a profile call per
/// friend). Column names come from the model, and a column this loader does not know stops it, so a changed model
/// never loads silently wrong rows. Choices follow a small city's plausible shares, from a fixed seed.
/// </summary>
internal sealed class ResidentTableLoader(SmartBranchDbContext db, IReadOnlyList<SegmentAttribute> catalogue)
{
    private const string ConsentVersion = "2026-11-01";
    private const double RegisteredShare = 0.7;

    /// <summary>How likely a resident who registered picks each value: a share for each choice of a single-choice
    /// attribute (the rest spread evenly), a probability per topic for multiple choice.</summary>
    private static readonly Dictionary<string, double> Shares = new(StringComparer.Ordinal)
    {
        ["area/hiraka"] = 0.55, ["area/onoe"] = 0.35, ["area/ikarigaseki"] = 0.10,
        ["age/under-20"] = 0.05, ["age/20s"] = 0.10, ["age/30s"] = 0.15, ["age/40s"] = 0.18, ["age/50s"] = 0.18, ["age/60s"] = 0.18, ["age/70-plus"] = 0.16,
        ["language/ja"] = 0.95, ["language/en"] = 0.02, ["language/zh"] = 0.012, ["language/ko"] = 0.008, ["language/vi"] = 0.01,
        ["topic/disaster"] = 0.6, ["topic/childcare"] = 0.25, ["topic/health"] = 0.4, ["topic/events"] = 0.3, ["topic/waste"] = 0.35, ["topic/roads"] = 0.2, ["topic/cityhall"] = 0.25,
    };

    /// <returns>The friends' LINE user ids.</returns>
    public async Task<IReadOnlyList<string>> LoadAsync(int count)
    {
        var random = new Random(20261126);
        var now = DateTimeOffset.UtcNow;
        var userIds = new List<string>(count);
        var residents = db.Model.FindEntityType(typeof(Resident))!;
        var values = db.Model.GetEntityTypes().Single(e => e.GetTableName() == "residents_attribute_values");
        // No timeouts: COPY of a million rows into indexed tables takes minutes on a busy machine.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { CommandTimeout = 0, Timeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        var chosen = new List<(Guid Resident, string Attribute, string Value)>(count * 5);
        await using (var residentRows = await connection.BeginBinaryImportAsync(CopyCommand(residents)))
        {
            residentRows.Timeout = TimeSpan.Zero;
            for (var i = 0; i < count; i++)
            {
                var id = Guid.CreateVersion7();
                var userId = "U" + Convert.ToHexStringLower(RandomBytes(random));
                var registered = random.NextDouble() < RegisteredShare;
                userIds.Add(userId);
                await residentRows.StartRowAsync();
                foreach (var column in Columns(residents))
                {
                    await WriteAsync(residentRows, column.Name switch
                    {
                        nameof(Resident.Id) => id,
                        nameof(Resident.TenantSlug) => BenchmarkServer.Tenant,
                        nameof(Resident.EnvironmentName) => BenchmarkServer.Environment,
                        nameof(Resident.LineUserId) => userId,
                        nameof(Resident.DisplayName) => $"住民{i}",
                        nameof(Resident.Language) => "ja",
                        nameof(Resident.Status) => nameof(ResidentStatus.Friend),
                        nameof(Resident.FirstFollowedAt) or nameof(Resident.FollowedAt) or nameof(Resident.UpdatedAt) => now,
                        nameof(Resident.BlockedAt) => null,
                        nameof(Resident.ConsentVersion) => registered ? ConsentVersion : null,
                        nameof(Resident.ConsentAcceptedAt) => registered ? now : null,
                        _ => throw Unknown(residents, column),
                    });
                }

                if (registered)
                {
                    chosen.AddRange(Choose(random).Select(c => (id, c.Attribute, c.Value)));
                }
            }

            await residentRows.CompleteAsync();
        }

        await using (var valueRows = await connection.BeginBinaryImportAsync(CopyCommand(values)))
        {
            valueRows.Timeout = TimeSpan.Zero;
            foreach (var (resident, attribute, value) in chosen)
            {
                await valueRows.StartRowAsync();
                foreach (var column in Columns(values))
                {
                    await WriteAsync(valueRows, column.Name switch
                    {
                        "TenantSlug" => BenchmarkServer.Tenant,
                        "EnvironmentName" => BenchmarkServer.Environment,
                        "ResidentId" => resident,
                        "AttributeKey" => attribute,
                        "ValueKey" => value,
                        _ => throw Unknown(values, column),
                    });
                }
            }

            await valueRows.CompleteAsync();
        }

        // Autovacuum would do this for tables that grew over time; index-only scans need the visibility map it sets.
        await using var analyze = new NpgsqlCommand($"VACUUM ANALYZE \"{residents.GetTableName()}\", \"{values.GetTableName()}\"", connection);
        await analyze.ExecuteNonQueryAsync();
        return userIds;
    }

    private IEnumerable<(string Attribute, string Value)> Choose(Random random)
    {
        foreach (var attribute in catalogue)
        {
            if (attribute.MultipleChoice)
            {
                var picked = attribute.Values.Where(v => random.NextDouble() < Share(attribute, v, 0.3)).ToList();
                foreach (var value in picked.Count > 0 ? picked : [attribute.Values[random.Next(attribute.Values.Count)]])
                {
                    yield return (attribute.Key, value.Key);
                }
            }
            else
            {
                var roll = random.NextDouble();
                var even = 1.0 / attribute.Values.Count;
                var pick = attribute.Values[^1];
                foreach (var value in attribute.Values)
                {
                    roll -= Share(attribute, value, even);
                    if (roll < 0)
                    {
                        pick = value;
                        break;
                    }
                }

                yield return (attribute.Key, pick.Key);
            }
        }
    }

    private static double Share(SegmentAttribute attribute, SegmentValue value, double fallback) =>
        Shares.GetValueOrDefault($"{attribute.Key}/{value.Key}", fallback);

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return bytes;
    }

    private static IEnumerable<IProperty> Columns(IEntityType entity) => entity.GetProperties();

    private static string CopyCommand(IEntityType entity)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = string.Join(", ", Columns(entity).Select(p => $"\"{p.GetColumnName(table)}\""));
        return $"COPY \"{entity.GetTableName()}\" ({columns}) FROM STDIN (FORMAT BINARY)";
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, object? value) => value switch
    {
        null => importer.WriteNullAsync(),
        Guid g => importer.WriteAsync(g),
        string s => importer.WriteAsync(s),
        DateTimeOffset d => importer.WriteAsync(d),
        _ => throw new InvalidOperationException($"No COPY writer for {value.GetType().Name}."),
    };

    private static InvalidOperationException Unknown(IEntityType entity, IProperty column) =>
        new($"The model's {entity.GetTableName()}.{column.Name} is new to the benchmark's loader: give it a value there.");
}
