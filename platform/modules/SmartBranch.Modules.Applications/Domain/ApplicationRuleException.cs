namespace SmartBranch.Modules.Applications.Domain;

/// <summary>An application rule was broken; the message is Japanese, for the resident or staff.</summary>
public sealed class ApplicationRuleException : Exception
{
    public ApplicationRuleException() { }

    public ApplicationRuleException(string message) : base(message) { }

    public ApplicationRuleException(string message, Exception innerException) : base(message, innerException) { }
}
