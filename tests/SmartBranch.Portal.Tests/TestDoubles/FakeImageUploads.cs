using SmartBranch.Kernel.Media;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>Stores every upload at a fixed address, or refuses it with <see cref="Rejection"/> when set.</summary>
internal sealed class FakeImageUploads : IImageUploads
{
    public string? Rejection { get; set; }

    public List<byte[]> Stored { get; } = [];

    public async Task<StoredImage> StoreAsync(Stream content, CancellationToken cancellationToken)
    {
        if (Rejection is not null)
        {
            throw new ImageRejectedException(Rejection);
        }

        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        Stored.Add(copy.ToArray());
        var n = Stored.Count;
        return new StoredImage($"https://media.example.jp/images/{n}.jpg", $"https://media.example.jp/images/{n}-preview.jpg");
    }
}
