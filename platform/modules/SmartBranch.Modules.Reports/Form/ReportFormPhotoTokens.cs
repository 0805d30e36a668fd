using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Reports.Chat;

namespace SmartBranch.Modules.Reports.Form;

/// <summary>
/// The photo a resident already uploaded, carried through the form's later steps as a hidden field: the stored
/// photo's id and capture time, protected (encrypted and signed) and bound to the resident and tenant environment,
/// so that nobody can attach a photo they did not upload, and expiring after <see cref="Lifetime"/>.
/// </summary>
internal sealed class ReportFormPhotoTokens(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    /// <summary>Time to fix the rest of the form after the upload.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private readonly OwnedPageTokens _tokens = new(dataProtection, "SmartBranch.Reports.FormPhoto.v1", Lifetime, clock);

    public string Issue(TenantContext tenant, string lineUserId, StoredReportPhoto photo)
    {
        var captured = photo.CapturedAt?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) ?? "";
        return _tokens.Issue(Owner(tenant, lineUserId), $"{photo.PhotoId}\n{captured}");
    }

    /// <returns>The photo, or null when the token is missing, expired, altered, or someone else's.</returns>
    public StoredReportPhoto? Read(TenantContext tenant, string lineUserId, string? token)
    {
        if (_tokens.Read(Owner(tenant, lineUserId), token)?.Split('\n') is not [{ Length: > 0 } photoId, var captured])
        {
            return null;
        }

        return new StoredReportPhoto(
            photoId,
            long.TryParse(captured, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null);
    }

    private static string Owner(TenantContext tenant, string lineUserId) => $"{tenant.TenantSlug}\n{tenant.EnvironmentName}\n{lineUserId}\n";
}
