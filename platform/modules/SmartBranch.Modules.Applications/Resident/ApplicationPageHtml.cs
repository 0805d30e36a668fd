using System.Globalization;
using System.Text;
using SmartBranch.Kernel;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Modules.Applications.Catalog;
using SmartBranch.Modules.Applications.Domain;

namespace SmartBranch.Modules.Applications.Resident;

/// <summary>Where a page's forms post and the anti-forgery token that goes with them.</summary>
internal sealed record ApplicationPagePost(string Action, string AntiforgeryField, string AntiforgeryToken);

/// <summary>
/// The resident pages as HTML: the list to choose from, the form (each error under its field, tied to it with
/// <c>aria-describedby</c>, and a summary linking to each), the review with the amount itemised, payment, and the
/// receipt. <c>applications.js</c> only adds to them: focus on the first error, the draft kept when the resident
/// leaves, no second press, and the wait for the payment.
/// </summary>
internal static class ApplicationPageHtml
{
    public const string StepField = "step";
    public const string TypeField = "type";
    public const string SubmissionField = "submission";
    public const string SaveStep = "save";
    public const string ReviewStep = "review";
    public const string SignStep = "sign";
    public const string EditStep = "edit";
    public const string PayStep = "pay";

    public static string Index(ApplicationCatalog catalog, IReadOnlyList<ResidentApplication> applications, ApplicationPagePost post, Func<Guid, string> pathOf)
    {
        var html = new StringBuilder();
        Append(html, $"<h1>{E(ApplicationPageText.Title)}</h1>");
        Append(html, $"<p>{E(ApplicationPageText.Lead)}</p>");
        if (applications.Count > 0)
        {
            Append(html, $"""<h2>{E(ApplicationPageText.Unfinished)}</h2><ul class="application-list" id="my-applications">""");
            foreach (var application in applications)
            {
                var name = catalog.Type(application.TypeKey)?.NameJa ?? application.TypeKey;
                var number = application.ReceiptNumber is { } receipt ? $"（{receipt}）" : "";
                Append(html, $"""<li><a href="{E(pathOf(application.Id))}">{E(name)}{E(number)}: {E(application.Status.Japanese())}</a></li>""");
            }

            Append(html, "</ul>");
        }

        Append(html, $"""<h2>{E(ApplicationPageText.Choose)}</h2><ul class="application-types">""");
        foreach (var type in catalog.Types)
        {
            Append(html, $"""<li><form method="post" action="{E(post.Action)}" class="application-start">""");
            Antiforgery(html, post);
            Append(html, $"""<input type="hidden" name="{TypeField}" value="{E(type.Key)}"><input type="hidden" name="{SubmissionField}" value="{Guid.NewGuid()}">""");
            Append(html, $"""<button type="submit" class="secondary">{E(type.NameJa)}<span class="application-fee">1通 {E(ApplicationPageText.Yen(type.FeePerCopy))}</span></button></form></li>""");
        }

        Append(html, "</ul>");
        return html.ToString();
    }

