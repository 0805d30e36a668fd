using SmartBranch.Modules.Surveys.PublicComments.Domain;

namespace SmartBranch.Modules.Surveys.PublicComments.Desk;

/// <summary>What the portal asks of <see cref="PublicCommentDesk"/> (see there for each call's permission and errors).</summary>
public interface IPublicCommentDesk
{
    DateTimeOffset Now { get; }

    Task<IReadOnlyList<PublicCommentSummary>> ListAsync(CancellationToken cancellationToken);

    Task<PublicCommentDetails> GetAsync(Guid caseId, CancellationToken cancellationToken);

    Task<Guid> CreateAsync(PublicCommentSettings settings, CancellationToken cancellationToken);

    Task ChangeAsync(Guid caseId, PublicCommentSettings settings, CancellationToken cancellationToken);

    Task<Guid> AttachDocumentAsync(Guid caseId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    Task RemoveDocumentAsync(Guid caseId, Guid documentId, CancellationToken cancellationToken);

    Task OpenAsync(Guid caseId, CancellationToken cancellationToken);

    Task CloseAsync(Guid caseId, CancellationToken cancellationToken);

    Task<IReadOnlyList<PublicCommentOpinionView>> OpinionsAsync(Guid caseId, CancellationToken cancellationToken);

    Task SaveResultAsync(Guid caseId, string? opinionSummary, string? cityResponse, CancellationToken cancellationToken);

    Task<int> PublishAsync(Guid caseId, string opinionSummary, string cityResponse, CancellationToken cancellationToken);
}
