using System.Globalization;
using System.Text;
using SmartBranch.Kernel.Media;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Modules.Surveys.Answers;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.Forms;
using SmartBranch.Modules.Surveys.Images;

namespace SmartBranch.Modules.Surveys.Answering;

/// <summary>Where the page's form posts, and the anti-forgery token that goes with it.</summary>
internal sealed record SurveyPagePost(string Action, string AntiforgeryField, string AntiforgeryToken, string SubmissionKey);

/// <summary>
/// The survey page as HTML: the form (a fieldset per choice question, a labelled input per text question, each error
/// under its question and tied to it with <c>aria-describedby</c>, a summary that links to each), the confirmation,
/// and the thank-you. Every conditional question is in the page, with its condition written out, so the page works
/// without JavaScript; <c>surveys.js</c> hides those that do not apply and keeps the draft on the phone.
/// </summary>
internal static class SurveyPageHtml
{
    public const string FieldPrefix = "q-";
    public const string StepField = "step";
    public const string SubmissionField = "submission";
    public const string ConfirmStep = "confirm";
    public const string EditStep = "edit";
    public const string SubmitStep = "submit";

    public static string FieldName(string questionKey) => FieldPrefix + questionKey;

    public static string FieldId(string questionKey) => $"question-{questionKey}";

    public static string DraftKey(string tenant, string environment, Guid surveyId) => $"smartbranch:survey:{tenant}:{environment}:{surveyId}";

    /// <param name="values">What the resident entered (or stored before), shown again as given.</param>
    /// <param name="restoreDraft">A fresh form: the script may fill it in from the draft kept on the phone.</param>
    public static string Form(
        Survey survey, SurveyForm form, IReadOnlyDictionary<string, IReadOnlyList<string>> values, IReadOnlyList<SurveyAnswerError> errors,
        SurveyPagePost post, string draftKey, bool restoreDraft, string? notice)
    {
        var html = new StringBuilder();
        Header(html, survey);
        html.Append(Form(form, values, errors, post, draftKey, restoreDraft, notice));
        return html.ToString();
    }

    /// <summary>The form without a survey's header: for pages that put another header above it (public comments).</summary>
    public static string Form(
        SurveyForm form, IReadOnlyDictionary<string, IReadOnlyList<string>> values, IReadOnlyList<SurveyAnswerError> errors,
        SurveyPagePost post, string draftKey, bool restoreDraft, string? notice)
    {
        var html = new StringBuilder();
        if (notice is not null)
        {
            Append(html, $"""<p class="notice" role="status">{E(notice)}</p>""");
        }

        if (errors.Count > 0)
        {
            Append(html, $"""<div class="notice notice-error" role="alert" id="errors" tabindex="-1"><p>{E(SurveyPageText.ErrorSummary)}</p><ul>""");
            foreach (var error in errors)
            {
                var label = form.Items.First(i => i.Key == error.QuestionKey).Label;
                Append(html, $"""<li><a href="#{FieldId(error.QuestionKey)}-input">{E(label)}: {E(error.Message)}</a></li>""");
            }

            Append(html, "</ul></div>");
        }

        Append(html, $"""<p id="draft-restored" class="notice" role="status" hidden>{E(SurveyPageText.DraftRestored)}</p>""");
        var multipart = form.Questions.Any(q => q.Kind == SurveyItemKind.Image) ? " enctype=\"multipart/form-data\"" : "";
        Append(html, $"""<form id="survey-form" method="post" action="{E(post.Action)}"{multipart} novalidate data-draft-key="{E(draftKey)}"{(restoreDraft ? " data-restore-draft" : "")}>""");
        Hidden(html, post);
        var labels = form.Items.ToDictionary(i => i.Key, i => i, StringComparer.Ordinal);
        foreach (var item in form.Items)
        {
            if (!item.IsQuestion)
            {
                Append(html, $"""<section class="survey-section" id="{FieldId(item.Key)}"{Condition(item)}><h2>{E(item.Label)}</h2>""");
                if (item.Description is { } text)
                {
                    Append(html, $"""<p class="survey-description">{E(text)}</p>""");
                }

                ConditionNote(html, item, labels);
                Append(html, "</section>");
                continue;
            }

            var error = errors.FirstOrDefault(e => e.QuestionKey == item.Key)?.Message;
            var given = values.TryGetValue(item.Key, out var v) ? v : [];
            Question(html, item, given, error, labels, post.Action);
        }

        Append(html, $"""<button type="submit" name="{StepField}" value="{ConfirmStep}">{E(SurveyPageText.Confirm)}</button>""");
        Append(html, "</form>");
        return html.ToString();
    }