    public static string Form(
        ApplicationCatalog catalog, ApplicationType type, ApplicationFormValues values, IReadOnlyList<ApplicationFormError> errors, ApplicationPagePost post,
        string cityName, DateOnly today, string? notice)
    {
        var html = new StringBuilder();
        Append(html, $"<h1>{E(type.NameJa)}</h1>");
        Append(html, $"<p>{E(ApplicationPageText.FormLead)}</p>");
        if (notice is not null)
        {
            Append(html, $"""<p class="notice" role="status">{E(notice)}</p>""");
        }

        if (errors.Count > 0)
        {
            Append(html, $"""<div class="notice notice-error" role="alert" id="errors"><p>{E(ApplicationPageText.ErrorSummary)}</p><ul>""");
            foreach (var error in errors)
            {
                Append(html, $"""<li><a href="#{Id(error.Field)}">{E(error.Message)}</a></li>""");
            }

            Append(html, "</ul></div>");
        }

        Append(html, $"""<form id="application-form" method="post" action="{E(post.Action)}" novalidate data-save-step="{SaveStep}">""");
        Antiforgery(html, post);

        var purposes = catalog.Purposes.Append(ApplicationFormData.OtherPurpose).Select(p => (p, p)).ToList();
        Radios(html, ApplicationFormValues.PurposeField, ApplicationPageText.Purpose, null, purposes, values.Purpose, errors);
        Input(html, ApplicationFormValues.PurposeDetailField, ApplicationPageText.PurposeDetail, ApplicationPageText.PurposeDetailHint, values.PurposeDetail, errors, required: false);
        Input(html, ApplicationFormValues.CopiesField, ApplicationPageText.Copies, $"1〜{type.MaxCopies}通（1通 {ApplicationPageText.Yen(type.FeePerCopy)}）", values.Copies, errors,
            attributes: """ inputmode="numeric" autocomplete="off" class="short" """);
        if (type.Variants.Count > 0)
        {
            Radios(html, ApplicationFormValues.VariantField, ApplicationPageText.Variant, null, type.Variants.Select(v => (v.Key, v.Name)).ToList(), values.Variant, errors);
        }

        if (type.FiscalYears > 0)
        {
            FiscalYears(html, type, values, errors, today);
        }

        if (type.HouseholdMembers)
        {
            TextArea(html, ApplicationFormValues.HouseholdMembersField, ApplicationPageText.HouseholdMembers, ApplicationPageText.HouseholdMembersHint, values.HouseholdMembers, errors);
        }

        if (type.Items.Count > 0)
        {
            Checkboxes(html, ApplicationFormValues.ItemsField, ApplicationPageText.Items, ApplicationPageText.ItemsHint, type.Items, values.Items);
        }

        if (type.DomicileInCity)
        {
            Radios(html, ApplicationFormValues.DomicileInCityField, ApplicationPageText.Domicile, null,
                [(ApplicationFormValues.Yes, ApplicationPageText.DomicileYes(cityName)), (ApplicationFormValues.No, ApplicationPageText.DomicileInCityNo)], values.DomicileInCity, errors);
            Input(html, ApplicationFormValues.DomicileAddressField, ApplicationPageText.DomicileAddress, null, values.DomicileAddress, errors);
            Input(html, ApplicationFormValues.DomicileHeadField, ApplicationPageText.DomicileHead, null, values.DomicileHead, errors);
        }

        Append(html, $"""<fieldset class="group"><legend>{E(ApplicationPageText.Delivery)}</legend>""");
        Input(html, ApplicationFormValues.RecipientNameField, ApplicationPageText.RecipientName, null, values.RecipientName, errors, attributes: """ autocomplete="name" """);
        Input(html, ApplicationFormValues.PostalCodeField, ApplicationPageText.PostalCode, ApplicationPageText.PostalCodeHint, values.PostalCode, errors,
            attributes: """ inputmode="numeric" autocomplete="postal-code" class="short" """);
        Input(html, ApplicationFormValues.AddressField, ApplicationPageText.Address, null, values.Address, errors, attributes: """ autocomplete="street-address" """);
        Input(html, ApplicationFormValues.PhoneField, ApplicationPageText.Phone, ApplicationPageText.PhoneHint, values.Phone, errors, required: false,
            inputType: "tel", attributes: """ autocomplete="tel" """);
        Append(html, "</fieldset>");
        var postage = type.PostageKeys.Select(k => catalog.PostageOption(k)).OfType<PostageOption>().Select(p => (p.Key, $"{p.Name}（{ApplicationPageText.Yen(p.Fee)}）")).ToList();
        Radios(html, ApplicationFormValues.PostageField, ApplicationPageText.Postage, null, postage, values.Postage, errors);

        Append(html, $"""<button type="submit" name="{StepField}" value="{ReviewStep}">{E(ApplicationPageText.ToReview)}</button>""");
        Append(html, "</form>");
        return html.ToString();
    }

    /// <param name="refusal">Why the last signature was not accepted; null when there was none or it was.</param>
    public static string Review(
        ApplicationCatalog catalog, ApplicationType type, ResidentApplication application, ApplicationFormData form, ApplicationAmount amount, ApplicationPagePost post,
        string? refusal)
    {
        var html = new StringBuilder();
        Append(html, $"<h1>{E(ApplicationPageText.ReviewTitle)}</h1>");
        if (refusal is not null)
        {
            Append(html, $"""<p class="notice notice-error" role="alert" id="signing-refused" tabindex="-1">{E(refusal)}</p>""");
        }

        Append(html, $"<p>{E(ApplicationPageText.ReviewLead)}</p>");
        Facts(html, catalog, type, application, form);
        Amounts(html, catalog, application, amount);
        Append(html, $"""<form id="application-review" method="post" action="{E(post.Action)}" class="single-press">""");
        Antiforgery(html, post);
        Append(html, $"""<button type="submit" name="{StepField}" value="{SignStep}">{E(refusal is null ? ApplicationPageText.Sign : ApplicationPageText.SignAgain)}</button>""");
        Append(html, $"""<button type="submit" class="secondary" name="{StepField}" value="{EditStep}">{E(ApplicationPageText.Edit)}</button>""");
        Append(html, "</form>");
        return html.ToString();
    }

