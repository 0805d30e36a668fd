using SmartBranch.Modules.Surveys.PublicComments.Desk;
using SmartBranch.Modules.Surveys.PublicComments.Domain;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>The public comment desk in memory: the domain's own rules, no database, and a record of what was asked.</summary>
internal sealed class FakePublicCommentDesk(TimeProvider clock) : IPublicCommentDesk
{
    private readonly Dictionary<Guid, PublicCommentCase> _cases = [];
    private readonly Dictionary<Guid, List<PublicCommentDocumentSummary>> _documents = [];

    public List<PublicCommentOpinionView> Opinions { get; } = [];

    public int OpinionReadings { get; private set; }

    public int Told { get; set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public Guid Add(PublicCommentSettings settings, PublicCommentState state)
    {
        var @case = PublicCommentCase.Create(settings, Now);
        if (state != PublicCommentState.Draft)
        {
            @case.Open(Now);
        }

        if (state is PublicCommentState.Closed or PublicCommentState.Published)
        {
            @case.Close(Now);
        }

        if (state == PublicCommentState.Published)
        {
            @case.Publish("概要", "考え方", Now);
        }

        _cases[@case.Id] = @case;
        _documents[@case.Id] = [];
        return @case.Id;
    }

    public PublicCommentCase Case(Guid caseId) => _cases[caseId];

    public Task<IReadOnlyList<PublicCommentSummary>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PublicCommentSummary>>(_cases.Values
            .Select(c => new PublicCommentSummary(c.Id, c.Title, c.Department, c.State, c.OpensAt, c.ClosesAt, Opinions.Count))
            .ToList());

    public Task<PublicCommentDetails> GetAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var c = Find(caseId);
        return Task.FromResult(new PublicCommentDetails(
            c.Id, new PublicCommentSettings(c.Title, c.Department, c.Description, c.OpensAt, c.ClosesAt, c.IdentityFields), c.State,
            _documents[caseId], Opinions.Count, c.OpinionSummary, c.CityResponse, c.PublishedAt, c.AvailabilityAt(Now)));
    }

    public Task<Guid> CreateAsync(PublicCommentSettings settings, CancellationToken cancellationToken) => Task.FromResult(Add(settings, PublicCommentState.Draft));

    public Task ChangeAsync(Guid caseId, PublicCommentSettings settings, CancellationToken cancellationToken)
    {
        Find(caseId).Change(settings, Now);
        return Task.CompletedTask;
    }

    public Task<Guid> AttachDocumentAsync(Guid caseId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        Find(caseId);
        if (PublicCommentDocuments.Refusal(content.Span) is { } refusal)
        {
            throw new PublicCommentRuleException(refusal);
        }

        var document = new PublicCommentDocumentSummary(Guid.NewGuid(), PublicCommentDocuments.TitleFrom(fileName), content.Length, Now);
        _documents[caseId].Add(document);
        return Task.FromResult(document.Id);
    }

    public Task RemoveDocumentAsync(Guid caseId, Guid documentId, CancellationToken cancellationToken)
    {
        _documents[caseId].RemoveAll(d => d.Id == documentId);
        return Task.CompletedTask;
    }

    public Task OpenAsync(Guid caseId, CancellationToken cancellationToken)
    {
        Find(caseId).Open(Now);
        return Task.CompletedTask;
    }

    public Task CloseAsync(Guid caseId, CancellationToken cancellationToken)
    {
        Find(caseId).Close(Now);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PublicCommentOpinionView>> OpinionsAsync(Guid caseId, CancellationToken cancellationToken)
    {
        Find(caseId);
        OpinionReadings++;
        return Task.FromResult<IReadOnlyList<PublicCommentOpinionView>>(Opinions);
    }

    public Task SaveResultAsync(Guid caseId, string? opinionSummary, string? cityResponse, CancellationToken cancellationToken)
    {
        Find(caseId).WriteResult(opinionSummary, cityResponse, Now);
        return Task.CompletedTask;
    }

    public Task<int> PublishAsync(Guid caseId, string opinionSummary, string cityResponse, CancellationToken cancellationToken)
    {
        Find(caseId).Publish(opinionSummary, cityResponse, Now);
        return Task.FromResult(Told);
    }

    private PublicCommentCase Find(Guid caseId) =>
        _cases.TryGetValue(caseId, out var found) ? found : throw new PublicCommentRuleException("パブリックコメントの案件が見つかりません。");
}
