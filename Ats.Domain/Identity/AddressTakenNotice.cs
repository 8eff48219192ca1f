using Ats.Domain.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ats.Domain.Identity;

/// Tells the owner of an address that another organisation tried to create an account for it. The admin who tried is
/// told nothing (see docs/decisions.md, "an address of another organisation"); the owner learns of every attempt.
/// Sent in the background, straight through the mail transport: the admin's answer must not wait for it (the wait would
/// tell), and there is no candidate to hang an outbox row on. Without a mail transport (tests, tools) nothing is sent.
/// At most one notice per owner a day, so that an admin who repeats the attempt cannot flood someone's mailbox.
internal static class AddressTakenNotice
{
    private static readonly TimeSpan Quiet = TimeSpan.FromDays(1);
    private const int MaxRemembered = 10_000;
    private static readonly Dictionary<Guid, DateTimeOffset> LastSent = [];

    public static void Send(IServiceProvider services, AppUser owner, string organisation)
    {
        var transport = services.GetService<IMailTransport>();
        var settings = services.GetService<MailSettings>();
        if (transport is null || settings is null || owner.Email is not { } to) return;
        if (!FirstToday(owner.Id, (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow())) return;
        var logger = services.GetService<ILogger<UserAdministration>>();
        var english = owner.PreferredCulture?.StartsWith("en", StringComparison.Ordinal) == true;
        var mail = english
            ? new ComposedMail("An account for your address",
                $"An administrator of \"{organisation}\" tried to create an account for {to} in Ats.\n\nThis address already belongs to your account with another organisation, and an address can belong to one organisation only: nothing was created, and your account is unchanged. If you should join \"{organisation}\", ask them to use another address. If you did not expect this, you can ignore this mail.",
                "")
            : new ComposedMail("Ein Konto für Ihre Adresse",
                $"Eine Administratorin oder ein Administrator von „{organisation}“ wollte in Ats ein Konto für {to} anlegen.\n\nDiese Adresse gehört bereits zu Ihrem Konto bei einer anderen Organisation, und eine Adresse kann nur zu einer Organisation gehören: Es wurde nichts angelegt, Ihr Konto ist unverändert. Wenn Sie zu „{organisation}“ gehören sollen, bitten Sie dort um die Verwendung einer anderen Adresse. Wenn Sie damit nicht gerechnet haben, können Sie diese Mail ignorieren.",
                "");
        // Plain text only: the organisation's name is whatever its admin typed, and must not become a link in someone else's mailbox.
        mail = mail with { Html = "<p>" + System.Net.WebUtility.HtmlEncode(mail.Text).Replace("\n\n", "</p><p>") + "</p>" };
        _ = Task.Run(async () =>
        {
            try
            {
                await transport.SendAsync(MailTransports.ToMime(mail, settings.From, to), CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger?.LogWarning(ex, "The notice about an address taken by another organisation could not be sent."); // no address in the log
            }
        });
    }

    private static bool FirstToday(Guid owner, DateTimeOffset now)
    {
        lock (LastSent)
        {
            if (LastSent.TryGetValue(owner, out var last) && now - last < Quiet) return false;
            if (LastSent.Count >= MaxRemembered)
                foreach (var old in LastSent.Where(e => now - e.Value >= Quiet).Select(e => e.Key).ToList()) LastSent.Remove(old);
            if (LastSent.Count >= MaxRemembered) return false; // more than 10,000 notices a day: quiet rather than unbounded
            LastSent[owner] = now;
            return true;
        }
    }
}
