using System.Text.Json;
using System.Text.Json.Serialization;
using SmartBranch.Modules.Surveys.Domain;

namespace SmartBranch.Modules.Surveys.Forms;

/// <summary>A form version's stored JSON: camelCase, kinds as names, unset settings left out.</summary>
public static class SurveyFormJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(SurveyForm form) => JsonSerializer.Serialize(form, Options);

    /// <exception cref="SurveyRuleException">Not a form of a schema this version reads.</exception>
    public static SurveyForm Parse(string json)
    {
        SurveyForm? form;
        try
        {
            form = JsonSerializer.Deserialize<SurveyForm>(json, Options);
        }
        catch (JsonException e)
        {
            throw new SurveyRuleException($"フォームの定義を読めませんでした（{e.Path ?? "先頭"} 付近）。", e);
        }

        if (form?.Items is null)
        {
            throw new SurveyRuleException("フォームの定義に質問の一覧（items）がありません。");
        }

        return form.Schema == SurveyForm.CurrentSchema
            ? form
            : throw new SurveyRuleException($"フォームの定義の版（schema {form.Schema}）に対応していません。");
    }
}