    /// <param name="waiting">Back from the gateway: the page waits for the payment's confirmation.</param>
    public static string Payment(
        ApplicationCatalog catalog, ApplicationType type, ResidentApplication application, ApplicationAmount amount, ApplicationPagePost post, bool waiting, string statusUrl, string? notice)
    {
        var html = new StringBuilder();
        Append(html, $"<h1>{E(ApplicationPageText.PaymentTitle)}</h1>");
        if (notice is not null)
        {
            Append(html, $"""<p class="notice notice-error" role="alert">{E(notice)}</p>""");
        }

        if (application.PaymentExpiredAt is not null)
        {
            Append(html, $"""<p class="notice notice-error" role="alert" id="payment-expired">{E(ApplicationPageText.PaymentExpired)}</p>""");
        }

        if (waiting)
        {
            Append(html, $"""<p class="notice" role="status" aria-live="polite" id="payment-waiting" data-status-url="{E(statusUrl)}" data-status="{application.Status}">{E(ApplicationPageText.PaymentWaiting)}</p>""");
            Append(html, $"""<p><a href="{E(post.Action)}?{ApplicationPages.PaidQuery}=1">{E(ApplicationPageText.PaymentCheckAgain)}</a></p>""");
        }

        Append(html, $"<p>{E(type.NameJa)}（{E(ApplicationPageText.ReceiptNumber)} {E(application.ReceiptNumber ?? "")}）</p>");
        Append(html, $"<p>{E(ApplicationPageText.PaymentLead)}</p>");
        Amounts(html, catalog, application, amount);
        Append(html, $"""<form id="application-pay" method="post" action="{E(post.Action)}" class="single-press">""");
        Antiforgery(html, post);
        Append(html, $"""<button type="submit" name="{StepField}" value="{PayStep}">{E(ApplicationPageText.Pay)}（{E(ApplicationPageText.Yen(amount.Total))}）</button>""");
        Append(html, "</form>");
        return html.ToString();
    }

    public static string Received(ApplicationCatalog catalog, ApplicationType? type, ResidentApplication application, ApplicationAmount? amount, string indexPath)
    {
        var html = new StringBuilder();
        Append(html, $"<h1>{E(ApplicationPageText.ReceivedHeading(application.Status))}</h1>");
        Append(html, $"""<p class="notice notice-ok" role="status" id="application-receipt">{E(ApplicationPageText.Receipt(application.ReceiptNumber ?? ""))}</p>""");
        Append(html, """<dl class="application-facts">""");
        Fact(html, "証明書", type?.NameJa ?? application.TypeKey);
        Fact(html, ApplicationPageText.ReceiptNumber, application.ReceiptNumber ?? "");
        Fact(html, ApplicationPageText.Status, application.Status.Japanese());
        if (application.RejectionReason is { } reason)
        {
            Fact(html, "却下の理由", reason);
        }

        if (application.ReceivedAt is { } received)
        {
            Fact(html, "受付日時", JapanTime.Display(received));
        }

        Append(html, "</dl>");
        if (amount is not null)
        {
            Amounts(html, catalog, application, amount);
        }

        Append(html, $"<p>{E(ApplicationPageText.FollowUp(application.Status))}</p>");
        Append(html, $"""<p><a href="{E(indexPath)}">{E(ApplicationPageText.Back)}</a></p>""");
        return html.ToString();
    }

