using System.IO.Pipelines;

namespace SmartBranch.Server.Backups;

/// <summary>A producer writing into a pipe and a consumer reading from it at once: nothing in between is kept whole in memory or on disk.</summary>
internal static class StreamPipe
{
    /// <summary>Runs both ends; either failing fails both. Returns what the producer returned.</summary>
    public static async Task<T> RunAsync<T>(Func<Stream, Task<T>> produce, Func<Stream, Task> consume)
    {
        var pipe = new Pipe();
        var producer = RunEndAsync(pipe.Writer.AsStream(), produce, pipe.Writer.CompleteAsync);
        var consumer = RunEndAsync(pipe.Reader.AsStream(), async end => { await consume(end); return true; }, pipe.Reader.CompleteAsync);
        await Task.WhenAll(producer, consumer);
        return await producer;
    }

    public static Task RunAsync(Func<Stream, Task> produce, Func<Stream, Task> consume) =>
        RunAsync(async end => { await produce(end); return true; }, consume);

    /// <summary>Works on one end of the pipe; a failure completes that end with it, so the other end stops too.</summary>
    private static async Task<T> RunEndAsync<T>(Stream end, Func<Stream, Task<T>> work, Func<Exception?, ValueTask> completeWithError)
    {
        await using (end)
        {
            try
            {
                return await work(end);
            }
            catch (Exception e)
            {
                await completeWithError(e);
                throw;
            }
        }
    }
}
