using System.Collections.Concurrent;
using SmartBranch.Identity.Email;

namespace SmartBranch.TestSupport;

/// <summary>Every e-mail the server sends, kept instead of sent.</summary>
public sealed class CapturedEmails : IStaffEmailSender
{
    private readonly ConcurrentQueue<StaffEmail> _sent = new();

    public IReadOnlyCollection<StaffEmail> Sent => _sent;

    public Task SendAsync(StaffEmail email, CancellationToken cancellationToken)
    {
        _sent.Enqueue(email);
        return Task.CompletedTask;
    }

    public StaffEmail LastTo(string address) => _sent.Last(e => e.To == address);
}
