using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartBranch.LineEmulator.Hosting;
using SmartBranch.LineEmulator.State;

namespace SmartBranch.LineEmulator.Jpki;

/// <summary>
/// The JPKI sandbox: a signing API shaped like a signing provider's (<c>/jpki/v1/sign-requests</c>), the CA certificate
/// and CRL downloads, a platform-provider-style certificate status API, the card page and the controls that revoke a
/// test resident's certificate or issue an expired one. Not part of LINE.
/// </summary>
internal static class JpkiSandboxEndpoints
{
    public const string CaCertificatePath = "/jpki/ca.cer";
    public const string CrlPath = "/jpki/crl";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/jpki/v1/sign-requests", CreateSignRequest);
        app.MapGet("/jpki/v1/sign-requests/{sessionId}/result", SignResult);
        app.MapPost("/jpki/v1/certificates/status", CertificateStatus);
        app.MapGet(CaCertificatePath, (SandboxCertificateAuthority ca) => Results.Bytes(ca.Certificate.RawData, "application/pkix-cert"));
        app.MapGet(CrlPath, (SandboxCertificateAuthority ca) => Results.Bytes(ca.PublishCrl(), "application/pkix-crl"));

        app.MapGet("/_sim/jpki/sign/{sessionId}", (HttpContext http, EmulatorState state, SandboxCards cards, SandboxSigningSessions sessions, string sessionId, string? userId) =>
            SandboxCardPage.Show(http, state, cards, sessions, sessionId, userId));
        app.MapPost("/_sim/jpki/sign/{sessionId}", SandboxCardPage.SubmitAsync).DisableAntiforgery();
        SandboxCardControls.Map(app);
    }

    public static Uri CrlUrl(HttpContext http) => new($"{http.Request.Scheme}://{http.Request.Host}{CrlPath}");

    private static async Task<IResult> CreateSignRequest(HttpContext http, SandboxSigningSessions sessions, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body is null)
        {
            return error!;
        }

        var problems = new List<ErrorDetail>();
        var reference = Required(body, "reference", problems);
        var title = Required(body, "title", problems);
        var document = Base64(body, "document", problems);
        Uri? returnUrl = null;
        if (Required(body, "returnUrl", problems) is { } returnText
            && !(Uri.TryCreate(returnText, UriKind.Absolute, out returnUrl) && (returnUrl.Scheme == Uri.UriSchemeHttp || returnUrl.Scheme == Uri.UriSchemeHttps)))
        {
            problems.Add(new ErrorDetail("Must be an absolute http(s) URL", "returnUrl"));
        }

        if (problems.Count > 0)
        {
            return LineErrors.Validation(problems);
        }

        var session = sessions.Create(reference!, title!, document!, returnUrl!);
        var signingUrl = $"{http.Request.Scheme}://{http.Request.Host}/_sim/jpki/sign/{session.Id}";
        return Results.Json(new { sessionId = session.Id, signingUrl }, LineErrors.Json, statusCode: StatusCodes.Status201Created);
    }

    private static IResult SignResult(SandboxSigningSessions sessions, string sessionId) => sessions.Find(sessionId) switch
    {
        null => LineErrors.NotFoundError(),
        { Status: SandboxSigningStatus.Signed } session => LineErrors.Ok(new
        {
            status = "signed",
            signature = Convert.ToBase64String(session.Signature!),
            certificate = Convert.ToBase64String(session.Certificate!),
        }),
        var session => LineErrors.Ok(new { status = session.Status.ToString().ToLowerInvariant() }),
    };

    private static async Task<IResult> CertificateStatus(HttpContext http, SandboxCertificateAuthority ca, CancellationToken ct)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || authorization.Length == "Bearer ".Length)
        {
            return LineErrors.Unauthorized(headerMissing: authorization.Length == 0);
        }

        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body is null)
        {
            return error!;
        }

        var problems = new List<ErrorDetail>();
        var certificate = Base64(body, "certificate", problems);
        return problems.Count > 0 ? LineErrors.Validation(problems) : LineErrors.Ok(new { status = ca.StatusOf(certificate!) });
    }

    private static string? Required(JsonObject body, string property, List<ErrorDetail> problems)
    {
        if (body.GetString(property) is { Length: > 0 } value)
        {
            return value;
        }

        problems.Add(new ErrorDetail("Required", property));
        return null;
    }

    private static byte[]? Base64(JsonObject body, string property, List<ErrorDetail> problems)
    {
        if (Required(body, property, problems) is not { } text)
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            problems.Add(new ErrorDetail("Must be base64", property));
            return null;
        }
    }
}
