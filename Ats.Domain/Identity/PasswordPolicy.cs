using Microsoft.AspNetCore.Identity;

namespace Ats.Domain.Identity;

/// Length over composition rules (NIST SP 800-63B): at least 10 characters, any characters.
public static class PasswordPolicy
{
    public const int MinimumLength = 10;

    public static void Apply(IdentityOptions options)
    {
        options.Password.RequiredLength = MinimumLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        options.User.AllowedUserNameCharacters = ""; // none refused: the user name is the email, checked as one (o'brien@…, jörg@…)
    }

    /// Checked before Identity sees the password, so the message is in the user's language.
    public static void Validate(string? password, Writes.ValidationErrors errors)
    {
        if ((password ?? "").Length < MinimumLength) errors.Add("password", Resources.Messages.PasswordTooShort(MinimumLength));
    }
}
