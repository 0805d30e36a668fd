#:package SkiaSharp
#:package SkiaSharp.NativeAssets.Linux.NoDependencies

// Draws Hirakawa's rich menu images from the labels below, in the layout richmenus.yml describes
// (2500 × 1686: a tab bar 250 px high, then two rows of three buttons).
// Run from this folder: dotnet run render-images.cs  (needs a Japanese font: fonts-ipafont-gothic)
using SkiaSharp;

const int Width = 2500, Height = 1686, TabBar = 250;

// SkiaSharp's dependency-free native build has no fontconfig, so the font is opened by its path.
const string FontFile = "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf";
var font = SKTypeface.FromFile(FontFile)
    ?? throw new InvalidOperationException($"{FontFile} is missing: apt-get install fonts-ipafont-gothic");

Render("default-life.png", new SKColor(0x1B, 0x6E, 0x3A), ["くらし", "手続き"], 0,
    ["ごみの日", "市からのお知らせ", "子育て", "健康・医療", "道路・公園の通報", "お問い合わせ"]);
Render("default-procedures.png", new SKColor(0x1B, 0x6E, 0x3A), ["くらし", "手続き"], 1,
    ["オンライン申請", "証明書の請求", "施設の予約", "税・保険", "窓口のご案内", "受信設定"]);
Render("disaster.png", new SKColor(0xB0, 0x1E, 0x1E), ["防災モード　災害情報"], 0,
    ["避難所", "ハザードマップ", "安否確認", "災害情報", "緊急連絡先", "給水・支援"]);

void Render(string file, SKColor theme, string[] tabs, int activeTab, string[] buttons)
{
    using var bitmap = new SKBitmap(Width, Height);
    using var canvas = new SKCanvas(bitmap);
    canvas.Clear(SKColors.White);
    using var fill = new SKPaint { IsAntialias = true };
    using var border = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 6, Color = theme };

    var tabWidth = (float)Width / tabs.Length;
    for (var i = 0; i < tabs.Length; i++)
    {
        var active = i == activeTab;
        fill.Color = active ? theme : theme.WithAlpha(0x33);
        canvas.DrawRect(i * tabWidth, 0, tabWidth, TabBar, fill);
        Text(canvas, tabs[i], i * tabWidth + tabWidth / 2, TabBar / 2f, 110, active ? SKColors.White : theme);
    }

    const int columns = 3, rows = 2, margin = 24;
    var cellWidth = (float)Width / columns;
    var cellHeight = (float)(Height - TabBar) / rows;
    for (var i = 0; i < buttons.Length; i++)
    {
        var x = i % columns * cellWidth;
        var y = TabBar + i / columns * cellHeight;
        var box = new SKRoundRect(new SKRect(x + margin, y + margin, x + cellWidth - margin, y + cellHeight - margin), 40);
        fill.Color = theme.WithAlpha(0x14);
        canvas.DrawRoundRect(box, fill);
        canvas.DrawRoundRect(box, border);
        Text(canvas, buttons[i], x + cellWidth / 2, y + cellHeight / 2, buttons[i].Length > 6 ? 88 : 120, theme);
    }

    using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
    File.WriteAllBytes(file, png.ToArray());
    Console.WriteLine($"{file}: {png.Size / 1024} KB");
}

void Text(SKCanvas canvas, string text, float centerX, float centerY, float size, SKColor color)
{
    using var skFont = new SKFont(font, size);
    using var paint = new SKPaint { IsAntialias = true, Color = color };
    skFont.MeasureText(text, out var bounds);
    canvas.DrawText(text, centerX - bounds.MidX, centerY - bounds.MidY, SKTextAlign.Left, skFont, paint);
}
