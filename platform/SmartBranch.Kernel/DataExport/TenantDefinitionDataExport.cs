using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.DataExport;

/// <summary>The kernel's part <c>tenant</c>: the municipality's names and environments, with each environment's LINE channel id (never its secret or token).</summary>
internal sealed class TenantDefinitionDataExport(ITenantCatalog catalog) : ITenantDataExportContributor
{
    private static readonly ExportFile TenantFile = new("tenant.json", ExportFileFormat.Json,
        "自治体の名前と環境。", "The municipality's names and environments.",
        [
            new("slug", "自治体の識別子（URL に使う英小文字）", "The tenant's id (lower-case, used in URLs)"),
            new("name", "自治体名", "Name in Japanese"),
            new("name_en", "自治体名（英語）", "Name in English"),
            new("environments", "環境の一覧。name（production は本番、staging はステージング）、line_mode（Line は LINE、Emulator は練習用エミュレーター）、line_channel_id（Messaging API のチャネル ID）",
                "The environments: name (production or staging), line_mode (Line, or Emulator for practice), line_channel_id (the Messaging API channel id)"),
        ]);

    public TenantDataExportPart Part { get; } = new(
        "tenant", "kernel",
        "自治体", "Tenant",
        "自治体の基本情報。チャネルシークレットとアクセストークンは含みません。",
        "The municipality's basic information. Channel secrets and access tokens are not included.",
        TenantDataExportScope.Tenant,
        [TenantFile]);

    public Task WriteAsync(ITenantDataExportWriter writer, CancellationToken cancellationToken)
    {
        var tenant = catalog.Find(writer.TenantSlug) ?? throw new TenantNotFoundException($"Tenant '{writer.TenantSlug}' does not exist.");
        return writer.WriteJsonAsync(TenantFile, new
        {
            slug = tenant.Slug,
            name = tenant.Name,
            name_en = tenant.NameEn,
            environments = tenant.Environments.Select(e => new { name = e.Name, line_mode = e.Line.Mode.ToString(), line_channel_id = e.Line.ChannelId }),
        }, cancellationToken);
    }
}
