using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Line.Client;
using SmartBranch.Line.RichMenus;
using SmartBranch.Modules.RichMenus.Domain;

namespace SmartBranch.Modules.RichMenus.Features.ValidateMenus;

/// <summary>
/// Asks LINE's validate API (https://developers.line.biz/en/reference/messaging-api/#validate-rich-menu-object)
/// whether the environment's channel would take a menu, and says what LINE refused in Japanese, next to the field
/// LINE named. Our own rules are checked first: LINE is asked only about a menu they pass.
/// </summary>
internal sealed partial class RichMenuLineValidator(ICurrentTenant tenant, ILineRichMenuClientFactory clients, ILogger<RichMenuLineValidator> logger)
{
    public async Task<IReadOnlyList<RichMenuProblem>> ValidateAsync(RichMenuDraft draft, int width, int height, CancellationToken cancellationToken)
    {
        var ours = RichMenuRules.Check(draft, width, height);
        if (ours.Count > 0)
        {
            return ours;
        }

        var environment = tenant.Required.Environment;
        if (!environment.Line.IsConfigured)
        {
            return [new("", "この環境は LINE チャネルが設定されていないため、LINE で検証できません。")];
        }

        if (draft.Areas.Any(a => a.Action.Kind == RichMenuActionKind.LiffPage) && string.IsNullOrWhiteSpace(environment.Line.LiffId))
        {
            return [new("", "この環境は LIFF アプリが設定されていないため、住民向けページを開く領域を検証できません。")];
        }

        var client = clients.Create(environment.Line.ToChannel($"{tenant.Required.TenantSlug}/{environment.Name}"));
        try
        {
            await client.ValidateRichMenuAsync(RichMenuLineObject.From(draft, width, height, environment.Line.LiffId), cancellationToken);
            return [];
        }
        catch (LineApiException e) when (e.Details.Count > 0)
        {
            return [.. e.Details.Select(Explain)];
        }
        catch (LineApiException e)
        {
            LogRefused(logger, (int)e.StatusCode, e.LineMessage, e.RequestId);
            return [new("", $"LINE がメニューを受け付けませんでした（LINE の説明: {e.LineMessage ?? ((int)e.StatusCode).ToString(CultureInfo.InvariantCulture)}）。LINE チャネルの設定を確かめてください。")];
        }
        catch (HttpRequestException e)
        {
            LogUnreachable(logger, e);
            return [new("", "LINE に接続できなかったため検証できませんでした。しばらくしてから、もう一度お試しください。")];
        }
    }

    /// <summary>LINE names the property it refused (<c>areas[2].action.uri</c>, <c>chatBarText</c>, <c>size.height</c>).</summary>
    internal static RichMenuProblem Explain(LineApiErrorDetail detail)
    {
        var property = detail.Property ?? "";
        var said = string.IsNullOrWhiteSpace(detail.Message) ? "" : $"（LINE の説明: {detail.Message}）";
        if (AreaProperty().Match(property) is { Success: true } area)
        {
            var index = int.Parse(area.Groups["index"].Value, CultureInfo.InvariantCulture);
            var (field, what) = area.Groups["rest"].Value.StartsWith(".bounds", StringComparison.Ordinal)
                ? ("bounds", "位置と大きさ")
                : ("action", "動作");
            return new($"areas[{index}].{field}", $"領域 {index + 1} の{what}を LINE が受け付けませんでした{said}。");
        }

        var (name, label) = property switch
        {
            "name" => ("name", "メニュー名"),
            "chatBarText" => ("chatBarText", "メニューバーの文字"),
            "areas" => ("areas", "領域の組み合わせ"),
            _ when property.StartsWith("size", StringComparison.Ordinal) => ("image", "画像の大きさ"),
            _ => ("", "メニュー"),
        };
        return new(name, $"{label}を LINE が受け付けませんでした{said}。");
    }

    [GeneratedRegex(@"^areas\[(?<index>\d+)\](?<rest>.*)$")]
    private static partial Regex AreaProperty();

    [LoggerMessage(Level = LogLevel.Warning, Message = "LINE refused to validate a rich menu: {Status} {LineMessage} (x-line-request-id {RequestId})")]
    private static partial void LogRefused(ILogger logger, int status, string? lineMessage, string? requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LINE could not be reached to validate a rich menu")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);
}