    /// <summary>The answers to check before sending, with the form's values carried in hidden fields.</summary>
    public static string Confirmation(Survey survey, SurveyForm form, IReadOnlyDictionary<string, IReadOnlyList<string>> answers, SurveyPagePost post, string draftKey) =>
        Confirmation(survey.Title, form, answers, post, draftKey);

    /// <summary>The answers to check before sending, under <paramref name="title"/>.</summary>
    public static string Confirmation(string title, SurveyForm form, IReadOnlyDictionary<string, IReadOnlyList<string>> answers, SurveyPagePost post, string draftKey)
    {
        var html = new StringBuilder();
        Append(html, $"<h1>{E(SurveyPageText.ConfirmTitle)}</h1>");
        Append(html, $"""<p class="survey-title">{E(title)}</p>""");
        Append(html, $"""<p>{E(SurveyPageText.ConfirmLead)}</p>""");
        Append(html, """<dl class="survey-answers">""");
        foreach (var question in form.Questions.Where(q => SurveyAnswerRules.IsShown(q, answers)))
        {
            if (question.Kind == SurveyItemKind.Image && answers.TryGetValue(question.Key, out var tokens))
            {
                Append(html, $"""<dt>{E(question.Label)}</dt><dd>{E(SurveyPageText.ImageCount(tokens.Count))}""");
                Thumbnails(html, tokens, post.Action, removeField: null);
                Append(html, "</dd>");
                continue;
            }

            var shown = answers.TryGetValue(question.Key, out var values) ? string.Join("、", values.Select(value => Display(question, value))) : SurveyPageText.Unanswered;
            Append(html, $"""<dt>{E(question.Label)}</dt><dd>{E(shown)}</dd>""");
        }

        Append(html, "</dl>");
        Append(html, $"""<form id="survey-confirm" method="post" action="{E(post.Action)}" data-draft-key="{E(draftKey)}">""");
        Hidden(html, post);
        foreach (var (key, values) in answers)
        {
            foreach (var value in values)
            {
                Append(html, $"""<input type="hidden" name="{E(FieldName(key))}" value="{E(value)}">""");
            }
        }

        Append(html, $"""<button type="submit" name="{StepField}" value="{SubmitStep}">{E(SurveyPageText.Submit)}</button>""");
        Append(html, $"""<button type="submit" class="secondary" name="{StepField}" value="{EditStep}">{E(SurveyPageText.Back)}</button>""");
        Append(html, "</form>");
        return html.ToString();
    }

    /// <summary>A page that only says something (done, closed, already answered), and clears the draft when the answer is in.</summary>
    public static string Message(string title, string message, string? clearDraftKey, bool isError = false)
    {
        var clear = clearDraftKey is null ? "" : $""" data-clear-draft="{E(clearDraftKey)}" """.TrimEnd();
        return $"""
            <h1>{E(title)}</h1>
            <p class="notice {(isError ? "notice-error" : "notice-ok")}" role="{(isError ? "alert" : "status")}" id="survey-message"{clear}>{E(message)}</p>
            """;
    }

