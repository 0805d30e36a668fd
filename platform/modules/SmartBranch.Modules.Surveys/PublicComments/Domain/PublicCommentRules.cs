namespace SmartBranch.Modules.Surveys.PublicComments.Domain;

/// <summary>The checks on a case's settings and result. Pure: no clock, no database. Messages are Japanese, for staff.</summary>
public static class PublicCommentRules
{
    public static IReadOnlyList<string> CheckSettings(PublicCommentSettings settings)
    {
        var errors = new List<string>();
        Text(errors, settings.Title, "件名", PublicCommentCase.MaxTitleLength, required: true);
        Text(errors, settings.Department, "担当課", PublicCommentCase.MaxDepartmentLength, required: true);
        Text(errors, settings.Description, "概要", PublicCommentCase.MaxDescriptionLength, required: false);
        if (settings.ClosesAt <= settings.OpensAt)
        {
            errors.Add("募集の締め切り日時は、開始日時より後にしてください。");
        }

        if (settings.IdentityFields.Any(f => !Enum.IsDefined(f)))
        {
            errors.Add("意見に添える項目に、知らない項目があります。");
        }

        return errors;
    }

    /// <param name="requireBoth">Publishing needs both parts; a result being written may lack either.</param>
    public static IReadOnlyList<string> CheckResult(string? opinionSummary, string? cityResponse, bool requireBoth)
    {
        var errors = new List<string>();
        Text(errors, opinionSummary, "意見の概要", PublicCommentCase.MaxResultLength, requireBoth);
        Text(errors, cityResponse, "市の考え方", PublicCommentCase.MaxResultLength, requireBoth);
        return errors;
    }

    private static void Text(List<string> errors, string? value, string name, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add($"{name}を入力してください。");
            }
        }
        else if (value.Trim().Length > max)
        {
            errors.Add($"{name}は {max:N0} 文字までです（いまは {value.Trim().Length:N0} 文字）。");
        }
    }
}
