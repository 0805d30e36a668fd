using System.Net;

namespace SmartBranch.Line.Client;

/// <summary>A LINE API call that failed for good (after retries where retrying is safe).</summary>
public sealed class LineApiException : Exception
{
    public LineApiException(HttpStatusCode statusCode, string? lineMessage, string? requestId, string? responseBody)
        : base($"LINE API answered {(int)statusCode}: {lineMessage ?? "(no message)"} (x-line-request-id: {requestId ?? "none"})")
    {
        StatusCode = statusCode;
        LineMessage = lineMessage;
        RequestId = requestId;
        ResponseBody = responseBody;
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
}