    private static void Header(StringBuilder html, Survey survey)
    {
        Append(html, $"<h1>{E(survey.Title)}</h1>");
        if (survey.Description is { } description)
        {
            Append(html, $"""<p class="survey-description">{E(description)}</p>""");
        }

        Append(html, """<ul class="survey-facts">""");
        Append(html, $"<li>{E(SurveyPageText.Period(survey.ClosesAt))}</li>");
        Append(html, $"<li>{E(survey.Anonymous ? SurveyPageText.Anonymous : SurveyPageText.Identified)}</li>");
        if (survey.OneAnswerPerResident)
        {
            Append(html, $"<li>{E(SurveyPageText.OneAnswer)}{(survey.EditableUntilClose ? E(SurveyPageText.Editable) : "")}</li>");
        }

        Append(html, "</ul>");
    }

    private static void Hidden(StringBuilder html, SurveyPagePost post)
    {
        Append(html, $"""<input type="hidden" name="{E(post.AntiforgeryField)}" value="{E(post.AntiforgeryToken)}">""");
        Append(html, $"""<input type="hidden" name="{SubmissionField}" value="{E(post.SubmissionKey)}">""");
    }

    private static void Question(StringBuilder html, SurveyItem item, IReadOnlyList<string> given, string? error, Dictionary<string, SurveyItem> items, string action)
    {
        var id = FieldId(item.Key);
        var describedBy = string.Join(" ", new[]
        {
            item.Description is null ? null : $"{id}-description",
            Hint(item) is null ? null : $"{id}-hint",
            item.ShowWhen is null ? null : $"{id}-condition",
            error is null ? null : $"{id}-error",
        }.Where(d => d is not null));
        var aria = $"""{(describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : "")}{(error is null ? "" : " aria-invalid=\"true\"")}""";
        var required = item.Required ? " required aria-required=\"true\"" : "";
        var grouped = item.Kind is SurveyItemKind.SingleChoice or SurveyItemKind.MultipleChoice or SurveyItemKind.Rating or SurveyItemKind.Image;
        var title = $"""{E(item.Label)} <span class="{(item.Required ? "required" : "optional")}">（{(item.Required ? SurveyPageText.Required : SurveyPageText.Optional)}）</span>""";

        Append(html, $"""<div class="question{(error is null ? "" : " question-error")}" id="{id}"{Condition(item)}>""");
        if (grouped)
        {
            Append(html, $"""<fieldset id="{id}-input" tabindex="-1"{aria}><legend>{title}</legend>""");
        }
        else
        {
            Append(html, $"""<label class="question-label" for="{id}-input">{title}</label>""");
        }

        Describe(html, item, error, items);
        var value = given.Count > 0 ? given[0] : "";
        switch (item.Kind)
        {
            case SurveyItemKind.SingleChoice:
                Choices(html, item, "radio", given, required);
                break;
            case SurveyItemKind.MultipleChoice:
                Choices(html, item, "checkbox", given, "");
                break;
            case SurveyItemKind.Rating:
                Rating(html, item, given, required);
                break;
            case SurveyItemKind.Image:
                Images(html, item, given, action);
                break;
            case SurveyItemKind.Dropdown:
                Append(html, $"""<select id="{id}-input" name="{E(FieldName(item.Key))}"{aria}{required}>""");
                Append(html, $"""<option value="">{E(SurveyPageText.NoChoice)}</option>""");
                foreach (var choice in item.Choices ?? [])
                {
                    Append(html, $"""<option value="{E(choice.Key)}"{(given.Contains(choice.Key) ? " selected" : "")}>{E(choice.Label)}</option>""");
                }

                Append(html, "</select>");
                break;
            case SurveyItemKind.LongText:
                Append(html, $"""<textarea id="{id}-input" name="{E(FieldName(item.Key))}" rows="6"{aria}{required}>{E(Redisplayed(value))}</textarea>""");
                break;
            default:
                Append(html, $"""<input id="{id}-input" name="{E(FieldName(item.Key))}" value="{E(Redisplayed(value))}"{InputAttributes(item.Kind)}{aria}{required}>""");
                break;
        }

        if (grouped)
        {
            Append(html, "</fieldset>");
        }

        Append(html, "</div>");
    }

