using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using SmartBranch.Payments.Configuration;

namespace SmartBranch.Modules.Payments.Webhook;

/// <summary>
/// <c>POST /payments/{tenant}/{env}/webhook</c>: where the environment's gateway posts its events. Anonymous (the
/// signature is the authentication); the body is read raw, as it was signed. Answers 200 for an event applied or
/// ignored, 400 for a bad signature, 422 for a mismatch (the gateway redelivers it, operators are alerted), 404 when
/// the environment has no gateway.
/// </summary>
internal static class PaymentWebhookEndpoints
{
    private const long MaxBodyBytes = 256 * 1024;

    public static void MapPaymentWebhook(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(PaymentWebhookPaths.Pattern, HandleAsync).AllowAnonymous().DisableAntiforgery();

    private static async Task<IResult> HandleAsync(HttpContext http, PaymentWebhook webhook)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = MaxBodyBytes;
        }

        string payload;
        try
        {
            using var reader = new StreamReader(http.Request.Body);
            payload = await reader.ReadToEndAsync(http.RequestAborted);
        }
        catch (BadHttpRequestException)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var outcome = await webhook.HandleAsync(payload, name => http.Request.Headers[name].FirstOrDefault(), http.RequestAborted);
        return outcome switch
        {
            PaymentWebhookOutcome.Applied or PaymentWebhookOutcome.Ignored => Results.Ok(),
            PaymentWebhookOutcome.Rejected => Results.BadRequest(),
            PaymentWebhookOutcome.Mismatch => Results.UnprocessableEntity(),
            _ => Results.NotFound(),
        };
    }
}
