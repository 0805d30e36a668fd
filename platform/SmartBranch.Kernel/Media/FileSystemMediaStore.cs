using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace SmartBranch.Kernel.Media;

/// <summary>The embedded default: <c>{Media:Directory}/{tenant}/{env}/{file}</c> on the local disk.</summary>
internal sealed class FileSystemMediaStore(IOptions<MediaOptions> options, IWebHostEnvironment environment) : IMediaStore
{
    private readonly string _root = Path.GetFullPath(options.Value.Directory, environment.ContentRootPath);

    public async Task SaveAsync(MediaKey key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Written under a temporary name and moved into place, so a reader never sees half a file.
        var temporary = path + ".partial";
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, useAsync: true))
        {
            await file.WriteAsync(content, cancellationToken);
            await file.FlushAsync(cancellationToken);
        }

        File.Move(temporary, path, overwrite: false);
    }

    public Task<Stream?> OpenReadAsync(MediaKey key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, useAsync: true)
            : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(MediaKey key, CancellationToken cancellationToken)
    {
        // File.Delete ignores a missing file, but not a missing folder (an environment that never stored one).
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    private string PathOf(MediaKey key)
    {
        if (!key.IsStorable)
        {
            throw new ArgumentException("Not a media key this store can hold.", nameof(key));
        }

        return Path.Combine(_root, key.TenantSlug, key.EnvironmentName, key.FileName);
    }
}
