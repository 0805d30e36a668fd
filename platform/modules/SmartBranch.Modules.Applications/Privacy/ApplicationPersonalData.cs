using System.Text.Json;
using SmartBranch.Jpki;
using SmartBranch.Kernel.Privacy;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Applications.Domain;

namespace SmartBranch.Modules.Applications.Privacy;

/// <summary>
/// Seals and opens an application's personal fields with the current tenant environment's key. Opening is for the
/// resident's own pages and for staff pages that audit the view; nothing opened is logged.
/// </summary>
public sealed class ApplicationPersonalData
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IPersonalDataProtector _protector;
    private readonly ICurrentTenant _tenant;

    public ApplicationPersonalData(IPersonalDataProtector protector, ICurrentTenant tenant)
    {
        _protector = protector;
        _tenant = tenant;
    }

    public SealedText SealForm(ApplicationFormData form) => Seal(JsonSerializer.Serialize(form, Json));

    /// <returns><see cref="ApplicationFormData.Empty"/> when nothing was entered yet or the data was purged.</returns>
    public ApplicationFormData OpenForm(ResidentApplication application) =>
        application.FormData is { } sealedForm ? JsonSerializer.Deserialize<ApplicationFormData>(Open(sealedForm), Json) ?? ApplicationFormData.Empty : ApplicationFormData.Empty;

    public SealedText SealDocument(string document) => Seal(document);

    /// <returns>Null before submission or after the purge.</returns>
    public string? OpenDocument(ResidentApplication application) => application.SignedDocument is { } document ? Open(document) : null;

    public SealedText SealCertificate(byte[] certificate) => Seal(Convert.ToBase64String(certificate));

    public byte[]? OpenCertificate(ResidentApplication application) =>
        application.SignerCertificate is { } certificate ? Convert.FromBase64String(Open(certificate)) : null;

    public SealedText SealIdentity(JpkiIdentity identity) => Seal(JsonSerializer.Serialize(identity, Json));

    /// <returns>The verified 基本4情報; null until a signature was verified, or after the purge.</returns>
    public JpkiIdentity? OpenIdentity(ResidentApplication application) =>
        application.VerifiedIdentity is { } identity ? JsonSerializer.Deserialize<JpkiIdentity>(Open(identity), Json) : null;

    private SealedText Seal(string plaintext) => _protector.Seal(_tenant.Required, plaintext);

    private string Open(SealedText sealedText) => _protector.Open(_tenant.Required, sealedText);
}
