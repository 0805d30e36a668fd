using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.Media;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Reports.Catalog;
using SmartBranch.Modules.Reports.Chat;
using SmartBranch.Modules.Reports.Domain;
using SmartBranch.Modules.Reports.Features.PublicMap;
using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Modules.Reports.Form;

/// <summary>What the resident entered, as given: shown again at every step, so that nothing entered is lost.</summary>
/// <param name="PhotoToken">The photo uploaded on an earlier step (<see cref="ReportFormPhotoTokens"/>); empty before one.</param>
internal sealed record ReportFormValues(string Category, string Latitude, string Longitude, string Comment, string PhotoToken)
{
    public const string CategoryField = "category";
    public const string LatitudeField = "latitude";
    public const string LongitudeField = "longitude";
    public const string CommentField = "comment";
    public const string PhotoTokenField = "photo_token";

    public static readonly ReportFormValues Empty = new("", "", "", "", "");

    public static ReportFormValues Read(IFormCollection form) => new(
        form[CategoryField].ToString(), form[LatitudeField].ToString(), form[LongitudeField].ToString(), form[CommentField].ToString(), form[PhotoTokenField].ToString());
}

/// <param name="Field">The step it belongs to: <c>category</c>, <c>photo</c>, <c>place</c> or <c>comment</c>.</param>
internal sealed record ReportFormError(string Field, string Message);

/// <summary>A complete, checked report, ready to confirm and to file.</summary>
internal sealed record ReportFormReport(
    ReportCategory Category, StoredReportPhoto Photo, double Latitude, double Longitude, string? Comment, RoadManagerMatch? RoadManager);

/// <param name="Report">Null while anything needs fixing.</param>
internal sealed record ReportFormCheck(ReportFormValues Values, StoredReportPhoto? Photo, IReadOnlyList<ReportFormError> Errors, ReportFormReport? Report);

