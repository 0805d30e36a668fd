using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Line.Messages;
using SmartBranch.Modules.Surveys.PublicComments.Domain;

namespace SmartBranch.Modules.Surveys.PublicComments.Commenting;

public enum PublicCommentSubmissionOutcome
{
    /// <summary>Stored, and the thank-you is on its way.</summary>
    Received,

    /// <summary>This very submission was stored before (a second press, a reload): nothing stored again.</summary>
    AlreadyReceived,
}

/// <summary>A case as residents see it: with its documents, and how many opinions came in.</summary>
internal sealed record PublicCommentForResident(PublicCommentCase Case, IReadOnlyList<PublicCommentDocument> Documents);

/// <summary>
/// The resident's side of a case: reading it, its documents and its result, and sending an opinion once. The thank-you
/// goes through the outbox in the same commit as the opinion and contains none of it.
/// </summary>
internal sealed class PublicCommenting(SmartBranchDbContext db, ILineMessenger messenger, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>A case residents may see (any but a draft), or null.</summary>
    public async Task<PublicCommentForResident?> FindAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var @case = await db.Set<PublicCommentCase>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId && c.State != PublicCommentState.Draft, cancellationToken);
        if (@case is null)
        {
            return null;
        }

        var documents = await db.Set<PublicCommentDocument>().AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.UploadedAt).ToListAsync(cancellationToken);
        return new PublicCommentForResident(@case, documents);
    }

    public Task<int> OpinionCountAsync(Guid caseId, CancellationToken cancellationToken) =>
        db.Set<PublicCommentOpinion>().CountAsync(o => o.CaseId == caseId, cancellationToken);

    public async Task<PublicCommentSubmissionOutcome> SubmitAsync(
        PublicCommentCase @case, string lineUserId, string submissionKey, PublicCommentOpinionEntry entry, CancellationToken cancellationToken)
    {
        if (await IsStoredAsync(@case.Id, submissionKey, cancellationToken))
        {
            return PublicCommentSubmissionOutcome.AlreadyReceived;
        }

        db.Add(PublicCommentOpinion.Submit(@case.Id, submissionKey, lineUserId, PublicCommentOpinionForm.SerializeIdentity(entry.Identity), entry.Text, Now));
        messenger.Push(lineUserId, [new TextMessage(PublicCommentText.ThankYou(@case.Title))]);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return PublicCommentSubmissionOutcome.Received;
        }
        catch (DbUpdateException)
        {
            // Two presses at once meet on the unique submission key: the second learns the first went in.
            db.ChangeTracker.Clear();
            if (await IsStoredAsync(@case.Id, submissionKey, cancellationToken))
            {
                return PublicCommentSubmissionOutcome.AlreadyReceived;
            }

            throw;
        }
    }

    private Task<bool> IsStoredAsync(Guid caseId, string submissionKey, CancellationToken cancellationToken) =>
        db.Set<PublicCommentOpinion>().AnyAsync(o => o.CaseId == caseId && o.SubmissionKey == submissionKey, cancellationToken);
}
