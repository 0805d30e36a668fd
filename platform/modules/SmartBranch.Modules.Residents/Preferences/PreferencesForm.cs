using System.Text;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Residents.Segments;

namespace SmartBranch.Modules.Residents.Preferences;

/// <summary>
/// The preference form as HTML: the consent text and its version, a fieldset of checkboxes for each multiple-choice
/// attribute, a labelled select for each single-choice one, an error summary that links to each field in error, and
/// a confirmation after saving. Choices are shown as given, so a refused form loses nothing the resident chose.
/// </summary>
internal static class PreferencesForm
{
    public const string ConsentField = "consent";
    public const string AttributeFieldPrefix = "attr-";

    public static string Render(
        PreferencesText text,
        SegmentCatalogDefinition catalog,
        PreferenceChoices choices,
        bool consentChecked,
        IReadOnlyList<PreferencesError> errors,
        bool saved,
        string action,
        string antiforgeryField,
        string antiforgeryToken,
        string? notice)
    {
        var html = new StringBuilder();
        Append(html, $"<h1>{E(text.Title)}</h1>");
        if (saved)
        {
            Append(html, $"""<p class="notice notice-ok" role="status" id="saved">{E(text.Saved)}</p>""");
        }

        if (notice is not null)
        {
            Append(html, $"""<p class="notice notice-error" role="alert">{E(notice)}</p>""");
        }

        if (errors.Count > 0)
        {
            Append(html, $"""<div class="notice notice-error" role="alert" id="errors"><p>{E(text.ErrorSummary)}</p><ul>""");
            foreach (var error in errors)
            {
                Append(html, $"""<li><a href="#{FieldId(error.AttributeKey)}">{E(text.Message(error.Problem))}</a></li>""");
            }

            Append(html, "</ul></div>");
        }

        Append(html, $"<p>{E(text.Intro)}</p>");
        Append(html, $"""<form method="post" action="{E(action)}" novalidate>""");
        Append(html, $"""<input type="hidden" name="{E(antiforgeryField)}" value="{E(antiforgeryToken)}">""");
        foreach (var attribute in catalog.Attributes)
        {
            var error = errors.FirstOrDefault(e => e.AttributeKey == attribute.Key);
            var selected = choices.For(attribute.Key);
            if (attribute.MultipleChoice)
            {
                RenderCheckboxes(html, text, attribute, selected, error);
            }
            else
            {
                RenderSelect(html, text, attribute, selected, error);
            }
        }

        if (catalog.Consent is { } consent)
        {
            var error = errors.FirstOrDefault(e => e.AttributeKey is null);
            Append(html, $"""<fieldset id="{FieldId(null)}"{Invalid(error, "consent-error")}><legend>{E(text.ConsentLegend)}</legend>""");
            Append(html, $"""<p class="consent-text">{E(text.Language == "en" ? consent.TextEn : consent.TextJa)}</p>""");
            Append(html, $"""<p>{E(text.ConsentVersion)}: {E(consent.Version)}</p>""");
            if (error is not null)
            {
                Append(html, $"""<p class="field-error" id="consent-error">{E(text.Message(error.Problem))}</p>""");
            }

            Append(html, $"""<div class="choice"><input type="checkbox" id="consent-input" name="{ConsentField}" value="{E(consent.Version)}"{(consentChecked ? " checked" : "")}><label for="consent-input">{E(text.ConsentCheckbox)}</label></div>""");
            Append(html, "</fieldset>");
        }

        Append(html, $"""<button type="submit">{E(text.Save)}</button>""");
        Append(html, "</form>");
        return html.ToString();
    }

    public static string FieldId(string? attributeKey) => attributeKey is null ? "field-consent" : $"field-{attributeKey}";

    private static void RenderCheckboxes(StringBuilder html, PreferencesText text, SegmentAttribute attribute, IReadOnlyList<string> selected, PreferencesError? error)
    {
        var errorId = $"{FieldId(attribute.Key)}-error";
        Append(html, $"""<fieldset id="{FieldId(attribute.Key)}"{Invalid(error, errorId)}><legend>{E(text.NameOf(attribute))}</legend>""");
        if (error is not null)
        {
            Append(html, $"""<p class="field-error" id="{errorId}">{E(text.Message(error.Problem))}</p>""");
        }

        foreach (var value in attribute.Values)
        {
            var id = $"{FieldId(attribute.Key)}-{value.Key}";
            var isChecked = selected.Contains(value.Key) ? " checked" : "";
            Append(html, $"""<div class="choice"><input type="checkbox" id="{id}" name="{AttributeFieldPrefix}{attribute.Key}" value="{E(value.Key)}"{isChecked}><label for="{id}">{E(text.NameOf(value))}</label></div>""");
        }

        Append(html, "</fieldset>");
    }

    private static void RenderSelect(StringBuilder html, PreferencesText text, SegmentAttribute attribute, IReadOnlyList<string> selected, PreferencesError? error)
    {
        var errorId = $"{FieldId(attribute.Key)}-error";
        var id = FieldId(attribute.Key);
        Append(html, """<div class="field">""");
        Append(html, $"""<label class="select-label" for="{id}">{E(text.NameOf(attribute))}</label>""");
        if (error is not null)
        {
            Append(html, $"""<p class="field-error" id="{errorId}">{E(text.Message(error.Problem))}</p>""");
        }

        Append(html, $"""<select id="{id}" name="{AttributeFieldPrefix}{attribute.Key}"{Invalid(error, errorId)}>""");
        Append(html, $"""<option value="">{E(text.NoChoice)}</option>""");
        foreach (var value in attribute.Values)
        {
            var isSelected = selected.Contains(value.Key) ? " selected" : "";
            Append(html, $"""<option value="{E(value.Key)}"{isSelected}>{E(text.NameOf(value))}</option>""");
        }

        Append(html, "</select></div>");
    }

    private static string Invalid(PreferencesError? error, string errorId) =>
        error is null ? "" : $""" aria-invalid="true" aria-describedby="{errorId}" """.TrimEnd();

    private static string E(string text) => ResidentPage.Encode(text);

    private static void Append(StringBuilder html, string part) => html.Append(part).Append('\n');
}
