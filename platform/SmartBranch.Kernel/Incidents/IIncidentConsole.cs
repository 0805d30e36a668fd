namespace SmartBranch.Kernel.Incidents;

/// <summary>The operators' console's view of incidents. Operators only; every change is audited.</summary>
public interface IIncidentConsole
{
    /// <summary>Unresolved incidents first (newest first), then the most recent resolved ones.</summary>
    Task<IReadOnlyList<IncidentSummary>> ListAsync(CancellationToken cancellationToken);

    Task<IncidentDetails?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>As <see cref="FindAsync"/>, for a report leaving the console (a download or a print): audited.</summary>
    Task<IncidentDetails?> ExportAsync(Guid id, CancellationToken cancellationToken);

    /// <exception cref="IncidentRuleException">Already acknowledged or resolved.</exception>
    Task AcknowledgeAsync(Guid id, CancellationToken cancellationToken);

    /// <exception cref="IncidentRuleException">The note is empty or too long.</exception>
    Task AddNoteAsync(Guid id, string note, CancellationToken cancellationToken);

    /// <exception cref="IncidentRuleException">Already resolved, or the note is too long.</exception>
    Task ResolveAsync(Guid id, string? note, CancellationToken cancellationToken);

    /// <exception cref="IncidentRuleException">A section is too long.</exception>
    Task SaveReportAsync(Guid id, IncidentReportText text, CancellationToken cancellationToken);
}

public sealed record IncidentSummary(
    Guid Id, string Title, string? TenantSlug, string? EnvironmentName, IncidentState State, DateTimeOffset OpenedAt, DateTimeOffset? ResolvedAt);

public sealed record IncidentDetails(Incident Incident, IReadOnlyList<IncidentEvent> Timeline, IncidentReport Report);

/// <summary>The four sections operators write; each is what the report shows, generated until saved.</summary>
public sealed record IncidentReportText(string Impact, string Cause, string Response, string Prevention)
{
    public const int MaxSectionLength = 8000;
}

/// <summary>A rule of incidents was broken; the message is Japanese, for the operator.</summary>
public sealed class IncidentRuleException(string message) : Exception(message);