/// <summary>
/// The LIFF report form's work: the same checks and the same filing as the chat (<see cref="ReportPhotos"/>, the city
/// boundary, <see cref="ReportCatalog.RoadManagerAt"/>, <see cref="ReportFiling"/>), the receipt pushed into the chat
/// exactly as the chat words it, and a submission key so that a second press finds the case the first one filed.
/// </summary>
internal sealed class ReportForm(
    SmartBranchDbContext db,
    ICurrentTenant currentTenant,
    ReportCatalogFiles catalogs,
    ReportPhotos photos,
    ReportFormPhotoTokens photoTokens,
    ReportFiling filing,
    IResidentFriends friends,
    ILineMessenger messenger,
    ResidentPageLinks links,
    TimeProvider clock)
{
    public const string CategoryStep = "category";
    public const string PhotoStep = "photo";
    public const string PlaceStep = "place";
    public const string CommentStep = "comment";

    public ReportCatalog Catalog => catalogs.For(currentTenant.Required);

    public Task<bool> IsFriendAsync(string lineUserId, CancellationToken cancellationToken) => friends.IsFriendAsync(lineUserId, cancellationToken);

    public StoredReportPhoto? PhotoOf(string lineUserId, ReportFormValues values) => photoTokens.Read(currentTenant.Required, lineUserId, values.PhotoToken);

    /// <param name="upload">A photo chosen on this step: kept (sniffed, re-encoded) and put in place of an earlier one.</param>
    public async Task<ReportFormCheck> CheckAsync(string lineUserId, ReportFormValues values, IFormFile? upload, CancellationToken cancellationToken)
    {
        var tenant = currentTenant.Required;
        var catalog = Catalog;
        var errors = new List<ReportFormError>();
        var category = catalog.Category(values.Category);
        if (category is null)
        {
            errors.Add(new(CategoryStep, ReportFormText.ChooseCategory));
        }

        var photo = photoTokens.Read(tenant, lineUserId, values.PhotoToken);
        values = values with { PhotoToken = photo is null ? "" : values.PhotoToken };
        if (upload is { Length: > 0 })
        {
            try
            {
                await using var content = upload.OpenReadStream();
                photo = await photos.KeepAsync(content, cancellationToken);
                values = values with { PhotoToken = photoTokens.Issue(tenant, lineUserId, photo) };
            }
            catch (ImageRejectedException e)
            {
                errors.Add(new(PhotoStep, e.Message));
            }
        }
        else if (photo is null)
        {
            errors.Add(new(PhotoStep, ReportFormText.ChoosePhotoError));
        }

        var place = Place(values);
        if (place.Error is { } placeError)
        {
            errors.Add(new(PlaceStep, placeError));
        }
        else if (catalog.Boundary is { } boundary && !boundary.Contains(place.Latitude, place.Longitude))
        {
            errors.Add(new(PlaceStep, ReportChatMessages.OutsideCityText(tenant.Tenant.Name, "選んだ", "選んで")));
        }

        var comment = values.Comment.ReplaceLineEndings("\n").Trim();
        if (comment.Length > ReportCase.MaxCommentLength)
        {
            errors.Add(new(CommentStep, ReportFormText.CommentTooLong(comment.Length)));
        }

        if (errors.Count > 0)
        {
            return new ReportFormCheck(values, photo, errors, null);
        }

        var report = new ReportFormReport(
            category!, photo!, place.Latitude, place.Longitude, comment.Length == 0 ? null : comment, catalog.RoadManagerAt(category!, place.Latitude, place.Longitude));
        return new ReportFormCheck(values, photo, [], report);
    }

    /// <returns>The case filed with <paramref name="submissionKey"/>, by this press or an earlier one.</returns>
    public async Task<ReportCase> SubmitAsync(string lineUserId, string submissionKey, ReportFormReport report, CancellationToken cancellationToken)
    {
        if (await FindAsync(lineUserId, submissionKey, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var submission = ReportSubmission.FromLine(
            lineUserId, report.Category.Key, report.Photo.PhotoId, report.Latitude, report.Longitude, null, report.Photo.CapturedAt, report.Comment)
            with { SubmissionKey = submissionKey };
        try
        {
            return await filing.FileAndSaveAsync(
                submission, report.Category.DepartmentKey, report.RoadManager, clock.GetUtcNow(), cancellationToken,
                filed => messenger.Push(lineUserId, [ReportChatMessages.Received(
                    filed.ReceiptNumber, report.RoadManager, PublicReportMapEndpoints.LinkFor(Catalog, currentTenant.Required, links))]));
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // Two presses at once met on the submission key: the other one filed the case.
            db.ChangeTracker.Clear();
            if (await FindAsync(lineUserId, submissionKey, cancellationToken) is { } filed)
            {
                return filed;
            }

            throw;
        }
    }

    public Task<ReportCase?> FindAsync(string lineUserId, string submissionKey, CancellationToken cancellationToken) =>
        db.Set<ReportCase>().AsNoTracking().SingleOrDefaultAsync(c => c.SubmissionKey == submissionKey && c.ReporterLineUserId == lineUserId, cancellationToken);

    /// <summary>Decimal degrees as typed or as the map wrote them; full-width digits (４０．５) are read too.</summary>
    private static (double Latitude, double Longitude, string? Error) Place(ReportFormValues values)
    {
        var latitude = values.Latitude.Normalize(NormalizationForm.FormKC).Trim();
        var longitude = values.Longitude.Normalize(NormalizationForm.FormKC).Trim();
        if (latitude.Length == 0 && longitude.Length == 0)
        {
            return (0, 0, ReportFormText.PlaceMissing);
        }

        return Degrees(latitude, 90) is { } lat && Degrees(longitude, 180) is { } lon
            ? (lat, lon, null)
            : (0, 0, ReportFormText.PlaceInvalid);
    }

    private static double? Degrees(string text, double limit) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) <= limit
            ? value
            : null;
}
