using System.Diagnostics;

namespace SmartBranch.Tests.Shared;

/// <summary>
/// A Node.js package under <c>tests/</c> whose <c>node --test</c> suite a .NET test runs, so that
/// README's one test command covers it. Needs <c>node</c> and <c>npm</c> on PATH: without them the
/// test is skipped on a developer's machine and fails under <c>CI=true</c>, where nothing may be skipped.
/// </summary>
internal sealed class NodeTestPackage
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    private NodeTestPackage(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary><c>tests/{name}</c>, found by walking up from the test assembly to the repository.</summary>
    public static NodeTestPackage Find(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", name);
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return new NodeTestPackage(candidate);
            }
        }

        throw new DirectoryNotFoundException($"tests/{name} not found above {AppContext.BaseDirectory}");
    }

    /// <summary>Installs the locked dependencies when missing, runs <c>node --test</c> and fails the test with its output unless it passes.</summary>
    public async Task RunTestsAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var node = await InstallAsync();
        var run = await RunAsync(node, ["--test", "--test-reporter=spec"], environment, timeout);
        TestContext.Current.TestOutputHelper?.WriteLine(run.Output);
        Assert.True(run.ExitCode == 0, $"node --test failed ({run.ExitCode}):\n{run.Output}");
    }

    /// <summary>Installs the locked dependencies when missing; returns the path of <c>node</c>.</summary>
    public async Task<string> InstallAsync()
    {
        var node = RequireTool("node");
        var npm = RequireTool("npm");
        if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules")))
        {
            var install = await RunAsync(npm, ["ci", "--no-audit", "--no-fund"], new Dictionary<string, string>(), InstallTimeout);
            Assert.True(install.ExitCode == 0, $"npm ci failed ({install.ExitCode}):\n{install.Output}");
        }

        return node;
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

        var message = $"{name} is not on PATH: install Node.js 20.15 or later.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"CI=true and {message}");
        }

        Assert.Skip(message);
        return null!;
    }

    /// <summary>Runs a process to completion within the timeout (then kills it and its children); returns its exit code
    /// and its standard output followed by its standard error.</summary>
    private async Task<(int ExitCode, string Output)> RunAsync(
        string fileName, string[] arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = Directory,
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
