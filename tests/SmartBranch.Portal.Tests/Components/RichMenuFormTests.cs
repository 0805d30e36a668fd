using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using SmartBranch.Modules.RichMenus;
using SmartBranch.Modules.RichMenus.Domain;
using SmartBranch.Modules.RichMenus.Features.EditMenus;
using SmartBranch.Portal.Modules.RichMenus;
using SmartBranch.Portal.Tests.TestDoubles;

namespace SmartBranch.Portal.Tests.Components;

public sealed class RichMenuFormTests : PortalComponentTest
{
    private readonly FakeRichMenuEditor _editor = new();

    public RichMenuFormTests()
    {
        Staff.Permissions.Add(RichMenuPermissions.View);
        Staff.Permissions.Add(RichMenuPermissions.Edit);
        Services.AddSingleton<IRichMenuEditor>(_editor);
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void LINEs_templates_divide_the_image_exactly_the_last_column_and_row_taking_the_odd_pixel()
    {
        var six = Layout("large-6").Bounds(2500, 1686);
        var uneven = Layout("compact-2-uneven").Bounds(2500, 843);
        var oneOverTwo = Layout("large-3").Bounds(2500, 1686);

        Assert.Equal(
            [new(0, 0, 833, 843), new(833, 0, 833, 843), new(1666, 0, 834, 843), new(0, 843, 833, 843), new(833, 843, 833, 843), new(1666, 843, 834, 843)],
            six);
        Assert.Equal([new(0, 0, 833, 843), new(833, 0, 1667, 843)], uneven);
        Assert.Equal([new(0, 0, 2500, 843), new(0, 843, 1250, 843), new(1250, 843, 1250, 843)], oneOverTwo);
        Assert.Equal([6, 4, 3, 2, 2, 1], RichMenuLayouts.Large.Select(l => l.AreaCount));
        Assert.Equal([3, 2, 2, 1], RichMenuLayouts.Compact.Select(l => l.AreaCount));
    }

    [Fact]
    public void A_chosen_template_lays_out_the_fields_and_keeps_the_actions_already_typed()
    {
        var form = RenderForm();
        Upload(form, Png(2500, 1686));
        form.WaitForAssertion(() => Assert.Equal(6, form.FindAll("fieldset.richmenu-area").Count));
        form.Find("#richmenu-area-1-value").Input("https://www.city.hirakawa.lg.jp/");

        form.Find("#richmenu-layout-large-4").Click();

        Assert.Equal(4, form.FindAll("fieldset.richmenu-area").Count);
        Assert.Equal(["0", "843", "1250", "843"], Bounds(form, 3));
        Assert.Equal(["1250", "843", "1250", "843"], Bounds(form, 4));
        Assert.Equal("https://www.city.hirakawa.lg.jp/", form.Find("#richmenu-area-1-value").GetAttribute("value"));
        Assert.Equal(4, form.FindAll(".richmenu-canvas-area").Count);
        Assert.Equal(4, form.FindAll(".line-richmenu-area").Count);
    }

    [Fact]
    public void An_area_is_drawn_with_the_mouse_in_image_pixels()
    {
        var form = RenderForm();
        Upload(form, Png(2500, 843));
        form.WaitForAssertion(() => Assert.Equal(3, form.FindAll("fieldset.richmenu-area").Count));
        form.Find("#richmenu-layout-compact-1").Click();

        // Shown 480 px wide: one screen pixel is 2500 / 480 image pixels.
        form.Find(".richmenu-canvas-surface").PointerDown(new PointerEventArgs { OffsetX = 48, OffsetY = 24 });
        form.Find(".richmenu-canvas-surface").PointerMove(new PointerEventArgs { OffsetX = 144, OffsetY = 96 });
        Assert.Single(form.FindAll(".richmenu-canvas-drawing"));
        form.Find(".richmenu-canvas-surface").PointerUp(new PointerEventArgs { OffsetX = 144, OffsetY = 120 });

        Assert.Equal(2, form.FindAll("fieldset.richmenu-area").Count);
        Assert.Equal(["250", "125", "500", "500"], Bounds(form, 2));
        Assert.Contains("selected", form.Find("#richmenu-area-2").ClassList);
        Assert.Empty(form.FindAll(".richmenu-canvas-drawing"));
    }

    [Fact]
    public void A_free_area_beyond_the_image_is_refused_beside_its_fields_keeping_what_was_typed()
    {
        var form = RenderForm();
        Upload(form, Png(2500, 843));
        form.WaitForAssertion(() => Assert.Equal(3, form.FindAll("fieldset.richmenu-area").Count));
        form.Find("#richmenu-layout-compact-1").Click();
        form.Find("#richmenu-area-1-value").Input("https://www.city.hirakawa.lg.jp/");
        form.Find("#richmenu-add-area").Click();
        form.Find("#richmenu-area-2-x").Change("2000");
        form.Find("#richmenu-area-2-width").Change("800");
        form.Find("#richmenu-area-2-kind").Change(nameof(RichMenuActionKind.Message));
        form.Find("#richmenu-area-2-value").Input("ごみの日");
        form.Find("#richmenu-name").Input("ごみ");
        form.Find("#richmenu-chatbar").Input("メニュー");

        form.Find("#richmenu-save").Click();

        Assert.Equal("領域 2 が画像（2500×843）からはみ出しています。", form.Find("#richmenu-area-2-bounds-error").TextContent.Trim());
        Assert.Contains("richmenu-area-2-bounds-error", form.Find("#richmenu-area-2-x").GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("2000", form.Find("#richmenu-area-2-x").GetAttribute("value"));
        Assert.Equal("ごみの日", form.Find("#richmenu-area-2-value").GetAttribute("value"));
        Assert.Equal("ごみ", form.Find("#richmenu-name").GetAttribute("value"));
        Assert.Empty(_editor.Created);
    }

    [Fact]
    public void The_chat_bar_counter_counts_to_fourteen_and_a_longer_text_is_refused_beside_it()
    {
        var form = RenderForm();

        form.Find("#richmenu-chatbar").Input("くらしの情報");
        Assert.Contains("6 / 14", form.Find("#richmenu-chatbar-count").TextContent, StringComparison.Ordinal);
        form.Find("#richmenu-chatbar").Input("くらしと手続きと防災の情報メニュー");
        form.Find("#richmenu-save").Click();

        Assert.Contains("counter-over", form.Find("#richmenu-chatbar-count").ClassList);
        Assert.Contains("17", form.Find("#richmenu-chatbar-count").TextContent, StringComparison.Ordinal);
        Assert.Equal("メニューバーの文字は 14 文字以内にしてください（いま 17 文字）。", form.Find("#richmenu-chatbar-error").TextContent.Trim());
        Assert.Equal("メニューの画像を選んでください。", form.Find("#richmenu-image-problems").TextContent.Trim());
    }

    [Fact]
    public void An_image_too_wide_is_refused_with_an_offer_to_fit_it_whose_result_is_shown_before_it_is_used()
    {
        var form = RenderForm();

        Upload(form, Png(3000, 1000));

        form.WaitForAssertion(() => Assert.Contains("画像の幅は 800〜2500 ピクセルにしてください（いま 3000 ピクセル）。", form.Find("#richmenu-image-error").TextContent, StringComparison.Ordinal));
        Assert.Empty(form.FindAll(".richmenu-canvas"));
        form.Find("#richmenu-image-fit").Click();
        Assert.Contains("2500×833", form.Find("#richmenu-image-offer").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("data:image/jpeg;base64,", form.Find("#richmenu-image-offer img").GetAttribute("src"), StringComparison.Ordinal);
        Assert.Empty(form.FindAll(".richmenu-canvas"));

        form.Find("#richmenu-image-accept").Click();

        Assert.Contains("2500×833", form.Find("#richmenu-image-size").TextContent, StringComparison.Ordinal);
        Assert.Empty(form.FindAll("#richmenu-image-error"));
        Assert.Single(form.FindAll(".richmenu-canvas"));
    }

    [Fact]
    public void An_image_whose_shape_scaling_cannot_mend_is_refused_without_an_offer()
    {
        var form = RenderForm();

        Upload(form, Png(1000, 1000));

        form.WaitForAssertion(() => Assert.Contains("1.45 倍以上", form.Find("#richmenu-image-error").TextContent, StringComparison.Ordinal));
        Assert.Empty(form.FindAll("#richmenu-image-fit"));
    }

    [Fact]
    public void A_new_menu_is_saved_with_its_image_areas_and_actions_and_the_list_is_shown()
    {
        var form = RenderForm();
        var image = Png(2500, 843);
        Upload(form, image);
        form.WaitForAssertion(() => Assert.Equal(3, form.FindAll("fieldset.richmenu-area").Count));
        form.Find("#richmenu-layout-compact-2").Click();
        form.Find("#richmenu-area-1-value").Input("https://www.city.hirakawa.lg.jp/");
        form.Find("#richmenu-area-1-label").Input("市のホームページ");
        form.Find("#richmenu-area-2-kind").Change(nameof(RichMenuActionKind.LiffPage));
        form.Find("#richmenu-area-2-value").Input("reports/new");
        form.Find("#richmenu-name").Input("くらし");
        form.Find("#richmenu-chatbar").Input("くらしの情報");
        form.Find("#richmenu-role").Change(nameof(RichMenuRole.Tab));
        form.Find("#richmenu-alias").Input("tab-life");

        form.Find("#richmenu-save").Click();

        var (draft, saved) = Assert.Single(_editor.Created);
        Assert.Equal(image, saved);
        Assert.Equal(("くらし", "くらしの情報", RichMenuRole.Tab, "tab-life"), (draft.Name, draft.ChatBarText, draft.Role, draft.TabAliasId));
        Assert.Equal(
            [
                new RichMenuArea(new RichMenuBounds(0, 0, 1250, 843), new RichMenuAction(RichMenuActionKind.Uri, "https://www.city.hirakawa.lg.jp/", "市のホームページ")),
                new RichMenuArea(new RichMenuBounds(1250, 0, 1250, 843), new RichMenuAction(RichMenuActionKind.LiffPage, "reports/new")),
            ],
            draft.Areas);
        Assert.EndsWith("/portal/hirakawa/richmenus", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void LINEs_answer_to_validation_is_shown_in_japanese_beside_the_area_concerned()
    {
        var id = _editor.Add(Draft(), 2500, 843);
        _editor.LineAnswer = [new("areas[1].action", "領域 2 の動作を LINE が受け付けませんでした（LINE の説明: invalid uri）。")];
        var form = RenderForm(id);

        form.Find("#richmenu-validate").Click();

        Assert.Equal("領域 2 の動作を LINE が受け付けませんでした（LINE の説明: invalid uri）。", form.Find("#richmenu-area-2-action-error").TextContent.Trim());
        Assert.Contains("invalid uri", form.Find("#richmenu-problems").TextContent, StringComparison.Ordinal);
        Assert.Empty(form.FindAll("#richmenu-validated"));

        _editor.LineAnswer = [];
        form.Find("#richmenu-validate").Click();

        Assert.Equal("LINE の検証で問題は見つかりませんでした。", form.Find("#richmenu-validated").TextContent.Trim());
        Assert.Empty(form.FindAll("#richmenu-area-2-action-error"));
        Assert.Equal(2, _editor.Validated.Count);
    }

    [Fact]
    public void An_edit_keeps_the_image_and_sends_the_version_it_started_from()
    {
        var id = _editor.Add(Draft(), 2500, 843);
        var stamp = _editor.Menus[id].ConcurrencyStamp;
        var form = RenderForm(id);
        Assert.Empty(form.FindAll("#richmenu-image"));
        Assert.Equal($"/portal/hirakawa/richmenus/{id}/image", form.Find(".richmenu-canvas img").GetAttribute("src"));

        form.Find("#richmenu-chatbar").Input("手続き");
        form.Find("#richmenu-save").Click();

        var (updated, draft, sentStamp) = Assert.Single(_editor.Updated);
        Assert.Equal((id, "手続き", stamp), (updated, draft.ChatBarText, sentStamp));
    }

    [Fact]
    public void Tapping_a_tab_switch_in_the_preview_shows_that_tabs_menu()
    {
        var procedures = _editor.Add(Draft() with { Name = "手続き", Role = RichMenuRole.Tab, TabAliasId = "tab-procedures", ChatBarText = "手続き" }, 2500, 843);
        var home = _editor.Add(
            Draft() with
            {
                Role = RichMenuRole.Default,
                TabAliasId = "tab-life",
                Areas = [new RichMenuArea(new RichMenuBounds(0, 0, 2500, 843), new RichMenuAction(RichMenuActionKind.SwitchTab, "tab-procedures", "手続きへ"))],
            },
            2500,
            843);
        var form = RenderForm(home);

        form.Find(".line-richmenu-area").Click();

        form.WaitForAssertion(() => Assert.Equal($"/portal/hirakawa/richmenus/{procedures}/image", form.Find(".line-richmenu img").GetAttribute("src")));
        Assert.Equal("手続き", form.Find(".line-richmenu-bar-text").TextContent);
        Assert.Equal(2, form.FindAll(".line-richmenu-area").Count);
        form.Find(".line-richmenu-back").Click();
        Assert.Equal($"/portal/hirakawa/richmenus/{home}/image", form.Find(".line-richmenu img").GetAttribute("src"));
    }

    [Fact]
    public void A_viewer_is_refused_the_editor()
    {
        Staff.Permissions.Remove(RichMenuPermissions.Edit);

        var form = RenderForm();

        Assert.Contains("権限がありません", form.Find("#richmenu-refused").TextContent, StringComparison.Ordinal);
        Assert.Empty(form.FindAll("form"));
    }

    private static RichMenuDraft Draft() => new(
        "くらし",
        "くらしの情報",
        RichMenuRole.Segment,
        null,
        OpenedAtFirst: true,
        [
            new RichMenuArea(new RichMenuBounds(0, 0, 1250, 843), new RichMenuAction(RichMenuActionKind.Uri, "https://www.city.hirakawa.lg.jp/")),
            new RichMenuArea(new RichMenuBounds(1250, 0, 1250, 843), new RichMenuAction(RichMenuActionKind.Message, "ごみの日")),
        ]);

    private static RichMenuLayout Layout(string id) => RichMenuLayouts.Large.Concat(RichMenuLayouts.Compact).Single(l => l.Id == id);

    private static IReadOnlyList<string?> Bounds(IRenderedComponent<RichMenuForm> form, int area) =>
        [.. new[] { "x", "y", "width", "height" }.Select(c => form.Find($"#richmenu-area-{area}-{c}").GetAttribute("value"))];

    private static void Upload(IRenderedComponent<RichMenuForm> form, byte[] png) =>
        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(png, "menu.png", contentType: "image/png"));

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.SeaGreen);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private IRenderedComponent<RichMenuForm> RenderForm(Guid? menuId = null) =>
        Render<RichMenuForm>(p => p.Add(s => s.TenantSlug, "hirakawa").Add(s => s.EnvironmentName, "production").Add(s => s.MenuId, menuId));
}
