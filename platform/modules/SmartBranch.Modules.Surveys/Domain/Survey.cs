using System.Security.Cryptography;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Surveys.Domain;

public enum SurveyState
{
    /// <summary>Being written; residents cannot open it.</summary>
    Draft,

    /// <summary>Published: residents may answer between <see cref="Survey.OpensAt"/> and <see cref="Survey.ClosesAt"/>.</summary>
    Open,

    /// <summary>Closed by staff before or at its end; never answered again.</summary>
    Closed,
}

/// <summary>
/// A survey (アンケート): its settings and the number of its current form version (<see cref="SurveyFormVersion"/>).
/// Times are stored in UTC.
/// </summary>
public sealed class Survey : ITenantOwned
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 2000;

    private Survey()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public DateTimeOffset OpensAt { get; private set; }
    public DateTimeOffset ClosesAt { get; private set; }

    /// <summary>Answers carry no LINE user id (see <see cref="SurveyRespondent"/>).</summary>
    public bool Anonymous { get; private set; }

    public bool OneAnswerPerResident { get; private set; }

    /// <summary>A resident may change their answer until the survey closes (identified surveys only).</summary>
    public bool EditableUntilClose { get; private set; }

    public SurveyState State { get; private set; }

    /// <summary>The form residents answer now; answers keep the version they answered.</summary>
    public int FormVersion { get; private set; }

    /// <summary>Salts <see cref="SurveyRespondent.RespondentHash"/>, so that hashes mean nothing outside this survey.</summary>
    public byte[] RespondentSalt { get; private init; } = [];

    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public SurveySettings Settings => new(Title, Description, OpensAt, ClosesAt, Anonymous, OneAnswerPerResident, EditableUntilClose);

    public static Survey Create(SurveySettings settings, DateTimeOffset now)
    {
        var survey = new Survey { CreatedAt = now, RespondentSalt = RandomNumberGenerator.GetBytes(32), State = SurveyState.Draft };
        survey.Change(settings, now);
        return survey;
    }

    /// <summary>A survey as the preview shows it: the settings as typed, even unfinished ones, never stored.</summary>
    internal static Survey Preview(SurveySettings settings) => new()
    {
        Title = settings.Title,
        Description = string.IsNullOrWhiteSpace(settings.Description) ? null : settings.Description,
        OpensAt = settings.OpensAt,
        ClosesAt = settings.ClosesAt,
        Anonymous = settings.Anonymous,
        OneAnswerPerResident = settings.OneAnswerPerResident,
        EditableUntilClose = settings.EditableUntilClose,
    };

    /// <exception cref="SurveyRuleException">Settings an open or closed survey cannot take, or that make no sense.</exception>
    public void Change(SurveySettings settings, DateTimeOffset now)
    {
        var errors = SurveySettingsRules.Check(settings);
        if (errors.Count > 0)
        {
            throw new SurveyRuleException(string.Join("\n", errors));
        }

        if (State != SurveyState.Draft && (settings.Anonymous != Anonymous || settings.OneAnswerPerResident != OneAnswerPerResident))
        {
            throw new SurveyRuleException("公開後は、無記名かどうかと回答の回数は変えられません（集まった回答の扱いが変わるため）。");
        }

        if (State == SurveyState.Closed)
        {
            throw new SurveyRuleException("締め切ったアンケートの設定は変えられません。");
        }

        Title = settings.Title.Trim();
        Description = string.IsNullOrWhiteSpace(settings.Description) ? null : settings.Description.Trim();
        OpensAt = settings.OpensAt.ToUniversalTime();
        ClosesAt = settings.ClosesAt.ToUniversalTime();
        Anonymous = settings.Anonymous;
        OneAnswerPerResident = settings.OneAnswerPerResident;
        EditableUntilClose = settings.EditableUntilClose;
        UpdatedAt = now;
    }

    /// <exception cref="SurveyRuleException">Not a draft: the form residents see may not change under them.</exception>
    public void UseForm(int version, DateTimeOffset now)
    {
        if (State != SurveyState.Draft)
        {
            throw new SurveyRuleException("公開したアンケートの質問は変えられません。変えるときは、締め切ってから新しいアンケートを作ってください。");
        }

        FormVersion = version;
        UpdatedAt = now;
    }

    /// <exception cref="SurveyRuleException">Not a draft, without a form, or its end has passed.</exception>
    public void Open(DateTimeOffset now)
    {
        if (State != SurveyState.Draft)
        {
            throw new SurveyRuleException("公開できるのは下書きのアンケートだけです。");
        }

        if (FormVersion == 0)
        {
            throw new SurveyRuleException("質問を保存してから公開してください。");
        }

        if (ClosesAt <= now)
        {
            throw new SurveyRuleException("締め切り日時が過ぎています。締め切り日時を直してから公開してください。");
        }

        State = SurveyState.Open;
        UpdatedAt = now;
    }

    /// <exception cref="SurveyRuleException">Not open.</exception>
    public void Close(DateTimeOffset now)
    {
        if (State != SurveyState.Open)
        {
            throw new SurveyRuleException("締め切れるのは公開中のアンケートだけです。");
        }

        State = SurveyState.Closed;
        if (ClosesAt > now)
        {
            ClosesAt = now;
        }

        UpdatedAt = now;
    }

    /// <summary>Where the survey stands for a resident at <paramref name="now"/>.</summary>
    public SurveyAvailability AvailabilityAt(DateTimeOffset now) => State switch
    {
        SurveyState.Draft => SurveyAvailability.NotFound,
        SurveyState.Closed => SurveyAvailability.Closed,
        _ when now < OpensAt => SurveyAvailability.NotYetOpen,
        _ when now >= ClosesAt => SurveyAvailability.Closed,
        _ => SurveyAvailability.Open,
    };
}

public enum SurveyAvailability
{
    NotFound,
    NotYetOpen,
    Open,
    Closed,
}

/// <param name="OpensAt">Any offset; stored as UTC.</param>
public sealed record SurveySettings(
    string Title,
    string? Description,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    bool Anonymous,
    bool OneAnswerPerResident,
    bool EditableUntilClose);

public static class SurveySettingsRules
{
    public static IReadOnlyList<string> Check(SurveySettings settings)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(settings.Title))
        {
            errors.Add("タイトルを入力してください。");
        }
        else if (settings.Title.Trim().Length > Survey.MaxTitleLength)
        {
            errors.Add($"タイトルは {Survey.MaxTitleLength} 文字までです。");
        }

        if (settings.Description?.Trim().Length > Survey.MaxDescriptionLength)
        {
            errors.Add($"説明は {Survey.MaxDescriptionLength} 文字までです。");
        }

        if (settings.ClosesAt <= settings.OpensAt)
        {
            errors.Add("締め切り日時は、受付開始日時より後にしてください。");
        }

        // An anonymous answer cannot be found again without tying it to the resident, which anonymity forbids.
        if (settings.Anonymous && settings.EditableUntilClose)
        {
            errors.Add("無記名のアンケートでは、回答の修正を受け付けられません（回答と住民を結び付けないため）。");
        }

        if (settings.EditableUntilClose && !settings.OneAnswerPerResident)
        {
            errors.Add("回答の修正を受け付けるのは、1 人 1 回のアンケートだけです。");
        }

        return errors;
    }
}

/// <summary>A rule of the Surveys module refused an action; the message is Japanese, for staff.</summary>
public sealed class SurveyRuleException : Exception
{
    public SurveyRuleException() { }

    public SurveyRuleException(string message) : base(message) { }

    public SurveyRuleException(string message, Exception innerException) : base(message, innerException) { }
}
