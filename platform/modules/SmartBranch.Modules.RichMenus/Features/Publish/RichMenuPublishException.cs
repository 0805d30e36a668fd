namespace SmartBranch.Modules.RichMenus.Features.Publish;

/// <summary>A menu could not be published, promoted or shown; the message says why in Japanese, for staff.</summary>
public class RichMenuPublishException : Exception
{
    public RichMenuPublishException()
        : this("リッチメニューを LINE に公開できませんでした。")
    {
    }

    public RichMenuPublishException(string message)
        : base(message)
    {
    }

    public RichMenuPublishException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The channel created as many menus this hour as LINE allows; <see cref="FreesAt"/> is when the next may be made.</summary>
public sealed class RichMenuCreationLimitException(DateTimeOffset freesAt) : RichMenuPublishException(
    $"LINE では 1 時間に作れるリッチメニューが {Line.RichMenus.LineRichMenuLimits.MaxCreationsPerHour} 個までのため、いまは公開できません。"
    + $"{Kernel.JapanTime.Display(freesAt)}（日本時間）以降にもう一度お試しください。")
{
    public DateTimeOffset FreesAt { get; } = freesAt;
}
