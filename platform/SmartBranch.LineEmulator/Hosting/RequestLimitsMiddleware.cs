using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using SmartBranch.LineEmulator.State;

namespace SmartBranch.LineEmulator.Hosting;

/// <summary>Gives every response an <c>x-line-request-id</c> and rejects bodies over LINE's 2 MB limit with 413
/// (https://developers.line.biz/en/reference/messaging-api/#request-body-size: "max 2 MB").</summary>
internal sealed class RequestLimitsMiddleware(RequestDelegate next)
{
    public const long MaxBodyBytes = 2 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = Ids.NewRequestId();
        context.SetRequestId(requestId);
        context.Response.Headers[LineHeaders.RequestId] = requestId;

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            await TooLarge(context);
            return;
        }

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = MaxBodyBytes;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await TooLarge(context);
        }
    }

    private static Task TooLarge(HttpContext context) =>
        LineErrors.Error(StatusCodes.Status413PayloadTooLarge, "Request Entity Too Large").ExecuteAsync(context);
}
