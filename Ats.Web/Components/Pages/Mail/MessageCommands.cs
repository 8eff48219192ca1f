using Ats.Domain.Mail;
using Ats.Domain.Writes;
using Ats.Web.Components.Shared;
using Ats.Web.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Ats.Web.Components.Pages.Mail;

/// What the profile's message list and the outbox page both offer.
public static class MessageCommands
{
    /// Queues a failed email again; the outbox starts its attempts afresh.
    public static async Task SendAgainAsync(MessageActions messages, Actor actor, Message message, ISnackbar snackbar, IStringLocalizer<SharedResource> l)
    {
        if (await DomainErrors.TryAsync(() => messages.SendAgainAsync(actor, message.Id, message.Version), snackbar))
            snackbar.Add(l["Queued again: the outbox sends it shortly."], Severity.Info);
    }
}
