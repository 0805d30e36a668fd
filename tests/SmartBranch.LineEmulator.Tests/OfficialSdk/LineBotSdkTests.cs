using System.Diagnostics;

namespace SmartBranch.LineEmulator.Tests.OfficialSdk;

/// <summary>
/// LINE's official Node.js SDK (<c>@line/bot-sdk</c>, pinned in <c>tests/line-sdk/package.json</c>) drives the emulator
/// unchanged: <c>node --test</c> in <c>tests/line-sdk</c> against an emulator started here. Needs <c>node</c> and
/// <c>npm</c> on PATH: without them the test is skipped on a developer's machine and fails under <c>CI=true</c>,
/// where nothing may be skipped.
/// </summary>
public sealed class LineBotSdkTests
{
    private const string ChannelSecret = "fedcba9876543210fedcba9876543210";
    private const string AccessToken = "node-sdk-channel-access-token";

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan TestTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task LINEs_Node_SDK_drives_the_emulator_unchanged()
    {
        var node = RequireTool("node");
        var npm = RequireTool("npm");
        var directory = PackageDirectory();
        if (!Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            var install = await RunAsync(npm, ["ci", "--no-audit", "--no-fund"], directory, new Dictionary<string, string>(), InstallTimeout);
            Assert.True(install.ExitCode == 0, $"npm ci failed ({install.ExitCode}):\n{install.Output}");
        }

        await using var emulator = await LineEmulatorServer.StartAsync(
            new LineEmulatorOptions
            {
                Url = "http://127.0.0.1:0",
                Channels = [new EmulatorChannel { ChannelId = "1650000099", ChannelSecret = ChannelSecret, ChannelAccessToken = AccessToken }],
            },
            TestContext.Current.CancellationToken);

        var environment = new Dictionary<string, string>
        {
            ["LINE_EMULATOR_URL"] = emulator.BaseUrl.ToString(),
            ["LINE_CHANNEL_ACCESS_TOKEN"] = AccessToken,
            ["LINE_CHANNEL_SECRET"] = ChannelSecret,
        };
        var run = await RunAsync(node, ["--test", "--test-reporter=spec"], directory, environment, TestTimeout);

        TestContext.Current.TestOutputHelper?.WriteLine(run.Output);
        Assert.True(run.ExitCode == 0, $"node --test failed ({run.ExitCode}):\n{run.Output}");
    }

    /// <summary>The full path of an executable on PATH; otherwise a skip, or a failure under CI=true.</summary>
    private static string RequireTool(string name)
    {
        string[] extensions = OperatingSystem.IsWindows() ? [".exe", ".cmd"] : [""];
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => extensions.Select(ext => Path.Combine(dir, name + ext)))
            .FirstOrDefault(File.Exists);
        if (path is not null)
        {
            return path;
        }

        var message = $"{name} is not on PATH: install Node.js 20.15 or later to run LINE's Node.js SDK against the emulator.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"CI=true and {message}");
        }

        Assert.Skip(message);
        return null!;
    }

    /// <summary><c>tests/line-sdk</c>, found by walking up from the test assembly to the repository.</summary>
    private static string PackageDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "line-sdk");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"tests/line-sdk not found above {AppContext.BaseDirectory}");
    }

    /// <summary>Runs a process to completion within the timeout (then kills it and its children); returns its exit code
    /// and its standard output followed by its standard error.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(
        string fileName, string[] arguments, string directory, Dictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var output = $"{await stdout}{await stderr}";
        return timedOut
            ? (-1, $"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} did not finish within {timeout}:\n{output}")
            : (process.ExitCode, output);
    }
}
