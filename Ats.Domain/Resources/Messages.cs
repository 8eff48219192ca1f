using System.Globalization;
using System.Resources;

namespace Ats.Domain.Resources;

/// Domain messages in the caller's UI culture (English and German resources beside this file).
public static class Messages
{
    private static readonly ResourceManager Resources = new("Ats.Domain.Resources.Messages", typeof(Messages).Assembly);

    private static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
    private static string Format(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, Get(key), args);

    public static string Required => Get(nameof(Required));
    public static string RejectionReasonRequired => Get(nameof(RejectionReasonRequired));
    public static string TokensNeedSignIn => Get(nameof(TokensNeedSignIn));
    public static string StatusSetByOutbox => Get(nameof(StatusSetByOutbox));
    public static string NotTheAuthor => Get(nameof(NotTheAuthor));
    public static string SentMailIsFinal => Get(nameof(SentMailIsFinal));
    public static string SetOnCreate => Get(nameof(SetOnCreate));
    public static string ScorecardExists => Get(nameof(ScorecardExists));
    public static string ScorecardStaysSubmitted => Get(nameof(ScorecardStaysSubmitted));
    public static string OnlyForFixedTerm => Get(nameof(OnlyForFixedTerm));
    public static string OfferStartsAsDraft => Get(nameof(OfferStartsAsDraft));
    public static string OfferNeedsOfferStage => Get(nameof(OfferNeedsOfferStage));
    public static string OfferTermsFixed => Get(nameof(OfferTermsFixed));
    public static string OfferAlreadyOut => Get(nameof(OfferAlreadyOut));
    public static string OnlyDraftOffersDeleted => Get(nameof(OnlyDraftOffersDeleted));
    public static string OfferNoLongerOut => Get(nameof(OfferNoLongerOut));
    public static string OfferTransition(string from, string to, string allowed) => Format(nameof(OfferTransition), from, to, allowed);
    public static string MailNotEditable => Get(nameof(MailNotEditable));
    public static string AssigneeCannotSee => Get(nameof(AssigneeCannotSee));
    public static string HiringManagersTickOffOnly => Get(nameof(HiringManagersTickOffOnly));
    public static string TemplateSyntax(string error) => Format(nameof(TemplateSyntax), error);
    public static string UnknownTemplateVariables(string names) => Format(nameof(UnknownTemplateVariables), names);
    public static string UnknownTemplateFilters(string names) => Format(nameof(UnknownTemplateFilters), names);
    public static string ConfirmLeaveFinalStage(string stage) => Format(nameof(ConfirmLeaveFinalStage), stage);
    public static string InvalidEmail => Get(nameof(InvalidEmail));
    public static string InvalidUrl => Get(nameof(InvalidUrl));
    public static string InvalidSlug => Get(nameof(InvalidSlug));
    public static string InvalidCurrency => Get(nameof(InvalidCurrency));
    public static string InvalidValue => Get(nameof(InvalidValue));
    public static string Negative => Get(nameof(Negative));
    public static string MustBePositive => Get(nameof(MustBePositive));
    public static string NotOfThisApplication => Get(nameof(NotOfThisApplication));
    public static string NotOfThisCandidate => Get(nameof(NotOfThisCandidate));
    public static string EmailTaken => Get(nameof(EmailTaken));
    public static string SlugTaken => Get(nameof(SlugTaken));
    public static string NameTaken => Get(nameof(NameTaken));
    public static string UnknownReference => Get(nameof(UnknownReference));
    public static string UnknownUser => Get(nameof(UnknownUser));
    public static string EndBeforeStart => Get(nameof(EndBeforeStart));
    public static string MinAboveMax => Get(nameof(MinAboveMax));
    public static string DuplicateApplication => Get(nameof(DuplicateApplication));
    public static string JobHasApplications => Get(nameof(JobHasApplications));
    public static string ValidationFailed => Get(nameof(ValidationFailed));
    public static string InactiveUser => Get(nameof(InactiveUser));
    public static string AdminOnly => Get(nameof(AdminOnly));
    public static string Conflict => Get(nameof(Conflict));
    public static string LastAdmin => Get(nameof(LastAdmin));
    public static string EmailInUse => Get(nameof(EmailInUse));
    public static string NotYourself => Get(nameof(NotYourself));
    public static string ExpiryOutOfRange => Get(nameof(ExpiryOutOfRange));
    public static string UnknownScope(string scopes) => Format(nameof(UnknownScope), scopes);
    public static string PasswordTooShort(int min) => Format(nameof(PasswordTooShort), min);
    public static string WrongCurrentPassword => Get(nameof(WrongCurrentPassword));
    public static string PasswordsDiffer => Get(nameof(PasswordsDiffer));
    public static string PasswordResetSubject => Get(nameof(PasswordResetSubject));
    public static string PasswordResetBody(string name, string link) => Format(nameof(PasswordResetBody), name, link);
    public static string ResetLinkInvalid => Get(nameof(ResetLinkInvalid));
    public static string ResetNeedsActiveUser => Get(nameof(ResetNeedsActiveUser));
    public static string TwoFactorCodeWrong => Get(nameof(TwoFactorCodeWrong));
    public static string TwoFactorRequiredForAdmins => Get(nameof(TwoFactorRequiredForAdmins));
    public static string TooLong(int max) => Format(nameof(TooLong), max);
    public static string TooManyItems(int max) => Format(nameof(TooManyItems), max);
    public static string OutOfRange(int min, int max) => Format(nameof(OutOfRange), min, max);
    public static string NotFound(string model, Guid id) => Format(nameof(NotFound), model, id);
    public static string Forbidden(string model) => Format(nameof(Forbidden), model);
    public static string MissingScope(string scope) => Format(nameof(MissingScope), scope);
    public static string WebhookUrlInvalid => Get(nameof(WebhookUrlInvalid));
    public static string WebhookUrlPrivate => Get(nameof(WebhookUrlPrivate));
    public static string WebhookHostUnknown => Get(nameof(WebhookHostUnknown));
    public static string WebhookInactive => Get(nameof(WebhookInactive));
    public static string WebhookPayloadPruned => Get(nameof(WebhookPayloadPruned));
    public static string UnknownEventTypes(string types) => Format(nameof(UnknownEventTypes), types);
    public static string StaleVersion(string model) => Format(nameof(StaleVersion), model);
}
