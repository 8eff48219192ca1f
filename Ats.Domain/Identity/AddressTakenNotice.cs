using System.Globalization;
using Ats.Domain.Common;
using Ats.Domain.Data;
using Ats.Domain.Mail;
using Ats.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Identity;

/// Tells the owner of an address that another organisation invited it. The admin who invited sees an invitation like
/// any other (see docs/decisions.md, "an address of another organisation"); the owner learns of the attempt.
/// Queued through the account-mail outbox in the admin's transaction, like an invitation's link, so the admin's answer
/// does the same work either way. At most one notice per owner a day (counted in the database, so across nodes and
/// restarts), so that an admin who repeats the attempt cannot flood someone's mailbox.
internal static class AddressTakenNotice
{
    private static readonly TimeSpan Quiet = TimeSpan.FromDays(1);

    public static async Task QueueAsync(AtsDbContext db, AppUser owner, string organisation, DateTime now, CancellationToken ct)
    {
        if (await db.AccountMails.AnyAsync(m => m.UserId == owner.Id && m.Kind == AccountMailKinds.AddressTaken && m.CreatedAt > now - Quiet, ct)) return;
        using var _ = InCulture(owner.PreferredCulture ?? "de"); // the owner's language; German unless they chose another
        db.AccountMails.Add(new AccountMail
        {
            UserId = owner.Id, Kind = AccountMailKinds.AddressTaken, CreatedAt = now,
            // The organisation's name is whatever its admin typed: escaped, so it cannot become a link in someone else's mailbox.
            Subject = Messages.AddressTakenSubject, Body = Messages.AddressTakenBody(Markdown.Escape(organisation), Markdown.Escape(owner.Email!)),
        });
    }

    /// Composes a mail in its reader's language, whatever the circuit's language is.
    internal static IDisposable InCulture(string? culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        if (culture is not null) CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        return new Restore(previous);
    }

    private sealed class Restore(CultureInfo previous) : IDisposable
    {
        public void Dispose() => CultureInfo.CurrentUICulture = previous;
    }
}
