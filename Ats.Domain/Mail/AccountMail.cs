namespace Ats.Domain.Mail;

/// Mail to a user about their own account (a password reset link). Not a public model: no page, list or API shows
/// it; the outbox sends it like any queued mail and then blanks the body, so the link does not stay in the database.
public sealed class AccountMail
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// The account it is about (reset links, notices to an address's owner); null for an invitation, which has none yet.
    public Guid? UserId { get; set; }
    /// The address of an invitation; otherwise the user's current address is used.
    public string? To { get; set; }
    public string Kind { get; set; } = AccountMailKinds.PasswordReset;
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public MessageStatus Status { get; set; } = MessageStatus.Queued;
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}

public static class AccountMailKinds
{
    public const string PasswordReset = "password_reset", Invitation = "invitation", AddressTaken = "address_taken";
}
