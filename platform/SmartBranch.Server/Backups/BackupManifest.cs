using System.Text.Json;

namespace SmartBranch.Server.Backups;

/// <summary>
/// What a backup holds, counted in the same snapshot as the dump: the migrations applied and the rows of
/// every table. Kept unencrypted beside the backup: table names and counts, never a row's content. The
/// restore drill proves a backup by finding exactly this in the database it restored.
/// </summary>
public sealed record BackupManifest(IReadOnlyList<string> Migrations, IReadOnlyDictionary<string, long> RowCounts)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <exception cref="JsonException">Not a manifest.</exception>
    public static BackupManifest FromJson(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<BackupManifest>(json, Json) ?? throw new JsonException("An empty manifest.");
}
