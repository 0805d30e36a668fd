namespace SmartBranch.Benchmarks;

/// <summary>The benchmarks' entry point. (Not a top-level program: <c>Program</c> is the server's, which <see cref="StaffDesk"/> hosts.)</summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args) => args.FirstOrDefault() switch
    {
        "webhooks" => await WebhookBenchmark.RunAsync(WebhookBenchmarkOptions.Parse(args.Skip(1).ToArray())),
        "broadcast" => await BroadcastBenchmark.RunAsync(BroadcastBenchmarkOptions.Parse(args.Skip(1).ToArray())),
        "survey-export" => await SurveyExportBenchmark.RunAsync(SurveyExportBenchmarkOptions.Parse(args.Skip(1).ToArray())),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("""
            usage: dotnet run -c Release --project tests/SmartBranch.Benchmarks -- webhooks [options]
              --webhooks N      signed follow webhooks to send (default 2000)
              --concurrency N   requests in flight at once (default 32)
              --postgres CS     run the server on PostgreSQL (a server connection string) instead of SQLite

            usage: dotnet run -c Release --project tests/SmartBranch.Benchmarks -- broadcast --postgres CS [options]
              --postgres CS     the PostgreSQL server (a connection string of a user who may create databases)
              --residents N     friends to load and deliver to (default 1000000)

            usage: dotnet run -c Release --project tests/SmartBranch.Benchmarks -- survey-export [options]
              --answers N       identified answers to seed and export (default 100000)
              --postgres CS     seed PostgreSQL (a server connection string) instead of SQLite
            """);
        return 2;
    }
}
