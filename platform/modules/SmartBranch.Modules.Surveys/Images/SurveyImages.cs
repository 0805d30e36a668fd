using Microsoft.AspNetCore.DataProtection;
using SmartBranch.Kernel.Media;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Modules.Surveys.Images;

/// <summary>
/// The images residents give as answers: sniffed, size-limited and re-encoded without EXIF (<see cref="ImageReencoder"/>),
/// then kept under private names (<see cref="MediaFileName.PrivateOriginal"/>) that the public <c>/media</c> route never
/// serves. Until the answer is sent, an image travels in the page as a token: its id protected (encrypted and signed)
/// and bound to the survey, the resident and the tenant environment, so that nobody can attach an image they did not
/// upload. Nothing else ties an image to the resident: an anonymous answer's images are linked to nobody.
/// </summary>
internal sealed class SurveyImages(IMediaStore store, ICurrentTenant currentTenant, IDataProtectionProvider dataProtection, TimeProvider clock)
{
    /// <summary>Time to finish the rest of the form after an upload.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(2);

    private readonly OwnedPageTokens _tokens = new(dataProtection, "SmartBranch.Surveys.AnswerImage.v1", TokenLifetime, clock);

    /// <returns>The stored image's id.</returns>
    /// <exception cref="ImageRejectedException">Not a JPEG or PNG, too large, or unreadable.</exception>
    public async Task<string> KeepAsync(Stream content, CancellationToken cancellationToken)
    {
        var bytes = await ImageReencoder.ReadLimitedAsync(content, cancellationToken);
        var image = ImageReencoder.Reencode(bytes.Span);
        var id = MediaFileName.NewId();
        await store.SaveAsync(KeyOf(id, preview: false), image.Original, cancellationToken);
        await store.SaveAsync(KeyOf(id, preview: true), image.Preview, cancellationToken);
        return id;
    }

    /// <summary>The stored image (or its preview), or null when there is none.</summary>
    public Task<Stream?> OpenAsync(string imageId, bool preview, CancellationToken cancellationToken) =>
        MediaFileName.IsId(imageId) ? store.OpenReadAsync(KeyOf(imageId, preview), cancellationToken) : Task.FromResult<Stream?>(null);

    public string Issue(Guid surveyId, string lineUserId, string imageId) => _tokens.Issue(Owner(surveyId, lineUserId), imageId);

    /// <returns>The image's id, or null when the token is expired, altered, or someone else's.</returns>
    public string? Read(Guid surveyId, string lineUserId, string token) =>
        _tokens.Read(Owner(surveyId, lineUserId), token) is { } imageId && MediaFileName.IsId(imageId) ? imageId : null;

    private MediaKey KeyOf(string imageId, bool preview)
    {
        var tenant = currentTenant.Required;
        return new MediaKey(tenant.TenantSlug, tenant.EnvironmentName, preview ? MediaFileName.PrivatePreview(imageId) : MediaFileName.PrivateOriginal(imageId));
    }

    private string Owner(Guid surveyId, string lineUserId)
    {
        var tenant = currentTenant.Required;
        return $"{tenant.TenantSlug}\n{tenant.EnvironmentName}\n{surveyId}\n{lineUserId}\n";
    }
}
