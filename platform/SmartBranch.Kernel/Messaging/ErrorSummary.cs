namespace SmartBranch.Kernel.Messaging;

/// <summary>What a failed attempt stores for operators: the exception's type and message, bounded.</summary>
internal static class ErrorSummary
{
    public const int MaxLength = 2000;

    public static string Of(Exception exception)
    {
        var text = $"{exception.GetType().Name}: {exception.Message}";
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }
}
