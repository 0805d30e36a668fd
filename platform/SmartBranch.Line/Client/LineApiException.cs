using System.Net;

namespace SmartBranch.Line.Client;

/// <summary>
/// A LINE API call that failed for good (after retries where retrying is safe). <see cref="StatusCode"/> is 0
/// when LINE could not be reached at all; the cause is then the inner exception.
/// </summary>
public sealed class LineApiException : Exception
{
    public LineApiException(HttpStatusCode statusCode, string? lineMessage, string? requestId, string? responseBody)
        : this(statusCode, lineMessage, requestId, responseBody, [])
    {
    }

    public LineApiException(
        HttpStatusCode statusCode, string? lineMessage, string? requestId, string? responseBody, IReadOnlyList<LineApiErrorDetail> details)
        : base(Describe(statusCode, lineMessage, requestId, details))
    {
        StatusCode = statusCode;
        LineMessage = lineMessage;
        RequestId = requestId;
        ResponseBody = responseBody;
        Details = details;
    }

    public LineApiException() : this(HttpStatusCode.InternalServerError, null, null, null) { }

    public LineApiException(string message) : base(message) { }

    public LineApiException(string message, Exception innerException) : base(message, innerException) { }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The <c>message</c> field of LINE's error body.</summary>
    public string? LineMessage { get; }

    /// <summary>LINE's <c>x-line-request-id</c>, the reference LINE support asks for.</summary>
    public string? RequestId { get; }

    public string? ResponseBody { get; }

    /// <summary>The <c>details</c> of LINE's error body: which property of the request was wrong, and how.</summary>
    public IReadOnlyList<LineApiErrorDetail> Details { get; } = [];

    private static string Describe(HttpStatusCode statusCode, string? lineMessage, string? requestId, IReadOnlyList<LineApiErrorDetail> details)
    {
        var detailText = details.Count == 0 ? "" : $" [{string.Join("; ", details.Select(d => $"{d.Property}: {d.Message}"))}]";
        return $"LINE API answered {(int)statusCode}: {lineMessage ?? "(no message)"}{detailText} (x-line-request-id: {requestId ?? "none"})";
    }
}

/// <param name="Message">What is wrong, such as <c>Length must be between 0 and 5000</c>.</param>
/// <param name="Property">Where, such as <c>messages[0].text</c>.</param>
public sealed record LineApiErrorDetail(string? Message, string? Property);
