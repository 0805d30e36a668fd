namespace SmartBranch.LineEmulator.Hosting;

internal static class LineHeaders
{
    public const string RequestId = "x-line-request-id";
    public const string AcceptedRequestId = "x-line-accepted-request-id";
    public const string RetryKey = "X-Line-Retry-Key";
    public const string Signature = "x-line-signature";
}
