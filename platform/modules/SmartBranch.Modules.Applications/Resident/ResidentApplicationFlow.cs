using Microsoft.EntityFrameworkCore;
using SmartBranch.Jpki;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Applications.Catalog;
using SmartBranch.Modules.Applications.Domain;
using SmartBranch.Modules.Applications.Privacy;
using SmartBranch.Modules.Payments.Contracts;
using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Modules.Applications.Resident;

/// <summary>The outcome of the resident's return from the signing provider.</summary>
/// <param name="Refusal">Why the signature was not accepted, in Japanese; null when it was.</param>
internal sealed record SigningResult(string? Refusal);

/// <summary>
/// The resident's side of an application: start (once per press), keep the draft, submit and sign with the My Number
/// card, pay. Every step is safe to repeat: a second press finds what the first one did, and a resident who leaves
/// comes back to the step they were at. Nothing personal is logged or leaves our pages.
/// </summary>
internal sealed class ResidentApplicationFlow(
    SmartBranchDbContext db,
    ICurrentTenant currentTenant,
    ApplicationCatalogs catalogs,
    ApplicationPersonalData personalData,
    IJpkiProviders jpki,
    IPayments payments,
    IResidentFriends friends,
    ResidentPageLinks links,
    TimeProvider clock)
{
    private const int MaxAttempts = 3;

    public Task<ApplicationCatalog> CatalogAsync(CancellationToken cancellationToken) => catalogs.EffectiveAsync(cancellationToken);

    public Task<bool> IsFriendAsync(string lineUserId, CancellationToken cancellationToken) => friends.IsFriendAsync(lineUserId, cancellationToken);

    public DateOnly Today => JapanTime.Today(clock);

    /// <summary>The resident's applications, newest first.</summary>
    public async Task<IReadOnlyList<ResidentApplication>> OfAsync(string lineUserId, CancellationToken cancellationToken) =>
        await db.Set<ResidentApplication>().AsNoTracking()
            .Where(a => a.LineUserId == lineUserId)
            .OrderByDescending(a => a.CreatedAt)
            .Take(20)
            .ToListAsync(cancellationToken);

    public Task<ResidentApplication?> FindAsync(string lineUserId, Guid id, CancellationToken cancellationToken) =>
        db.Set<ResidentApplication>().SingleOrDefaultAsync(a => a.Id == id && a.LineUserId == lineUserId, cancellationToken);

    /// <summary>
    /// The application this press started, or the resident's unfinished one of the same type (they carry on with it),
    /// or a new draft.
    /// </summary>
    public async Task<ResidentApplication> StartAsync(string lineUserId, ApplicationType type, string submissionKey, CancellationToken cancellationToken)
    {
        if (await ByKeyAsync(lineUserId, submissionKey, cancellationToken) is { } pressed)
        {
            return pressed;
        }

        var unfinished = await db.Set<ResidentApplication>()
            .Where(a => a.LineUserId == lineUserId && a.TypeKey == type.Key &&
                (a.Status == ApplicationStatus.Draft || a.Status == ApplicationStatus.AwaitingSignature || a.Status == ApplicationStatus.AwaitingPayment))
            .OrderByDescending(a => a.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (unfinished is not null)
        {
            return unfinished;
        }

        var application = ResidentApplication.Start(type, lineUserId, submissionKey, clock.GetUtcNow());
        db.Add(application);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return application;
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // Two presses at once met on the submission key: the other one started it.
            db.ChangeTracker.Clear();
            return await ByKeyAsync(lineUserId, submissionKey, cancellationToken) ?? throw new InvalidOperationException("The application could not be started.", e);
        }
    }

    public ApplicationFormData FormOf(ResidentApplication application) => personalData.OpenForm(application);

    /// <summary>Checks the values and keeps them as the draft, complete or not, so that nothing entered is lost.</summary>
    public async Task<ApplicationFormChecked> SaveDraftAsync(ResidentApplication application, ApplicationType type, ApplicationFormValues values, CancellationToken cancellationToken)
    {
        var catalog = await CatalogAsync(cancellationToken);
        var check = ApplicationFormCheck.Check(catalog, type, values, currentTenant.Required.Tenant.Name, Today);
        if (application.Status == ApplicationStatus.Draft)
        {
            application.SaveDraft(personalData.SealForm(check.Data), check.Copies ?? application.Copies, check.Postage?.Key ?? application.PostageKey, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return check;
    }

    /// <summary>The resident corrects the form before signing.</summary>
    public async Task ReturnToDraftAsync(ResidentApplication application, CancellationToken cancellationToken)
    {
        application.ReturnToDraft(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The amount as it stands: fixed once submitted, otherwise from the effective catalogue.</summary>
    public static ApplicationAmount? AmountOf(ResidentApplication application, ApplicationCatalog catalog, ApplicationType type)
    {
        if (application.HasAmount)
        {
            return new ApplicationAmount(application.FeePerCopy!.Value, application.Copies, application.PostageFee!.Value);
        }

        return catalog.PostageOption(application.PostageKey) is { } postage && type.PostageKeys.Contains(postage.Key) && application.Copies <= type.MaxCopies
            ? ApplicationAmount.From(type, application.Copies, postage)
            : null;
    }

    /// <summary>
    /// Submits the draft if it still is one (fixing its number, amount and document), then starts signing it.
    /// </summary>
    /// <returns>Where the resident signs.</returns>
    /// <exception cref="ApplicationRuleException">The draft is incomplete, or the application is past signing.</exception>
    /// <exception cref="JpkiProviderException">The signing provider refused or could not be reached.</exception>
    public async Task<Uri> SignAsync(string lineUserId, Guid id, CancellationToken cancellationToken)
    {
        var application = await SubmitAsync(lineUserId, id, cancellationToken);
        var tenant = currentTenant.Required;
        var document = personalData.OpenDocument(application) ?? throw new InvalidOperationException("A submitted application has its document.");
        var type = (await CatalogAsync(cancellationToken)).Type(application.TypeKey);
        var start = await jpki.SigningFor(tenant.TenantSlug, tenant.EnvironmentName).StartAsync(
            new JpkiSigningRequest(
                application.Id.ToString(), ApplicationDocument.Bytes(document), $"{type?.NameJa ?? application.TypeKey}の交付申請",
                links.OnServer(tenant, $"{ApplicationPages.Page}/{application.Id}/signed")),
            cancellationToken);
        await ChangeAsync(lineUserId, application, a => a.BeginSigning(start.SessionId, clock.GetUtcNow()), cancellationToken);
        return start.SigningUrl;
    }

    /// <summary>The resident is back from the signing provider: collect the signature and verify it on our server.</summary>
    public async Task<SigningResult> CompleteSigningAsync(ResidentApplication application, IReadOnlyDictionary<string, string> query, CancellationToken cancellationToken)
    {
        if (application.Status != ApplicationStatus.AwaitingSignature || application.SigningSessionId is not { } sessionId)
        {
            // A reload of the return address after the signature was already taken: nothing to do.
            return new SigningResult(null);
        }

        var tenant = currentTenant.Required;
        JpkiSignedDocument signed;
        try
        {
            signed = await jpki.SigningFor(tenant.TenantSlug, tenant.EnvironmentName)
                .CompleteAsync(new JpkiSigningCompletion(sessionId, query), cancellationToken);
        }
        catch (JpkiProviderException)
        {
            return new SigningResult(ApplicationPageText.SigningNotCompleted);
        }

        var document = personalData.OpenDocument(application) ?? throw new InvalidOperationException("A submitted application has its document.");
        var verification = await jpki.VerifierFor(tenant.TenantSlug, tenant.EnvironmentName)
            .VerifyAsync(ApplicationDocument.Bytes(document), signed, cancellationToken);
        var identity = verification is { IsVerified: true, Identity: { } verified } ? personalData.SealIdentity(verified) : null;
        application.RecordSignature(verification, signed.Signature, personalData.SealCertificate(signed.SignerCertificate), identity, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new SigningResult(verification.IsVerified ? null : ApplicationPageText.VerificationRefused(verification.Outcome));
    }

    /// <summary>Opens the checkout for the application's fixed amount, or the one still open: one payment per application.</summary>
    /// <returns>Where the resident pays.</returns>
    /// <exception cref="PaymentUnavailableException">No gateway, or it refused or could not be reached.</exception>
    /// <exception cref="ApplicationRuleException">The application is not waiting for payment.</exception>
    public async Task<Uri> PayAsync(ResidentApplication application, ApplicationType? type, CancellationToken cancellationToken)
    {
        if (application.Status != ApplicationStatus.AwaitingPayment || !application.HasAmount)
        {
            throw new ApplicationRuleException(ApplicationPageText.NotAwaitingPayment);
        }

        var tenant = currentTenant.Required;
        var catalog = await CatalogAsync(cancellationToken);
        var page = $"{ApplicationPages.Page}/{application.Id}";
        var reference = application.Id.ToString();
        var postageName = catalog.PostageOption(application.PostageKey)?.Name ?? application.PostageKey;
        var order = new PaymentOrder(
            reference,
            [
                new PaymentOrderLine($"{type?.NameJa ?? application.TypeKey}（発行手数料）", application.FeePerCopy!.Value, application.Copies),
                new PaymentOrderLine($"郵送料（{postageName}）", application.PostageFee!.Value, 1),
            ],
            links.OnServer(tenant, $"{page}?{ApplicationPages.PaidQuery}=1"),
            links.OnServer(tenant, page));
        var start = await payments.StartAsync(order, cancellationToken);
        await ChangeAsync(application.LineUserId, application, a => a.BeginPayment(reference, clock.GetUtcNow()), cancellationToken);
        return start.PaymentUrl;
    }

    private async Task<ResidentApplication> SubmitAsync(string lineUserId, Guid id, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var application = await FindAsync(lineUserId, id, cancellationToken) ?? throw new ApplicationRuleException(ApplicationPageText.NotFound);
            if (application.Status != ApplicationStatus.Draft)
            {
                return application.Status == ApplicationStatus.AwaitingSignature
                    ? application
                    : throw new ApplicationRuleException(ApplicationPageText.AlreadySigned);
            }

            var catalog = await CatalogAsync(cancellationToken);
            var type = catalog.Type(application.TypeKey) ?? throw new ApplicationRuleException(ApplicationPageText.TypeWithdrawn);
            var form = personalData.OpenForm(application);
            var check = ApplicationFormCheck.Check(catalog, type, ApplicationFormValues.Of(form, application), currentTenant.Required.Tenant.Name, Today);
            if (!check.IsComplete)
            {
                throw new ApplicationRuleException(ApplicationPageText.Incomplete);
            }

            var now = clock.GetUtcNow();
            var amount = ApplicationAmount.From(type, check.Copies!.Value, check.Postage!);
            var receiptNumber = application.ReceiptNumber is null ? await NextReceiptNumberAsync(now, cancellationToken) : null;
            var document = ApplicationDocument.Compose(
                currentTenant.Required.Tenant.Name, application, type, form, check.Postage!, amount, now, receiptNumber ?? application.ReceiptNumber!);
            application.Submit(amount, receiptNumber, personalData.SealDocument(document), type.RetentionDays, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return application;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // A second press submitted it, or another application took the receipt number (or began the year's count): look again.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Applies a change and saves it; when a second press changed the application meanwhile, applies it again to what that press left.</summary>
    private async Task ChangeAsync(string lineUserId, ResidentApplication application, Action<ResidentApplication> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            change(application);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear();
                application = await FindAsync(lineUserId, application.Id, cancellationToken) ?? throw new ApplicationRuleException(ApplicationPageText.NotFound);
            }
        }
    }

    private async Task<string> NextReceiptNumberAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var year = JapanTime.From(now).Year;
        var counter = await db.Set<ApplicationReceiptCounter>().SingleOrDefaultAsync(c => c.Year == year, cancellationToken);
        if (counter is null)
        {
            counter = ApplicationReceiptCounter.For(year);
            db.Add(counter);
        }

        return counter.Next();
    }

    private Task<ResidentApplication?> ByKeyAsync(string lineUserId, string submissionKey, CancellationToken cancellationToken) =>
        db.Set<ResidentApplication>().SingleOrDefaultAsync(a => a.SubmissionKey == submissionKey && a.LineUserId == lineUserId, cancellationToken);
}
