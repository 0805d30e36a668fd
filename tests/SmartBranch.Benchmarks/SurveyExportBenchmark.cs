using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.DataExport;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Surveys.Analysis;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.Forms;

namespace SmartBranch.Benchmarks;

internal sealed record SurveyExportBenchmarkOptions(int Answers, string? Postgres)
{
    public static SurveyExportBenchmarkOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new SurveyExportBenchmarkOptions(int.Parse(Value("--answers") ?? "100000", CultureInfo.InvariantCulture), Value("--postgres"));
    }
}

/// <summary>
/// A survey's CSV export at scale: N identified answers to a ten-question form (choices, a rating, a number, a date,
/// a phone number and a free-text opinion of about 120 characters with an emoji and a wave dash), seeded into the
/// database; then an administrator exports them through the product's <see cref="SurveyResults"/> (permission check,
/// audit record, streaming from the database) in UTF-8 and in Shift_JIS. Reports the time, the bytes, and the managed
/// heap's peak above its level before the export, sampled every 10 ms while it runs.
/// </summary>
internal static class SurveyExportBenchmark
{
    private const int SeedBatch = 5_000;

    private static readonly SurveyForm Form = new(
    [
        new SurveyItem("uses", SurveyItemKind.SingleChoice, "公園を使いますか", Choices: [new("often", "よく使う"), new("sometimes", "ときどき"), new("never", "使わない")]),
        new SurveyItem("parks", SurveyItemKind.MultipleChoice, "使う公園", Choices: [new("a", "平賀中央公園"), new("b", "尾上総合公園"), new("c", "碇ヶ関運動公園")]),
        new SurveyItem("when", SurveyItemKind.Dropdown, "使う時間帯", Choices: [new("morning", "朝"), new("day", "昼"), new("evening", "夕方")]),
        new SurveyItem("score", SurveyItemKind.Rating, "満足度", Max: 5),
        new SurveyItem("age", SurveyItemKind.Number, "年齢", Min: 0, Max: 120),
        new SurveyItem("visited", SurveyItemKind.Date, "最近訪れた日"),
        new SurveyItem("phone", SurveyItemKind.Phone, "電話番号"),
        new SurveyItem("postal", SurveyItemKind.PostalCode, "郵便番号"),
        new SurveyItem("name", SurveyItemKind.ShortText, "ニックネーム"),
        new SurveyItem("opinion", SurveyItemKind.LongText, "ご意見"),
    ]);

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(SurveyExportBenchmarkOptions options)
    {
        await using var bench = await BenchmarkServer.CreateAsync(options.Postgres);
        await using var desk = new StaffDesk(bench.Settings);
        _ = desk.Services; // Starts it: the database is migrated.
        var admin = await desk.CreateAdministratorAsync();

        Console.WriteLine($"Seeding {options.Answers:N0} answers ({bench.Database.Provider})…");
        var clock = Stopwatch.StartNew();
        var surveyId = await SeedAsync(desk, options.Answers);
        Console.WriteLine($"  seeded in {clock.Elapsed.TotalSeconds:F1} s");

        Console.WriteLine("| encoding | answers | bytes | time | answers/s | managed heap peak above start |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var encoding in new[] { CsvEncoding.Utf8, CsvEncoding.ShiftJis, CsvEncoding.Utf8, CsvEncoding.ShiftJis })
        {
            var (rows, bytes, elapsed, peak) = await ExportAsync(desk, admin, surveyId, encoding);
            if (rows != options.Answers)
            {
                Console.Error.WriteLine($"Exported {rows:N0} rows, not {options.Answers:N0}.");
                return 1;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {encoding} | {rows:N0} | {bytes / 1024.0 / 1024.0:F1} MiB | {elapsed.TotalSeconds:F2} s | {rows / elapsed.TotalSeconds:N0} | {peak / 1024.0 / 1024.0:F1} MiB |"));
        }

        return 0;
    }

    private static async Task<(int Rows, long Bytes, TimeSpan Elapsed, long HeapPeak)> ExportAsync(StaffDesk desk, string admin, Guid surveyId, CsvEncoding encoding)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        using var stop = new CancellationTokenSource();
        var peak = baseline;
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(10, CancellationToken.None);
            }
        }, CancellationToken.None);
        await using var output = new CountingStream();
        var clock = Stopwatch.StartNew();
        var rows = await desk.AsAsync(admin, async services =>
        {
            var export = await services.GetRequiredService<SurveyResults>().ExportCsvAsync(surveyId, encoding, CancellationToken.None);
            return await export.WriteAsync(output, CancellationToken.None);
        });
        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        await sampler;
        return (rows, output.Length, elapsed, peak - baseline);
    }

    private static Task<Guid> SeedAsync(StaffDesk desk, int answers) => desk.InTenantAsync(async services =>
    {
        var db = services.GetRequiredService<SmartBranchDbContext>();
        var opened = DateTimeOffset.UtcNow.AddDays(-30);
        var survey = Survey.Create(new SurveySettings("公園の使い方アンケート（ベンチマーク）", null, opened, opened.AddDays(60), false, false, false), opened);
        db.Add(survey);
        db.Add(SurveyFormVersion.Save(survey.Id, 1, SurveyFormJson.Serialize(Form), opened));
        survey.UseForm(1, opened);
        survey.Open(opened);
        await SaveAsync(db);

        var random = new Random(7);
        string[] uses = ["often", "sometimes", "never"];
        string[] parks = ["a", "b", "c"];
        string[] times = ["morning", "day", "evening"];
        for (var i = 0; i < answers; i++)
        {
            var answer = new Dictionary<string, string[]>
            {
                ["uses"] = [uses[random.Next(3)]],
                ["parks"] = [.. parks.Where(_ => random.Next(2) == 0)],
                ["when"] = [times[random.Next(3)]],
                ["score"] = [(1 + random.Next(5)).ToString(CultureInfo.InvariantCulture)],
                ["age"] = [(10 + random.Next(80)).ToString(CultureInfo.InvariantCulture)],
                ["visited"] = [opened.AddDays(random.Next(30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
                ["phone"] = [string.Create(CultureInfo.InvariantCulture, $"0172-{random.Next(10, 99)}-{random.Next(1000, 9999)}")],
                ["postal"] = ["036-0104"],
                ["name"] = [$"利用者{i}"],
                ["opinion"] = [$"土日の 10時〜12時 は駐車場が混みます。遊具を増やしてほしいです😀 トイレの清掃もお願いします。回答 {i} 番、\"引用\" と =SUM(A1) を含む長めの意見です。" + new string('あ', random.Next(40))],
            };
            db.Add(SurveyResponse.Submit(
                survey, $"bench-{i}", $"U{i:x32}", JsonSerializer.Serialize(answer, Json), """{"age":"30s","area":"hiraka"}""", opened.AddSeconds(i * 20)));
            if ((i + 1) % SeedBatch == 0)
            {
                await SaveAsync(db);
            }
        }

        await SaveAsync(db);
        return survey.Id;
    });

    private static async Task SaveAsync(SmartBranchDbContext db)
    {
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    /// <summary>Counts what the export writes and keeps none of it, as a response body streamed to a client would.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush() { }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
