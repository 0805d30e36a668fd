namespace SmartBranch.Portal.Modules.Audit;

/// <summary>The audit log viewer's texts: <c>AuditText.resx</c> (Japanese) and <c>AuditText.en.resx</c>.</summary>
public sealed class AuditText;