    private static void Facts(StringBuilder html, ApplicationCatalog catalog, ApplicationType type, ResidentApplication application, ApplicationFormData form)
    {
        Append(html, """<dl class="application-facts">""");
        Fact(html, "証明書", type.Variants.FirstOrDefault(v => v.Key == form.VariantKey)?.Name ?? type.NameJa);
        if (application.ReceiptNumber is { } receipt)
        {
            Fact(html, ApplicationPageText.ReceiptNumber, receipt);
        }

        Fact(html, ApplicationPageText.Purpose, form.Purpose == ApplicationFormData.OtherPurpose ? $"{form.Purpose}（{form.PurposeDetail}）" : form.Purpose ?? "");
        Fact(html, ApplicationPageText.Copies, $"{application.Copies}通");
        if (form.FiscalYear is { } year)
        {
            Fact(html, ApplicationPageText.FiscalYear, ApplicationFormCheck.FiscalYearName(year));
        }

        if (type.HouseholdMembers)
        {
            Fact(html, ApplicationPageText.HouseholdMembers, string.Join('\n', form.HouseholdMembers ?? []));
        }

        if (type.Items.Count > 0)
        {
            var items = type.Items.Where(i => form.ItemKeys?.Contains(i.Key) == true).Select(i => i.Name).ToList();
            Fact(html, ApplicationPageText.Items, items.Count == 0 ? "省略" : string.Join("、", items));
        }

        if (type.DomicileInCity)
        {
            Fact(html, ApplicationPageText.DomicileAddress, form.DomicileAddress ?? "");
            Fact(html, ApplicationPageText.DomicileHead, form.DomicileHead ?? "");
        }

        Fact(html, "送り先", $"{form.RecipientName}\n〒{form.PostalCode}\n{form.Address}");
        if (form.Phone is { } phone)
        {
            Fact(html, ApplicationPageText.Phone, phone);
        }

        Fact(html, ApplicationPageText.Postage, catalog.PostageOption(application.PostageKey)?.Name ?? application.PostageKey);
        Append(html, "</dl>");
    }

    private static void Amounts(StringBuilder html, ApplicationCatalog catalog, ResidentApplication application, ApplicationAmount amount)
    {
        var postageName = catalog.PostageOption(application.PostageKey)?.Name ?? application.PostageKey;
        Append(html, $"""<table class="application-amounts" id="application-amounts"><caption>{E(ApplicationPageText.Amount)}</caption><tbody>""");
        Append(html, $"""<tr><th scope="row">{E(ApplicationPageText.FeeLine(amount.FeePerCopy, amount.Copies))}</th><td>{E(ApplicationPageText.Yen(amount.Fees))}</td></tr>""");
        Append(html, $"""<tr><th scope="row">{E(ApplicationPageText.PostageLine(postageName))}</th><td>{E(ApplicationPageText.Yen(amount.Postage))}</td></tr>""");
        Append(html, $"""</tbody><tfoot><tr><th scope="row">{E(ApplicationPageText.Total)}</th><td id="application-total">{E(ApplicationPageText.Yen(amount.Total))}</td></tr></tfoot></table>""");
    }

    private static void FiscalYears(StringBuilder html, ApplicationType type, ApplicationFormValues values, IReadOnlyList<ApplicationFormError> errors, DateOnly today)
    {
        var field = ApplicationFormValues.FiscalYearField;
        var error = Error(errors, field);
        Append(html, """<div class="question">""");
        Append(html, $"""<label class="question-label" for="{Id(field)}">{Label(ApplicationPageText.FiscalYear, required: true)}</label>""");
        Append(html, $"""<p class="question-hint" id="{Id(field)}-hint">{E(ApplicationPageText.FiscalYearHint)}</p>""");
        ErrorText(html, field, error);
        Append(html, $"""<select id="{Id(field)}" name="{field}"{Describe(field, hint: true, error)}><option value="">{E(ApplicationPageText.ChooseFiscalYear)}</option>""");
        foreach (var year in ApplicationFormCheck.FiscalYears(type, today))
        {
            var text = year.ToString(CultureInfo.InvariantCulture);
            Append(html, $"""<option value="{text}"{(text == values.FiscalYear ? " selected" : "")}>{E(ApplicationFormCheck.FiscalYearName(year))}</option>""");
        }

        Append(html, "</select></div>");
    }

    private static void Input(
        StringBuilder html, string field, string label, string? hint, string value, IReadOnlyList<ApplicationFormError> errors, bool required = true,
        string inputType = "text", string attributes = "")
    {
        var error = Error(errors, field);
        Append(html, """<div class="question">""");
        Append(html, $"""<label class="question-label" for="{Id(field)}">{Label(label, required)}</label>""");
        Hint(html, field, hint);
        ErrorText(html, field, error);
        Append(html, $"""<input type="{inputType}"{attributes.TrimEnd()} id="{Id(field)}" name="{field}" value="{E(value)}"{Describe(field, hint is not null, error)}>""");
        Append(html, "</div>");
    }

