using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Media;
using SmartBranch.Modules.Surveys.Answering;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.Forms;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Modules.Surveys;

/// <summary>A resident answers an image question on the survey's LIFF page: what is kept, where, for whom, and what is refused.</summary>
public abstract class SurveyImageTests(SurveysBed fixture)
{
    /// <summary>Written into the upload's EXIF block, to prove none of it is stored.</summary>
    private const string ExifMarker = "HIRAKAWA-SURVEY-EXIF-MARKER";

    private static readonly SurveyForm Form = new(
    [
        new SurveyItem("opinion", SurveyItemKind.LongText, "ご意見"),
        new SurveyItem("photo", SurveyItemKind.Image, "写真", "場所がわかる写真を送ってください。", Required: true, MaxImages: 2),
    ]);

    [Fact]
    public async Task A_photo_is_stored_privately_without_its_EXIF_and_only_the_resident_who_sent_it_sees_it_on_the_page()
    {
        var bed = await fixture.GetAsync();
        var scenario = new SurveyScenario(bed);
        var surveyId = await scenario.PublishAsync("道路の写真", form: Form);
        var resident = await scenario.FriendAsync();
        using var browser = new Browser(bed.App.Address);
        var page = await scenario.OpenAsync(browser, resident, surveyId);
        var input = page.Document.QuerySelector<IHtmlInputElement>("#question-photo-file")!;
        Assert.Equal(("image/jpeg,image/png", "multipart/form-data"), (input.GetAttribute("accept"), page.Document.Forms[0]!.GetAttribute("enctype")));

        var confirmation = await PostAsync(browser, page, [JpegWithExif()], ("q-opinion", "段差があります"), ("step", "confirm"));

        Assert.Equal(HttpStatusCode.OK, confirmation.Status);
        Assert.Equal(["段差があります", "画像 1 枚"], confirmation.Document.QuerySelectorAll("dd").Select(d => d.TextContent.Trim()));
        var thumbnail = confirmation.Document.QuerySelector<IHtmlImageElement>(".survey-answers img")!.GetAttribute("src")!;
        using (var own = await browser.Client.GetAsync(thumbnail))
        {
            Assert.Equal((HttpStatusCode.OK, "image/jpeg"), (own.StatusCode, own.Content.Headers.ContentType?.MediaType));
        }

        var stranger = await scenario.FriendAsync();
        using var strangerBrowser = new Browser(bed.App.Address);
        await scenario.OpenAsync(strangerBrowser, stranger, surveyId);
        using (var refused = await strangerBrowser.Client.GetAsync(thumbnail))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        var done = await SurveyScenario.PostAsync(browser, confirmation, ("step", "submit"));
        Assert.Contains("ご回答ありがとうございました", done.Document.QuerySelector("#survey-message")!.TextContent, StringComparison.Ordinal);

        var answers = SurveyAnswersJson.Parse(await bed.InTenantAsync(SurveyScenario.Channel, (db, _) =>
            db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == surveyId).Select(r => r.AnswersJson).SingleAsync()));
        var imageId = Assert.Single(answers["photo"]);
        Assert.True(MediaFileName.IsId(imageId));
        var stored = await ReadStoredAsync(bed, MediaFileName.PrivateOriginal(imageId));
        Assert.Equal([0xFF, 0xD8, 0xFF], stored[..3]);
        Assert.DoesNotContain(ExifMarker, Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
        Assert.DoesNotContain("Exif", Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
        Assert.NotEmpty(await ReadStoredAsync(bed, MediaFileName.PrivatePreview(imageId)));

        foreach (var name in new[] { MediaFileName.PrivateOriginal(imageId), MediaFileName.PrivatePreview(imageId), MediaFileName.Original(imageId) })
        {
            using var media = await browser.Client.GetAsync($"/media/{SurveyScenario.Channel.Tenant}/{SurveyScenario.Channel.Environment}/{name}");
            Assert.Equal(HttpStatusCode.NotFound, media.StatusCode);
        }
    }

    [Fact]
    public async Task A_file_that_is_no_image_too_large_or_one_too_many_is_refused_in_Japanese_and_every_other_answer_and_image_is_kept()
    {
        var bed = await fixture.GetAsync();
        var scenario = new SurveyScenario(bed);
        var surveyId = await scenario.PublishAsync("写真の確認", form: Form);
        var resident = await scenario.FriendAsync();
        using var browser = new Browser(bed.App.Address);
        var page = await scenario.OpenAsync(browser, resident, surveyId);

        var gif = await PostAsync(browser, page, ["GIF89a\u0001\u0000\u0001\u0000"u8.ToArray()], ("q-opinion", "段差があります"), ("step", "confirm"));
        Assert.Equal(HttpStatusCode.BadRequest, gif.Status);
        Assert.StartsWith("JPEG または PNG の画像を選んでください。", gif.Document.QuerySelector("#question-photo-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("段差があります", gif.Document.QuerySelector("#question-opinion-input")!.TextContent);

        byte[] oversize = [0xFF, 0xD8, 0xFF, .. new byte[ImageReencoder.MaxUploadBytes]];
        var large = await PostAsync(browser, gif, [Jpeg(), oversize], ("q-opinion", "段差があります"), ("step", "confirm"));
        Assert.Equal(HttpStatusCode.BadRequest, large.Status);
        Assert.Contains("大きすぎます", large.Document.QuerySelector("#question-photo-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("段差があります", large.Document.QuerySelector("#question-opinion-input")!.TextContent);

        // The good image of that post was kept: one more is allowed, two more are one too many.
        Assert.Single(large.Document.QuerySelectorAll(".question .survey-images img"));
        Assert.Equal("1", large.Document.QuerySelector("#question-photo-file")!.GetAttribute("data-max-files"));
        var tooMany = await PostAsync(browser, large, [Jpeg(), Jpeg()], ("q-opinion", "段差があります"), ("step", "confirm"));
        Assert.Equal("画像は 2 枚まで送れます。減らしてから、もう一度送ってください。", tooMany.Document.QuerySelector("#question-photo-error")!.TextContent);
        Assert.Single(tooMany.Document.QuerySelectorAll(".question .survey-images img"));

        // Removing the kept image leaves a required question unanswered.
        var kept = tooMany.Document.QuerySelector<IHtmlInputElement>("input[name='remove-photo']")!.Value;
        var removed = await PostAsync(browser, tooMany, [], ("q-opinion", "段差があります"), ("remove-photo", kept), ("step", "confirm"));
        Assert.Equal("画像を選んでください（この質問は回答が必要です）。", removed.Document.QuerySelector("#question-photo-error")!.TextContent);
        Assert.Empty(removed.Document.QuerySelectorAll(".question .survey-images img"));

        // A token from another survey's page (or altered) is nobody's image here.
        var forged = await PostAsync(browser, removed, [], ("q-opinion", "段差があります"), ("q-photo", kept + "x"), ("step", "confirm"));
        Assert.StartsWith("先に選んだ画像の受付期限が切れました。", forged.Document.QuerySelector("#question-photo-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await bed.InTenantAsync(SurveyScenario.Channel, (db, _) => db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == surveyId)));
    }

    /// <summary>Posts the page's first form as a phone does (multipart): its hidden fields, <paramref name="fields"/> and the images.</summary>
    private static Task<BrowserPage> PostAsync(Browser browser, BrowserPage page, IReadOnlyList<byte[]> images, params (string Name, string Value)[] fields) =>
        browser.PostMultipartAsync(page, fields, [.. images.Select(i => ("image-photo", i))]);

    private static Task<byte[]> ReadStoredAsync(LineTestBed bed, string fileName) => bed.InTenantAsync(SurveyScenario.Channel, async (_, services) =>
    {
        await using var file = await services.GetRequiredService<IMediaStore>().OpenReadAsync(
            new MediaKey(SurveyScenario.Channel.Tenant, SurveyScenario.Channel.Environment, fileName), CancellationToken.None);
        using var copy = new MemoryStream();
        await file!.CopyToAsync(copy);
        return copy.ToArray();
    });

    internal static byte[] Jpeg()
    {
        using var bitmap = new SKBitmap(320, 240);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90)!;
        return data.ToArray();
    }

    /// <summary>A JPEG with an EXIF block (an empty little-endian TIFF directory followed by <see cref="ExifMarker"/>) after its start marker.</summary>
    internal static byte[] JpegWithExif()
    {
        byte[] exif = [.. "Exif\0\0"u8, .. "II"u8, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, .. Encoding.ASCII.GetBytes(ExifMarker)];
        var length = exif.Length + 2;
        var jpeg = Jpeg();
        return [0xFF, 0xD8, 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. exif, .. jpeg[2..]];
    }
}

public sealed class SqliteSurveyImageTests(SqliteSurveysBed fixture) : SurveyImageTests(fixture), IClassFixture<SqliteSurveysBed>;

public sealed class PostgresSurveyImageTests(PostgresSurveysBed fixture) : SurveyImageTests(fixture), IClassFixture<PostgresSurveysBed>;
