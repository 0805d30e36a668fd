using Microsoft.AspNetCore.Http;
using SmartBranch.Kernel.Media;
using SmartBranch.Modules.Surveys.Answers;
using SmartBranch.Modules.Surveys.Forms;

namespace SmartBranch.Modules.Surveys.Images;

/// <summary>A posted form's answers with the image questions' values as tokens, and what went wrong with the images.</summary>
internal sealed record SurveyImageIntakeResult(IReadOnlyDictionary<string, IReadOnlyList<string>> Given, IReadOnlyList<SurveyAnswerError> Errors);

/// <summary>
/// The image questions of a posted survey page. The page carries each image already uploaded as a token in the
/// question's field (<c>q-{key}</c>), a box to remove it (<c>remove-{key}</c>) and a file input for more
/// (<c>image-{key}</c>). A refused upload costs the resident only that file: every other answer comes back as given.
/// </summary>
internal sealed class SurveyImageIntake(SurveyImages images)
{
    public const string FilePrefix = "image-";
    public const string RemovePrefix = "remove-";
    public const string Expired = "先に選んだ画像の受付期限が切れました。お手数ですが、もう一度選んでください。";

    /// <param name="takeUploads">False for the confirmation's 送信, which carries only the images already kept.</param>
    public async Task<SurveyImageIntakeResult> TakeAsync(
        Guid surveyId, SurveyForm form, string lineUserId, IReadOnlyDictionary<string, IReadOnlyList<string>> given, IFormCollection posted,
        bool takeUploads, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(given, StringComparer.Ordinal);
        var errors = new List<SurveyAnswerError>();
        foreach (var question in form.Questions.Where(q => q.Kind == SurveyItemKind.Image))
        {
            var removed = posted[RemovePrefix + question.Key].ToHashSet(StringComparer.Ordinal);
            var tokens = (given.GetValueOrDefault(question.Key) ?? []).Where(t => !removed.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
            var kept = tokens.Where(t => images.Read(surveyId, lineUserId, t) is not null).ToList();
            var error = kept.Count < tokens.Count ? Expired : null;
            var uploads = takeUploads ? posted.Files.GetFiles(FilePrefix + question.Key).Where(f => f.Length > 0).ToList() : [];
            if (kept.Count + uploads.Count > question.EffectiveMaxImages)
            {
                error = SurveyAnswerRules.ImageCountMessage(question.EffectiveMaxImages);
                uploads.Clear();
            }

            foreach (var upload in uploads)
            {
                try
                {
                    await using var content = upload.OpenReadStream();
                    kept.Add(images.Issue(surveyId, lineUserId, await images.KeepAsync(content, cancellationToken)));
                }
                catch (ImageRejectedException e)
                {
                    error = e.Message;
                }
            }

            result[question.Key] = kept;
            if (error is not null)
            {
                errors.Add(new SurveyAnswerError(question.Key, error));
            }
        }

        return new SurveyImageIntakeResult(result, errors);
    }

    /// <summary>The answers to store: each image question's tokens as image ids. Null when a token no longer reads.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? ToStored(
        Guid surveyId, SurveyForm form, string lineUserId, IReadOnlyDictionary<string, IReadOnlyList<string>> answers) =>
        Convert(form, answers, token => images.Read(surveyId, lineUserId, token));

    /// <summary>Stored answers as the page carries them: each image question's ids as tokens, for a resident editing their answer.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ToTokens(
        Guid surveyId, SurveyForm form, string lineUserId, IReadOnlyDictionary<string, IReadOnlyList<string>> stored) =>
        Convert(form, stored, id => images.Issue(surveyId, lineUserId, id))!;

    /// <summary>The errors to show: an image's own error before the rules' error about the same question, in form order.</summary>
    public static IReadOnlyList<SurveyAnswerError> Merge(SurveyForm form, IReadOnlyList<SurveyAnswerError> imageErrors, IReadOnlyList<SurveyAnswerError> ruleErrors) =>
    [
        .. form.Questions
            .Select(q => imageErrors.FirstOrDefault(e => e.QuestionKey == q.Key) ?? ruleErrors.FirstOrDefault(e => e.QuestionKey == q.Key))
            .OfType<SurveyAnswerError>(),
    ];

    private static Dictionary<string, IReadOnlyList<string>>? Convert(
        SurveyForm form, IReadOnlyDictionary<string, IReadOnlyList<string>> answers, Func<string, string?> convert)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(answers, StringComparer.Ordinal);
        foreach (var question in form.Questions.Where(q => q.Kind == SurveyItemKind.Image && answers.ContainsKey(q.Key)))
        {
            var converted = answers[question.Key].Select(convert).ToList();
            if (converted.Any(v => v is null))
            {
                return null;
            }

            result[question.Key] = converted!;
        }

        return result;
    }
}
