using SmartBranch.Line.Client;
using SmartBranch.Modules.RichMenus.Features.ValidateMenus;

namespace SmartBranch.UnitTests.Modules.RichMenus;

/// <summary>What LINE's validate API refuses, said in Japanese next to the field LINE named.</summary>
public sealed class RichMenuLineValidatorTests
{
    [Theory]
    [InlineData("areas[2].action.uri", "invalid uri scheme", "areas[2].action", "領域 3 の動作を LINE が受け付けませんでした（LINE の説明: invalid uri scheme）。")]
    [InlineData("areas[0].bounds", "The bounds must lie within the rich menu", "areas[0].bounds", "領域 1 の位置と大きさを LINE が受け付けませんでした（LINE の説明: The bounds must lie within the rich menu）。")]
    [InlineData("chatBarText", "Length must be between 1 and 14", "chatBarText", "メニューバーの文字を LINE が受け付けませんでした（LINE の説明: Length must be between 1 and 14）。")]
    [InlineData("size.width", "Must be between 800 and 2500", "image", "画像の大きさを LINE が受け付けませんでした（LINE の説明: Must be between 800 and 2500）。")]
    [InlineData("selected", null, "", "メニューを LINE が受け付けませんでした。")]
    public void LINEs_reason_is_placed_beside_the_field_it_names(string property, string? message, string field, string japanese)
    {
        var problem = RichMenuLineValidator.Explain(new LineApiErrorDetail(message, property));

        Assert.Equal((field, japanese), (problem.Field, problem.Message));
    }
}