    private static void TextArea(StringBuilder html, string field, string label, string hint, string value, IReadOnlyList<ApplicationFormError> errors)
    {
        var error = Error(errors, field);
        Append(html, """<div class="question">""");
        Append(html, $"""<label class="question-label" for="{Id(field)}">{Label(label, required: true)}</label>""");
        Hint(html, field, hint);
        ErrorText(html, field, error);
        Append(html, $"""<textarea id="{Id(field)}" name="{field}" rows="4"{Describe(field, hint: true, error)}>{E(value)}</textarea>""");
        Append(html, "</div>");
    }

    private static void Radios(
        StringBuilder html, string field, string legend, string? hint, IReadOnlyList<(string Value, string Text)> choices, string chosen, IReadOnlyList<ApplicationFormError> errors)
    {
        var error = Error(errors, field);
        Append(html, $"""<fieldset id="{Id(field)}" tabindex="-1"{Describe(field, hint is not null, error)}>""");
        Append(html, $"<legend>{Label(legend, required: true)}</legend>");
        Hint(html, field, hint);
        ErrorText(html, field, error);
        var index = 0;
        foreach (var (value, text) in choices)
        {
            var id = $"{Id(field)}-{index++}";
            Append(html, $"""<div class="choice"><input type="radio" id="{id}" name="{field}" value="{E(value)}"{(value == chosen ? " checked" : "")}><label for="{id}">{E(text)}</label></div>""");
        }

        Append(html, "</fieldset>");
    }

    private static void Checkboxes(StringBuilder html, string field, string legend, string hint, IReadOnlyList<ApplicationChoice> choices, IReadOnlyList<string> chosen)
    {
        Append(html, $"""<fieldset id="{Id(field)}" aria-describedby="{Id(field)}-hint">""");
        Append(html, $"<legend>{Label(legend, required: false)}</legend>");
        Hint(html, field, hint);
        foreach (var choice in choices)
        {
            var id = $"{Id(field)}-{choice.Key}";
            Append(html, $"""<div class="choice"><input type="checkbox" id="{E(id)}" name="{field}" value="{E(choice.Key)}"{(chosen.Contains(choice.Key) ? " checked" : "")}><label for="{E(id)}">{E(choice.Name)}</label></div>""");
        }

        Append(html, "</fieldset>");
    }

    private static void Hint(StringBuilder html, string field, string? hint)
    {
        if (hint is not null)
        {
            Append(html, $"""<p class="question-hint" id="{Id(field)}-hint">{E(hint)}</p>""");
        }
    }

    private static void ErrorText(StringBuilder html, string field, string? error)
    {
        if (error is not null)
        {
            Append(html, $"""<p class="field-error" id="{Id(field)}-error">{E(error)}</p>""");
        }
    }

    private static string Describe(string field, bool hint, string? error)
    {
        var ids = new List<string>();
        if (hint)
        {
            ids.Add($"{Id(field)}-hint");
        }

        if (error is not null)
        {
            ids.Add($"{Id(field)}-error");
        }

        return (ids.Count == 0 ? "" : $""" aria-describedby="{string.Join(' ', ids)}" """.TrimEnd()) + (error is null ? "" : " aria-invalid=\"true\"");
    }

    private static void Antiforgery(StringBuilder html, ApplicationPagePost post) =>
        Append(html, $"""<input type="hidden" name="{E(post.AntiforgeryField)}" value="{E(post.AntiforgeryToken)}">""");

    private static void Fact(StringBuilder html, string term, string description) => Append(html, $"<dt>{E(term)}</dt><dd>{E(description)}</dd>");

    private static string? Error(IReadOnlyList<ApplicationFormError> errors, string field) => errors.FirstOrDefault(e => e.Field == field)?.Message;

    private static string Label(string text, bool required) =>
        $"""{E(text)} <span class="{(required ? "required" : "optional")}">（{(required ? ApplicationPageText.Required : ApplicationPageText.Optional)}）</span>""";

    /// <summary>The element id of a field (and of its error's link target).</summary>
    private static string Id(string field) => "f-" + field.Replace('_', '-');

    private static string E(string text) => ResidentPage.Encode(text);

    private static void Append(StringBuilder html, string part) => html.Append(part).Append('\n');
}
