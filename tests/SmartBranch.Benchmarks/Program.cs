using SmartBranch.Benchmarks;

return args.FirstOrDefault() switch
{
    "webhooks" => await WebhookBenchmark.RunAsync(WebhookBenchmarkOptions.Parse(args.Skip(1).ToArray())),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project tests/SmartBranch.Benchmarks -- webhooks [options]
          --webhooks N      signed follow webhooks to send (default 2000)
          --concurrency N   requests in flight at once (default 32)
          --postgres CS     run the server on PostgreSQL (a server connection string) instead of SQLite
        """);
    return 2;
}
