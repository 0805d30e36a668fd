using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Residents.Segments.Editing;

/// <summary>
/// A tenant environment's catalogue as edited in the portal (staging) or promoted (production). When present it
/// replaces the tenant's <c>segments.yml</c>, which stays the seed.
/// </summary>
internal sealed class SegmentCatalogVersion : ITenantOwned
{
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public string CatalogJson { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
