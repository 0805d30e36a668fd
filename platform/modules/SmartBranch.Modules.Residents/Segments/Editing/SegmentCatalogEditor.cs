using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Residents.Preferences;

namespace SmartBranch.Modules.Residents.Segments.Editing;

internal sealed class SegmentCatalogEditor(
    SmartBranchDbContext db,
    ICurrentTenant currentTenant,
    ICurrentStaff staff,
    ITenantScopeFactory scopes,
    SegmentCatalogFiles files,
    IAuditLog auditLog,
    TimeProvider clock) : ISegmentCatalogEditor
{
    public async Task<SegmentCatalogEditorState> GetAsync(CancellationToken cancellationToken)
    {
        Require();
        var tenant = currentTenant.Required;
        var catalog = await CurrentAsync(db, tenant, cancellationToken);
        var used = (await UsedValuesAsync(db, cancellationToken)).Select(v => $"{v.Attribute}/{v.Value}").ToHashSet(StringComparer.Ordinal);
        if (tenant.Environment.IsProduction)
        {
            return new SegmentCatalogEditorState(catalog, IsEditable: false, used, []);
        }

        await using var production = scopes.CreateScope(tenant.TenantSlug, TenantEnvironmentNames.Production);
        var productionCatalog = await CurrentAsync(production.ServiceProvider.GetRequiredService<SmartBranchDbContext>(), tenant, cancellationToken);
        return new SegmentCatalogEditorState(catalog, IsEditable: true, used, SegmentCatalogDiff.Describe(productionCatalog, catalog));
    }

    public async Task SaveAsync(EditableSegmentCatalog catalog, CancellationToken cancellationToken)
    {
        var staffId = Require();
        var tenant = RequireStaging();
        var problems = SegmentCatalogRules.Validate(catalog).ToList();
        problems.AddRange(RemovedInUse(await UsedValuesAsync(db, cancellationToken), catalog, "住民が選んでいる"));
        if (problems.Count > 0)
        {
            throw new SegmentCatalogException(problems);
        }

        await StoreAsync(db, catalog, staffId, cancellationToken);
        await auditLog.RecordAsync(
            new AuditRecord("residents.segments.saved", "segment-catalog", tenant.EnvironmentName, "ステージングのセグメントを保存"), cancellationToken);
    }

    public async Task PromoteAsync(CancellationToken cancellationToken)
    {
        var staffId = Require();
        var tenant = RequireStaging();
        var catalog = await CurrentAsync(db, tenant, cancellationToken);
        await using var production = scopes.CreateScope(tenant.TenantSlug, TenantEnvironmentNames.Production);
        var productionDb = production.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        var changes = SegmentCatalogDiff.Describe(await CurrentAsync(productionDb, tenant, cancellationToken), catalog);
        var problems = RemovedInUse(await UsedValuesAsync(productionDb, cancellationToken), catalog, "本番環境の住民が選んでいる");
        if (problems.Count > 0)
        {
            throw new SegmentCatalogException(problems);
        }

        await StoreAsync(productionDb, catalog, staffId, cancellationToken);
        await auditLog.RecordAsync(
            new AuditRecord("residents.segments.promoted", "segment-catalog", TenantEnvironmentNames.Production,
                $"セグメントをステージングから本番環境へ反映（変更 {changes.Count} 件）"),
            cancellationToken);
    }

    private string Require() =>
        staff.UserId is { } userId && staff.HasPermission(ResidentsPermissions.ManageSegments)
            ? userId
            : throw new SegmentCatalogException($"この操作には権限「{ResidentsPermissions.ManageSegments}」が必要です。");

    private TenantContext RequireStaging()
    {
        var tenant = currentTenant.Required;
        return tenant.EnvironmentName == TenantEnvironmentNames.Staging
            ? tenant
            : throw new SegmentCatalogException("本番環境のセグメントは直接編集できません。ステージングで編集し、「本番へ反映」してください。");
    }

    private async Task<EditableSegmentCatalog> CurrentAsync(SmartBranchDbContext context, TenantContext tenant, CancellationToken cancellationToken) =>
        await StoredSegmentCatalogs.FindEditableAsync(context, cancellationToken) ?? EditableSegmentCatalog.From(files.For(tenant));

    private async Task StoreAsync(SmartBranchDbContext context, EditableSegmentCatalog catalog, string staffId, CancellationToken cancellationToken)
    {
        var version = await context.Set<SegmentCatalogVersion>().SingleOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            version = new SegmentCatalogVersion();
            context.Add(version);
        }

        version.CatalogJson = catalog.Serialize();
        version.UpdatedAt = clock.GetUtcNow();
        version.UpdatedBy = staffId;
        await context.SaveChangesAsync(cancellationToken);
    }

    private static async Task<List<(string Attribute, string Value)>> UsedValuesAsync(SmartBranchDbContext context, CancellationToken cancellationToken) =>
        (await context.Set<ResidentAttributeValue>().AsNoTracking()
            .Select(v => new { v.AttributeKey, v.ValueKey }).Distinct().ToListAsync(cancellationToken))
        .Select(v => (v.AttributeKey, v.ValueKey)).ToList();

    /// <summary>A key in use is immutable: its value may be renamed or hidden, never removed (nor its key changed, which removes it).</summary>
    private static List<string> RemovedInUse(IEnumerable<(string Attribute, string Value)> used, EditableSegmentCatalog catalog, string whose)
    {
        var kept = catalog.ValueKeys().ToHashSet();
        return used.Where(v => !kept.Contains(v))
            .OrderBy(v => v.Attribute, StringComparer.Ordinal).ThenBy(v => v.Value, StringComparer.Ordinal)
            .Select(v => $"属性 {v.Attribute} の選択肢 {v.Value} は{whose}ため、削除やキーの変更はできません。残したまま「非表示」にしてください。")
            .ToList();
    }
}