    private static void Describe(StringBuilder html, SurveyItem item, string? error, Dictionary<string, SurveyItem> items)
    {
        var id = FieldId(item.Key);
        if (item.Description is { } description)
        {
            Append(html, $"""<p class="question-description" id="{id}-description">{E(description)}</p>""");
        }

        if (Hint(item) is { } hint)
        {
            Append(html, $"""<p class="question-hint" id="{id}-hint">{E(hint)}</p>""");
        }

        ConditionNote(html, item, items);
        if (error is not null)
        {
            Append(html, $"""<p class="field-error" id="{id}-error">{E(error)}</p>""");
        }
    }

    private static void ConditionNote(StringBuilder html, SurveyItem item, Dictionary<string, SurveyItem> items)
    {
        if (item.ShowWhen is not { } condition || !items.TryGetValue(condition.QuestionKey, out var source))
        {
            return;
        }

        var chosen = string.Join("・", condition.AnyOf.Select(v => Display(source, v)));
        Append(html, $"""<p class="condition-note" id="{FieldId(item.Key)}-condition">{E(SurveyPageText.Condition(source.Label, chosen))}</p>""");
    }

    private static string? Hint(SurveyItem item) => item.Kind switch
    {
        SurveyItemKind.MultipleChoice => SurveyPageText.ChoiceCount(item.MinChoices, item.MaxChoices),
        SurveyItemKind.ShortText or SurveyItemKind.LongText => SurveyPageText.Characters(item.EffectiveMaxLength),
        SurveyItemKind.Number => SurveyPageText.Range(item.Min, item.Max),
        SurveyItemKind.Date => "例: 2026-04-01",
        SurveyItemKind.Phone => "例: 0172-44-1111",
        SurveyItemKind.Email => "例: taro@example.jp",
        SurveyItemKind.PostalCode => "〒 のあとの 7 桁（例: 036-0104）",
        SurveyItemKind.Image => SurveyPageText.Images(item.EffectiveMaxImages),
        _ => null,
    };

    private static string InputAttributes(SurveyItemKind kind) => kind switch
    {
        SurveyItemKind.Number => """ type="text" inputmode="decimal" autocomplete="off" """.TrimEnd(),
        SurveyItemKind.Date => """ type="date" """.TrimEnd(),
        SurveyItemKind.Phone => """ type="tel" inputmode="tel" autocomplete="tel" """.TrimEnd(),
        SurveyItemKind.Email => """ type="email" inputmode="email" autocomplete="email" """.TrimEnd(),
        SurveyItemKind.PostalCode => """ type="text" inputmode="numeric" autocomplete="postal-code" """.TrimEnd(),
        _ => """ type="text" """.TrimEnd(),
    };

    private static void Choices(StringBuilder html, SurveyItem item, string type, IReadOnlyList<string> given, string required)
    {
        foreach (var choice in item.Choices ?? [])
        {
            var id = $"{FieldId(item.Key)}-{choice.Key}";
            Append(html, $"""<div class="choice"><input type="{type}" id="{id}" name="{E(FieldName(item.Key))}" value="{E(choice.Key)}"{(given.Contains(choice.Key) ? " checked" : "")}{required}><label for="{id}">{E(choice.Label)}</label></div>""");
        }
    }

    private static void Rating(StringBuilder html, SurveyItem item, IReadOnlyList<string> given, string required)
    {
        Append(html, """<div class="rating">""");
        for (var point = 1; point <= item.RatingTop; point++)
        {
            var value = point.ToString(CultureInfo.InvariantCulture);
            var label = point == 1 ? $"{value}（{SurveyPageText.RatingLow}）" : point == item.RatingTop ? $"{value}（{SurveyPageText.RatingHigh}）" : value;
            var id = $"{FieldId(item.Key)}-{value}";
            Append(html, $"""<div class="choice"><input type="radio" id="{id}" name="{E(FieldName(item.Key))}" value="{value}"{(given.Contains(value) ? " checked" : "")}{required}><label for="{id}">{E(label)}</label></div>""");
        }

        Append(html, "</div>");
    }

