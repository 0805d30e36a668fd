using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Media;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.TrainingReset;
using SmartBranch.Modules.Reports.Domain;

namespace SmartBranch.Modules.Reports.TrainingReset;

/// <summary>
/// Report cases with their history, conversations in progress and the receipt-number counters (numbers start again
/// at 1), and the photos of both from the media store; the API keys of the road-management systems stay.
/// </summary>
internal sealed class ReportsStagingEraser(SmartBranchDbContext db) : IStagingDataEraser
{
    public StagingDataClassification Classification { get; } = new(
        Working: [typeof(ReportCaseEntry), typeof(ReportCase), typeof(ReportConversation), typeof(ReportReceiptCounter)],
        Definitions: [],
        Configuration: [typeof(ReportApiKey)]);

    public async Task<IReadOnlyList<ErasedMedia>> FindMediaAsync(StagingResetOptions options, CancellationToken cancellationToken)
    {
        var ofCases = await db.Set<ReportCase>().Where(c => c.PhotoId != null).Select(c => c.PhotoId!).ToListAsync(cancellationToken);
        var ofConversations = await db.Set<ReportConversation>().Where(c => c.PhotoId != null).Select(c => c.PhotoId!).ToListAsync(cancellationToken);
        return [.. ofCases.Union(ofConversations, StringComparer.Ordinal).Where(MediaFileName.IsId).Select(ErasedMedia.Image)];
    }

    public async Task<IReadOnlyList<ErasedRows>> EraseAsync(StagingResetOptions options, CancellationToken cancellationToken)
    {
        var entries = await db.Set<ReportCaseEntry>().ExecuteDeleteAsync(cancellationToken);
        var cases = await db.Set<ReportCase>().ExecuteDeleteAsync(cancellationToken);
        var conversations = await db.Set<ReportConversation>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<ReportReceiptCounter>().ExecuteDeleteAsync(cancellationToken);
        return
        [
            new ErasedRows("通報の案件", "Report cases", cases),
            new ErasedRows("通報の経過", "Report case history", entries),
            new ErasedRows("通報の途中の会話", "Reports in progress in chat", conversations),
        ];
    }
}
