using Microsoft.AspNetCore.Identity;

namespace Ats.Domain.Identity;

/// A person who signs in. Emails are unique across tenants because sign-in happens before the tenant is known.
public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser() => Id = Guid.CreateVersion7();

    public Guid TenantId { get; set; }
    public string DisplayName { get; set; } = "";
    public bool IsActive { get; set; } = true;
    /// "de-DE" or "en-GB"; null follows the browser.
    public string? PreferredCulture { get; set; }
    public string TimeZone { get; set; } = Common.TimeZones.Default;
    /// Closes the mails this person sends ({{ recruiter.signature }}); markdown, plain when empty.
    public string? MailSignature { get; set; }
    public DateTime CreatedAt { get; set; }
}
