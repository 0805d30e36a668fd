using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Media;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Reports.Catalog;
using SmartBranch.Modules.Reports.Domain;
using SmartBranch.Modules.Reports.Notifications;

namespace SmartBranch.Modules.Reports.Features.Cases;

/// <summary>
/// Forwards a case on a road the city does not manage to that road's manager (国, 県) by e-mail: the photo attached,
/// the place as coordinates and a map link, the category, time and the reporter's comment (what the manager needs to
/// find and judge the damage; never the reporter's LINE id). Recorded in the case's history (転送) and audited.
/// </summary>
public sealed class RoadManagerForwarding
{
    private readonly ReportsStaff _staff;
    private readonly IAuditLog _audit;
    private readonly IReportMailSender _mail;
    private readonly IMediaStore _media;
    private readonly ICurrentTenant _tenant;
    private readonly TimeProvider _clock;

    internal RoadManagerForwarding(ReportsStaff staff, IAuditLog audit, IReportMailSender mail, IMediaStore media, ICurrentTenant tenant, TimeProvider clock)
    {
        _staff = staff;
        _audit = audit;
        _mail = mail;
        _media = media;
        _tenant = tenant;
        _clock = clock;
    }

    /// <param name="note">Staff's own words to the manager; optional.</param>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="ReportsPermissions.Handle"/>.</exception>
    /// <exception cref="ReportRuleException">No such case, one on the city's own road, a manager without an e-mail address, or a note too long.</exception>
    public async Task ForwardAsync(Guid caseId, string? note, CancellationToken cancellationToken)
    {
        var userId = _staff.Require(ReportsPermissions.Handle);
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text is { Length: > ReportCaseEntry.MaxNoteLength })
        {
            throw new ReportRuleException($"メモは {ReportCaseEntry.MaxNoteLength} 文字までです。");
        }

        var report = await _staff.FindAsync(caseId, cancellationToken);
        var catalog = _staff.Catalog;
        if (catalog.RoadManager(report.RoadManagerKey) is not { } manager)
        {
            throw new ReportRuleException("この通報は市が管理する道路の通報なので、転送先がありません。");
        }

        if (manager.Email is not { } address)
        {
            throw new ReportRuleException($"{manager.Name}のメールアドレスが設定されていないため、転送できません。");
        }

        var tenant = _tenant.Required;
        var attachments = new List<ReportMailAttachment>();
        if (report.PhotoId is { } photoId && await ReadPhotoAsync(tenant, photoId, cancellationToken) is { } photo)
        {
            attachments.Add(new ReportMailAttachment($"{report.ReceiptNumber}.jpg", "image/jpeg", photo));
        }

        var category = catalog.Category(report.CategoryKey)?.NameJa ?? report.CategoryKey;
        await _mail.SendAsync(address, Subject(tenant, report, category), Body(tenant, catalog, report, manager, category, text, attachments.Count > 0), attachments, cancellationToken);

        var now = _clock.GetUtcNow();
        var forwardedTo = $"{manager.Name} <{address}>";
        report.Touch(now);
        _staff.Db.Add(ReportCaseEntry.Forwarded(report.Id, now, userId, _staff.Member.DisplayName, forwardedTo[..Math.Min(forwardedTo.Length, ReportCaseEntry.MaxForwardedToLength)], text));
        try
        {
            await _staff.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new ReportRuleException("メールは送りましたが、同時に案件が変更されたため履歴に残せませんでした。画面を読み込み直して確かめてください。", e);
        }

        await _audit.RecordAsync(
            new AuditRecord("reports.case.forwarded", "report", report.Id.ToString(), $"通報 {report.ReceiptNumber} を{manager.Name}へ転送しました（写真・場所・コメント）。", TouchesPersonalData: true),
            cancellationToken);
    }

    /// <summary>The OpenStreetMap page centred on the place, as the case page links it.</summary>
    public static string MapLink(double latitude, double longitude) => string.Create(
        CultureInfo.InvariantCulture, $"https://www.openstreetmap.org/?mlat={latitude:F6}&mlon={longitude:F6}#map=18/{latitude:F6}/{longitude:F6}");

    private async Task<byte[]?> ReadPhotoAsync(TenantContext tenant, string photoId, CancellationToken cancellationToken)
    {
        await using var stream = await _media.OpenReadAsync(new MediaKey(tenant.TenantSlug, tenant.EnvironmentName, MediaFileName.Original(photoId)), cancellationToken);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    private static string Subject(TenantContext tenant, ReportCase report, string category)
    {
        var staging = tenant.Environment.IsProduction ? "" : "【検証環境】";
        return $"{staging}[{tenant.Tenant.Name} 通報の転送] {report.ReceiptNumber} {category}（{report.Road}）";
    }

    private static string Body(TenantContext tenant, ReportCatalog catalog, ReportCase report, RoadManager manager, string category, string? note, bool hasPhoto)
    {
        var department = catalog.Department(report.DepartmentKey);
        var lines = new List<string>
        {
            $"{manager.Name} 御中",
            "",
            $"{tenant.Tenant.Name}{department?.Name}です。貴所が管理される道路についての通報が寄せられましたので、お知らせします。",
            "",
            $"受付番号: {report.ReceiptNumber}",
            $"種類: {category}",
            $"道路: {report.Road}",
            $"通報日時: {JapanTime.Display(report.ReportedAt)}",
            string.Create(CultureInfo.InvariantCulture, $"場所: 緯度 {report.Latitude:F6}、経度 {report.Longitude:F6}"),
            $"地図: {MapLink(report.Latitude, report.Longitude)}",
        };
        if (report.Address is { } address)
        {
            lines.Add($"住所（通報者の指定）: {address}");
        }

        lines.Add($"状況（通報者のコメント）: {report.Comment ?? "なし"}");
        lines.Add(hasPhoto ? "写真: 添付のとおり" : report.MediaUrl is { } url ? $"写真: {url}" : "写真: なし");
        if (note is not null)
        {
            lines.Add("");
            lines.Add($"{tenant.Tenant.Name}より: {note}");
        }

        lines.Add("");
        lines.Add("ご対応をお願いいたします。");
        if (department is not null)
        {
            lines.Add($"問い合わせ先: {tenant.Tenant.Name}{department.Name}{(department.Email is { } email ? $"（{email}）" : "")}");
        }

        return string.Join('\n', lines);
    }
}
