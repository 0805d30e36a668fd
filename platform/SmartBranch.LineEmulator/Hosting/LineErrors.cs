using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace SmartBranch.LineEmulator.Hosting;

/// <summary>One entry of <c>details</c> in LINE's error body.</summary>
internal sealed record ErrorDetail(string Message, string Property);

/// <summary>LINE's error bodies (https://developers.line.biz/en/reference/messaging-api/#error-responses):
/// <c>{"message": "...", "details": [{"message": "...", "property": "..."}]}</c>, details omitted when empty.</summary>
internal static class LineErrors
{
    public const string NotFound = "Not found";

    // LINE answers in plain UTF-8 (a display name in Japanese arrives as written, not as \u escapes).
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static IResult Error(int status, string message, IReadOnlyList<ErrorDetail>? details = null) =>
        Results.Json(new ErrorBody(message, details is { Count: > 0 } ? details : null), Json, statusCode: status);

    /// <summary>400 for a body that breaks the documented limits, one detail per broken rule.</summary>
    public static IResult Validation(IReadOnlyList<ErrorDetail> details) =>
        Error(StatusCodes.Status400BadRequest, $"The request body has {details.Count} error(s)", details);

    public static IResult Unauthorized(bool headerMissing) => Error(
        StatusCodes.Status401Unauthorized,
        headerMissing
            ? "Authorization header required. Must follow the scheme, 'Authorization: Bearer <ACCESS TOKEN>'"
            : "Authentication failed. Confirm that the access token in the authorization header is valid.");

    /// <summary>The channel's monthly target limit would be exceeded (https://developers.line.biz/en/reference/messaging-api/#status-codes).</summary>
    public static IResult MonthlyLimitReached() =>
        Error(StatusCodes.Status429TooManyRequests, "You have reached your monthly limit.");

    public static IResult TooManyRequests() =>
        Error(StatusCodes.Status429TooManyRequests, "The API rate limit has been exceeded. Try again later.");

    public static IResult NotFoundError() => Error(StatusCodes.Status404NotFound, NotFound);

    public static IResult Ok(object body) => Results.Json(body, Json);

    private sealed record ErrorBody(string Message, IReadOnlyList<ErrorDetail>? Details);
}
