using Ats.Domain.Identity;
using Ats.Domain.Models;
using Ats.Domain.Tenancy;
using Ats.Domain.Tokens;
using Ats.Domain.Webhooks;
using Ats.Domain.Writes;
using Ats.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Tests.Domain;

/// NUL and the other control characters are refused in every text a client can store, naming the field; text typed
/// over several lines keeps its tabs and line breaks.
public sealed class ControlCharacterTests : IAsyncLifetime
{
    private const string Refused = "Contains control characters (such as NUL) that are not allowed here.";
    private readonly TestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    /// Every writable text field (and list of texts) of every public model.
    public static TheoryData<string, string> TextFields()
    {
        var data = new TheoryData<string, string>();
        foreach (var model in ModelCatalog.All)
            foreach (var field in model.Fields.Where(f => f.IsWritable && (f.ClrType == typeof(string) || f.ClrType == typeof(List<string>))))
                data.Add(model.Name, field.Name);
        return data;
    }

    private static readonly string[] ControlCharacters = ["\0", "\u0001", "\u0008", "\u000b", "\u000c", "\u001b", "\u001f", "\u007f", "\u0080", "\u0085", "\u009f"];

    private static (ModelDescriptor, FieldDescriptor, object) Row(string modelName, string fieldName, string text)
    {
        var model = ModelCatalog.Find(modelName)!;
        var field = model.Field(fieldName)!;
        var row = Activator.CreateInstance(model.EntityType)!;
        field.SetValue(row, field.ClrType == typeof(string) ? text : new List<string> { text });
        model.NormalizeValues(row);
        return (model, field, row);
    }

    private static ValidationErrors Validate(string model, string field, string text)
    {
        var (descriptor, _, row) = Row(model, field, text);
        var errors = new ValidationErrors();
        FieldValidation.Validate(descriptor, row, errors);
        return errors;
    }

    private static string[] MessagesFor(ValidationErrors errors, string field)
    {
        try
        {
            errors.ThrowIfAny();
            return [];
        }
        catch (ValidationException ex)
        {
            return ex.Errors.GetValueOrDefault(field) ?? [];
        }
    }

    [Theory]
    [MemberData(nameof(TextFields))]
    public void EveryTextFieldRefusesControlCharactersNamingTheField(string model, string field)
    {
        using var _ = Culture.English();
        foreach (var control in ControlCharacters)
            Assert.Equal([Refused], MessagesFor(Validate(model, field, $"a{control}b"), field));
    }

    [Theory]
    [MemberData(nameof(TextFields))]
    public void TabsAndLineBreaksAreKeptInMultiLineFieldsAndRefusedElsewhere(string model, string field)
    {
        using var _ = Culture.English();
        var (descriptor, fieldDescriptor, row) = Row(model, field, "one\r\ntwo\rthree\n\tfour");
        var errors = new ValidationErrors();
        FieldValidation.Validate(descriptor, row, errors);

        if (fieldDescriptor.MultiLine)
        {
            Assert.DoesNotContain(Refused, MessagesFor(errors, field));
            Assert.Equal("one\ntwo\nthree\n\tfour", fieldDescriptor.GetValue(row));
        }
        else Assert.Equal([Refused], MessagesFor(errors, field));
    }

    [Fact]
    public void TheMultiLineFieldsAreTheOnesPeopleTypeParagraphsInto()
    {
        var multiLine = ModelCatalog.All.SelectMany(m => m.Fields.Where(f => f.MultiLine).Select(f => $"{m.Name}.{f.Name}")).Order(StringComparer.Ordinal);

        Assert.Equal(["application.rejection_reason", "application_note.body", "email_template.body", "evaluation.amendment_reason", "evaluation.note",
            "interview.invite_note", "job.description", "message.body"], multiLine);
    }

    [Fact]
    public async Task TheWritePathRefusesNulAndStoresNothing()
    {
        using var _ = Culture.English();
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            _db.Records.CreateAsync(_db.Recruiter, new Ats.Domain.Candidates.Candidate { FirstName = "Ada\0", Email = "ada@example.com" }));

        Assert.Equal([Refused], error.Errors["first_name"]);
        await using var raw = _db.Raw();
        Assert.Empty(raw.Candidates.IgnoreQueryFilters());
    }

    /// Text stored outside the public models: users, organisations, tokens, webhooks.
    public static TheoryData<string, string> OtherInputs => new()
    {
        { "user display name", "display_name" },
        { "user email", "email" },
        { "mail signature", "mail_signature" },
        { "organisation name", "organisation" },
        { "organisation address", "address" },
        { "token name", "name" },
        { "webhook description", "description" },
        { "webhook url", "url" },
    };

    [Theory]
    [MemberData(nameof(OtherInputs))]
    public async Task OtherStoredTextRefusesControlCharactersToo(string input, string field)
    {
        using var _ = Culture.English();
        const string bad = "x\0y";
        var services = _db.Services;
        Task Act() => input switch
        {
            "user display name" => services.GetRequiredService<UserAdministration>().CreateAsync(_db.Admin, "new@a.example", bad, Roles.Recruiter, "a long passphrase"),
            "user email" => services.GetRequiredService<UserAdministration>().CreateAsync(_db.Admin, "new\0@a.example", "New", Roles.Recruiter, "a long passphrase"),
            "mail signature" => services.GetRequiredService<UserAdministration>().SetMailSignatureAsync(_db.Admin, "Best\n" + bad),
            "organisation name" => services.GetRequiredService<OrganisationSetup>().CreateAsync(bad, "Eve", "eve@c.example", "a long passphrase"),
            "organisation address" => services.GetRequiredService<OrganisationProfile>().SetAddressAsync(_db.Admin, "Street 1\n" + bad),
            "token name" => services.GetRequiredService<TokenService>().CreateAsync(_db.Admin, bad, ["candidate:read"], null),
            "webhook description" => services.GetRequiredService<WebhookService>().CreateAsync(_db.Admin, "https://hooks.example.com/x", ["*"], bad),
            "webhook url" => services.GetRequiredService<WebhookService>().CreateAsync(_db.Admin, "https://hooks.example.com/\0", ["*"], "ok"),
            _ => throw new ArgumentOutOfRangeException(nameof(input)),
        };
        await using var before = _db.Raw();
        var audit = await before.AuditEntries.IgnoreQueryFilters().CountAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(Act);

        Assert.Contains(Refused, error.Errors[field]);
        await using var after = _db.Raw();
        Assert.Equal(audit, await after.AuditEntries.IgnoreQueryFilters().CountAsync());
    }
}
