namespace SmartBranch.IntegrationTests.Infrastructure;

/// <summary>Waits, within a generous bound, for asynchronous work to show its effect. Not a timing assertion.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task<T> GetAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Gave up waiting for {what} after {Limit.TotalSeconds} s.");
            }

            await Task.Delay(50);
        }
    }

    public static Task TrueAsync(Func<Task<bool>> probe, string what) => GetAsync(probe, v => v, what);
}
