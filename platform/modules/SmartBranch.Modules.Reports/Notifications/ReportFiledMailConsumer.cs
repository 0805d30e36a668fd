using MassTransit;
using Microsoft.Extensions.Configuration;
using SmartBranch.Kernel.Messaging;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Reports.Catalog;
using SmartBranch.Modules.Reports.Contracts;

namespace SmartBranch.Modules.Reports.Notifications;

/// <summary>
/// Tells the category's department of a new report by e-mail, once. The mail carries the receipt number, category and
/// a link to the case, never the photo, place or comment: those are read in the portal, where reading is audited.
/// A failed send is retried by the bus.
/// </summary>
internal sealed class ReportFiledMailConsumer(
    IInbox inbox, SmartBranchDbContext db, ICurrentTenant currentTenant, ReportCatalogFiles catalogs, IReportMailSender mail, IConfiguration configuration)
    : IConsumer<ReportFiledIntegrationEvent>
{
    private const string ConsumerName = "reports.department-mail";

    public async Task Consume(ConsumeContext<ReportFiledIntegrationEvent> context)
    {
        var filed = context.Message;
        var cancellationToken = context.CancellationToken;
        if (await inbox.HasProcessedAsync(ConsumerName, filed.EventId, cancellationToken))
        {
            return;
        }

        var tenant = currentTenant.Required;
        var catalog = catalogs.For(tenant);
        if (catalog.Department(filed.DepartmentKey) is { Email: { } address } department)
        {
            var category = catalog.Category(filed.CategoryKey)?.NameJa ?? filed.CategoryKey;
            await mail.SendAsync(address, Subject(tenant, filed, category), Body(tenant, filed, category, department.Name), [], cancellationToken);
        }

        inbox.MarkProcessed(ConsumerName, filed.EventId);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Subject(TenantContext tenant, ReportFiledIntegrationEvent filed, string category)
    {
        var staging = tenant.Environment.IsProduction ? "" : "【検証環境】";
        return $"{staging}[{tenant.Tenant.Name} 通報] {filed.ReceiptNumber} {category}";
    }

    private string Body(TenantContext tenant, ReportFiledIntegrationEvent filed, string category, string department)
    {
        var lines = new List<string>
        {
            $"{department} 御中",
            "",
            "LINE から新しい通報が届きました。",
            $"受付番号: {filed.ReceiptNumber}",
            $"種類: {category}",
        };
        if (filed.PossibleDuplicate)
        {
            lines.Add("※ 近くの場所・時期に同じ種類の未完了の通報があります（重複の可能性）。");
        }

        lines.Add("");
        lines.Add("写真・場所・コメントはポータルで確認してください。");
        if (configuration["Server:PublicUrl"] is { Length: > 0 } origin)
        {
            lines.Add(new Uri(new Uri(origin.TrimEnd('/') + "/"), $"portal/{tenant.TenantSlug}/reports/{filed.ReportId}").ToString());
        }

        return string.Join('\n', lines);
    }
}
