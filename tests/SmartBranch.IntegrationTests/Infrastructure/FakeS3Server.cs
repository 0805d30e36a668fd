using System.Diagnostics;
using Amazon.S3;
using SmartBranch.Kernel.Storage;
using SmartBranch.Tests.Shared;

namespace SmartBranch.IntegrationTests.Infrastructure;

/// <summary>
/// A real S3-compatible server for the store tests: s3rver (npm, pinned in <c>tests/fake-s3</c>) on a free
/// loopback port, its objects in a temporary directory. Needs Node.js: without it the test is skipped on a
/// developer's machine and fails under <c>CI=true</c>. It stops when disposed, or when this process ends
/// (it exits when its standard input closes).
/// </summary>
internal sealed class FakeS3Server : IAsyncDisposable
{
    /// <summary>s3rver checks signatures made with its one built-in key pair.</summary>
    private const string AccessKey = "S3RVER";
    private const string SecretKey = "S3RVER";

    private static readonly SemaphoreSlim Installing = new(1, 1);
    private readonly Process _process;

    private FakeS3Server(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<FakeS3Server> StartAsync(params string[] buckets)
    {
        var package = NodeTestPackage.Find("fake-s3");
        string node;
        await Installing.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            node = await package.InstallAsync();
        }
        finally
        {
            Installing.Release();
        }

        var start = new ProcessStartInfo(node, ["server.js"])
        {
            WorkingDirectory = package.Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["FAKE_S3_BUCKETS"] = string.Join(',', buckets);
        var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("listening ", StringComparison.Ordinal))
                {
                    return new FakeS3Server(process, new Uri($"http://127.0.0.1:{line["listening ".Length..]}/"));
                }
            }

            throw new InvalidOperationException($"The fake S3 server stopped before listening: {await process.StandardError.ReadToEndAsync()}");
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Configuration that puts <paramref name="section"/>'s store (<c>Backups</c>, <c>Media</c>) in a bucket here.</summary>
    public Dictionary<string, string?> Settings(string section, string bucket, string prefix) => new()
    {
        [$"{section}:Store"] = "S3",
        [$"{section}:S3:Bucket"] = bucket,
        [$"{section}:S3:Prefix"] = prefix,
        [$"{section}:S3:ServiceUrl"] = Url.ToString(),
        [$"{section}:S3:Region"] = "ap-northeast-1",
        [$"{section}:S3:ForcePathStyle"] = "true",
        [$"{section}:S3:AccessKeyId"] = AccessKey,
        [$"{section}:S3:SecretAccessKey"] = SecretKey,
    };

    /// <summary>A client of its own, to look at the bucket as an operator would.</summary>
    public IAmazonS3 CreateClient(string bucket) => new S3StorageOptions
    {
        Bucket = bucket,
        ServiceUrl = Url.ToString(),
        Region = "ap-northeast-1",
        ForcePathStyle = true,
        AccessKeyId = AccessKey,
        SecretAccessKey = SecretKey,
    }.CreateClient("test");

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
