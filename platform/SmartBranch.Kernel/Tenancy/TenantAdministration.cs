using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Kernel.Tenancy;

internal sealed class TenantAdministration(
    SmartBranchDbContext db,
    TenantCatalog catalog,
    TenantCatalogRefresher refresher,
    LineChannelCredentialProtector protector,
    LineConnectionTester connectionTester,
    PublicServerUrl publicUrl,
    AuditLog auditLog,
    TimeProvider clock) : ITenantAdministration
{
    public async Task<TenantDefinition> CreateAsync(NewTenant tenant, CancellationToken cancellationToken)
    {
        if (!TenantSlug.IsValid(tenant.Slug))
        {
            throw new TenantAdministrationException("識別名（スラッグ）は 2〜40 文字の英小文字・数字・ハイフンで入力してください。");
        }

        if (string.IsNullOrWhiteSpace(tenant.Name) || string.IsNullOrWhiteSpace(tenant.NameEn))
        {
            throw new TenantAdministrationException("自治体名を日本語と英語の両方で入力してください。");
        }

        if (tenant.Environments.Count == 0 || tenant.Environments.Except(TenantEnvironmentNames.All).Any())
        {
            throw new TenantAdministrationException("環境は production と staging から選んでください。");
        }

        if (catalog.IsDefinedInFiles(tenant.Slug) || await db.TenantRecords.AnyAsync(t => t.Slug == tenant.Slug, cancellationToken))
        {
            throw new TenantAdministrationException($"識別名「{tenant.Slug}」はすでに使われています。");
        }

        var now = clock.GetUtcNow();
        db.TenantRecords.Add(new TenantRecord
        {
            Slug = tenant.Slug,
            Name = tenant.Name.Trim(),
            NameEn = tenant.NameEn.Trim(),
            Environments = string.Join(',', TenantEnvironmentNames.All.Intersect(tenant.Environments)),
            Status = TenantStatus.Active,
            CreatedAt = now,
            UpdatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            throw new TenantAdministrationException($"識別名「{tenant.Slug}」はすでに使われています。", e);
        }

        await auditLog.RecordForTenantAsync(tenant.Slug,
            new AuditRecord("tenant.created", "tenant", tenant.Slug, $"自治体「{tenant.Name.Trim()}」を作成しました。"), cancellationToken);
        await refresher.RefreshAsync(cancellationToken);
        return catalog.Find(tenant.Slug)!;
    }

    public async Task UpdateLineChannelAsync(string tenantSlug, string environmentName, LineChannelInput channel, CancellationToken cancellationToken)
    {
        var (_, environment) = Editable(tenantSlug, environmentName);
        if (channel.Mode == LineMode.Emulator && environment.IsProduction)
        {
            throw new TenantAdministrationException("本番環境（production）ではエミュレーターを使えません。");
        }

        if (!IsHttpUrl(channel.ApiBaseUrl) || !IsHttpUrl(channel.DataApiBaseUrl))
        {
            throw new TenantAdministrationException("API の URL は http:// または https:// で始まる URL で入力してください。");
        }

        var record = await db.TenantLineChannels.FindAsync([tenantSlug, environmentName], cancellationToken)
            ?? db.TenantLineChannels.Add(new TenantLineChannelRecord { TenantSlug = tenantSlug, EnvironmentName = environmentName }).Entity;
        record.Mode = channel.Mode;
        record.ChannelId = Trimmed(channel.ChannelId);
        record.ApiBaseUrl = channel.ApiBaseUrl?.ToString();
        record.DataApiBaseUrl = channel.DataApiBaseUrl?.ToString();
        record.LoginChannelId = Trimmed(channel.LoginChannelId);
        record.LiffId = Trimmed(channel.LiffId);
        if (Trimmed(channel.ChannelSecret) is { } secret)
        {
            record.ProtectedChannelSecret = protector.Protect(secret);
        }

        if (Trimmed(channel.ChannelAccessToken) is { } token)
        {
            record.ProtectedChannelAccessToken = protector.Protect(token);
        }

        record.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);

        var replaced = (channel.ChannelSecret is null ? "" : "、チャネルシークレットを更新") + (channel.ChannelAccessToken is null ? "" : "、アクセストークンを更新");
        await auditLog.RecordForTenantAsync(tenantSlug, new AuditRecord(
            "tenant.line-channel.updated", "tenant-environment", $"{tenantSlug}/{environmentName}",
            $"{environmentName} の LINE チャネルを設定しました（モード {channel.Mode}、チャネル ID {record.ChannelId ?? "なし"}{replaced}）。"),
            cancellationToken);
        await refresher.RefreshAsync(cancellationToken);
    }

    public async Task<LineConnectionTestResult> TestLineConnectionAsync(string tenantSlug, string environmentName, CancellationToken cancellationToken)
    {
        var tenant = catalog.Find(tenantSlug) ?? throw new TenantAdministrationException("自治体が見つかりません。");
        var environment = tenant.FindEnvironment(environmentName) ?? throw new TenantAdministrationException("環境が見つかりません。");
        var result = await connectionTester.TestAsync(tenant, environment, cancellationToken);
        await auditLog.RecordForTenantAsync(tenantSlug, new AuditRecord(
            "tenant.line-channel.tested", "tenant-environment", $"{tenantSlug}/{environmentName}",
            $"{environmentName} の LINE 接続テスト: {(result.Succeeded ? "成功" : "失敗")}（{result.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "応答なし"}）"),
            cancellationToken);
        return result;
    }

    public async Task SetStatusAsync(string tenantSlug, TenantStatus status, string reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new TenantAdministrationException("理由を入力してください。");
        }

        var record = await db.TenantRecords.FindAsync([tenantSlug], cancellationToken)
            ?? throw new TenantAdministrationException("自治体が見つかりません。");
        if (record.Status == TenantStatus.Archived)
        {
            throw new TenantAdministrationException("アーカイブした自治体は元に戻せません。");
        }

        var previous = record.Status;
        record.Status = status;
        record.StatusReason = reason.Trim();
        record.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);

        await auditLog.RecordForTenantAsync(tenantSlug, new AuditRecord(
            "tenant.status.changed", "tenant", tenantSlug,
            $"状態を「{JapaneseName(previous)}」から「{JapaneseName(status)}」に変更しました。理由: {record.StatusReason}"),
            cancellationToken);
        await refresher.RefreshAsync(cancellationToken);
    }

    public Uri WebhookUrl(string tenantSlug, string environmentName) =>
        new(publicUrl.Value, $"line/{Uri.EscapeDataString(tenantSlug)}/{Uri.EscapeDataString(environmentName)}/webhook");

    private (TenantDefinition Tenant, TenantEnvironment Environment) Editable(string tenantSlug, string environmentName)
    {
        var tenant = catalog.Find(tenantSlug) ?? throw new TenantAdministrationException("自治体が見つかりません。");
        if (catalog.StatusOf(tenantSlug) == TenantStatus.Archived)
        {
            throw new TenantAdministrationException("アーカイブした自治体は変更できません。");
        }

        var environment = tenant.FindEnvironment(environmentName) ?? throw new TenantAdministrationException("環境が見つかりません。");
        return (tenant, environment);
    }

    private static bool IsHttpUrl(Uri? url) => url is null || (url.IsAbsoluteUri && url.Scheme is "http" or "https");

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string JapaneseName(TenantStatus status) => status switch
    {
        TenantStatus.Active => "稼働中",
        TenantStatus.Suspended => "停止中",
        _ => "アーカイブ済み",
    };
}
