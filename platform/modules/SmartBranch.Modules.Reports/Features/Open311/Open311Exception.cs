using Microsoft.AspNetCore.Http;

namespace SmartBranch.Modules.Reports.Features.Open311;

/// <summary>A request the API refuses; answered in the spec's error format with <see cref="StatusCode"/>.</summary>
public sealed class Open311Exception : Exception
{
    public Open311Exception() { }

    public Open311Exception(string message) : base(message) { }

    public Open311Exception(string message, Exception innerException) : base(message, innerException) { }

    public Open311Exception(int statusCode, string message) : base(message) => StatusCode = statusCode;

    public int StatusCode { get; } = StatusCodes.Status400BadRequest;

    public static Open311Exception BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    public Open311Document ToDocument() => Open311Document.Errors(StatusCode, Message);
}