    /// <summary>The images kept so far, each removable, and a file input for the rest; the script previews a chosen file before it is sent.</summary>
    private static void Images(StringBuilder html, SurveyItem item, IReadOnlyList<string> tokens, string action)
    {
        var id = FieldId(item.Key);
        Thumbnails(html, tokens, action, SurveyImageIntake.RemovePrefix + item.Key);
        foreach (var token in tokens)
        {
            Append(html, $"""<input type="hidden" name="{E(FieldName(item.Key))}" value="{E(token)}">""");
        }

        var left = item.EffectiveMaxImages - tokens.Count;
        if (left <= 0)
        {
            return;
        }

        Append(html, $"""<label class="question-label" for="{id}-file">{E(SurveyPageText.ChooseImage)}</label>""");
        Append(html, $"""<p class="question-hint" id="{id}-left">{E(SurveyPageText.ImagesLeft(item.EffectiveMaxImages, tokens.Count))}</p>""");
        Append(html, $"""<input type="file" id="{id}-file" name="{E(SurveyImageIntake.FilePrefix + item.Key)}" accept="image/jpeg,image/png"{(left > 1 ? " multiple" : "")} aria-describedby="{id}-left {id}-file-error" data-max-files="{left}" data-max-bytes="{ImageReencoder.MaxUploadBytes}" data-too-large="{E(SurveyPageText.ImageTooLargeOnPhone)}" data-not-image="{E(SurveyPageText.NotAnImageOnPhone)}" data-too-many="{E(SurveyAnswerRules.ImageCountMessage(left))}" data-alt="{E(SurveyPageText.ImageAlt)}">""");
        Append(html, $"""<p class="field-error" id="{id}-file-error" role="alert" hidden></p>""");
        Append(html, $"""<ul class="survey-images" id="{id}-previews" aria-live="polite"></ul>""");
    }

    /// <param name="removeField">The field of each image's box to remove it; none on the confirmation.</param>
    private static void Thumbnails(StringBuilder html, IReadOnlyList<string> tokens, string action, string? removeField)
    {
        if (tokens.Count == 0)
        {
            return;
        }

        Append(html, """<ul class="survey-images">""");
        for (var index = 0; index < tokens.Count; index++)
        {
            var alt = $"{SurveyPageText.ImageAlt} {index + 1}";
            Append(html, $"""<li><img src="{E(SurveyPageEndpoints.ImagePathOf(action, tokens[index]))}" alt="{E(alt)}" width="120" height="120">""");
            if (removeField is not null)
            {
                var boxId = $"{removeField}-{index + 1}";
                Append(html, $"""<div class="choice"><input type="checkbox" id="{E(boxId)}" name="{E(removeField)}" value="{E(tokens[index])}"><label for="{E(boxId)}">{E(SurveyPageText.RemoveImage)}（{index + 1}）</label></div>""");
            }

            Append(html, "</li>");
        }

        Append(html, "</ul>");
    }

    private static string Condition(SurveyItem item) => item.ShowWhen is { } condition
        ? $""" data-show-when="{E(FieldName(condition.QuestionKey))}" data-show-values="{E(string.Join(' ', condition.AnyOf))}" """.TrimEnd()
        : "";

    private static string Display(SurveyItem question, string value) =>
        question.Choices?.FirstOrDefault(c => c.Key == value)?.Label ?? value;

    /// <summary>An oversize answer comes back cut to what the page accepts at all, so the resident can shorten it.</summary>
    private static string Redisplayed(string value) => value.Length > SurveyAnswerRules.MaxRawValueLength ? value[..SurveyAnswerRules.MaxRawValueLength] : value;

    private static string E(string text) => ResidentPage.Encode(text);

    private static void Append(StringBuilder html, string part) => html.Append(part).Append('\n');
}
