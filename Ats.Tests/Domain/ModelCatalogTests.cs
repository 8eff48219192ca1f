using System.Text.Json.Nodes;
using Ats.Domain.Candidates;
using Ats.Domain.Models;
using Ats.Domain.Pipeline;

namespace Ats.Tests.Domain;

public sealed class ModelCatalogTests
{
    // The contract of shared MODELS.md: these wire names must exist, spelled exactly so.
    public static TheoryData<string, string> ContractFields()
    {
        var data = new TheoryData<string, string>();
        void Add(string model, string fields) { foreach (var f in fields.Split(' ')) data.Add(model, f); }
        Add("job", "title department location employment_type status slug description fit_profile hiring_manager_ids interviewer_ids external_id client_name industry job_code workplace_type address city state_name zip_code country duration start_date end_date posting_date pay_frequency min_pay_rate max_pay_rate pay_rate_currency recruiter_name recruiter_email recruiter_work_phone_no");
        Add("candidate", "first_name last_name email phone source_id city state_name country linkedin_url portfolio_url tags skills gdpr_consent consent_given_at retention_until anonymized_at external_id");
        Add("application", "candidate_id job_id stage kanban_position fit_score fit_explanation source_id cover_letter_url resume_url rejection_reason stage_changed_at external_id");
        Add("application_note", "parent_kind parent_id body pinned author_id");
        Add("email_template", "name subject body stage active");
        Add("evaluation", "application_id interview_id interviewer_id skills culture communication recommendation note submitted_at");
        Add("interview", "application_id kind starts_at duration_minutes interviewer_ids meeting_link room status invite_note");
        Add("message", "candidate_id application_id channel subject body status template_id sent_at read_at error");
        Add("offer", "application_id gross_salary currency bonus start_date term end_date status sent_at responded_at");
        Add("source", "name kind");
        Add("task", "title parent_kind parent_id due_at assigned_to completed completed_at");
        foreach (var model in ModelCatalog.All)
            foreach (var common in new[] { "id", "created_at", "updated_at", "version" }) data.Add(model.Name, common);
        return data;
    }

    [Theory]
    [MemberData(nameof(ContractFields))]
    public void EveryContractFieldIsDeclared(string model, string field) => Assert.NotNull(ModelCatalog.Find(model)!.Field(field));

    [Fact]
    public void ServerOwnedFieldsAreReadOnly()
    {
        string[] serverOwned = ["id", "created_at", "updated_at", "version"];
        Assert.All(ModelCatalog.All, m => Assert.All(serverOwned, f => Assert.True(m.Field(f)!.IsReadOnly, $"{m.Name}.{f}")));
        Assert.True(ModelCatalog.Application.Field("fit_score")!.IsReadOnly);
        Assert.True(ModelCatalog.Application.Field("stage_changed_at")!.IsReadOnly);
        Assert.True(ModelCatalog.Scorecard.Field("interviewer_id")!.IsReadOnly);
    }

    [Fact]
    public void ScopesAreNamedPerModel() => Assert.Equal(("candidate:read", "candidate:write"), (ModelCatalog.Candidate.ReadScope, ModelCatalog.Candidate.WriteScope));

    [Fact]
    public void WireObjectsUseSnakeCaseNamesEnumsAndUtcTimestamps()
    {
        var application = new Application { Stage = Stage.TalentPool, StageChangedAt = new DateTime(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc) };

        var wire = ModelCatalog.Application.ToWire(application);

        Assert.Equal("talent_pool", wire["stage"]!.GetValue<string>());
        Assert.Equal("2026-11-23T09:30:00Z", wire["stage_changed_at"]!.GetValue<string>());
        Assert.Equal(application.Id.ToString(), wire["id"]!.GetValue<string>());
        Assert.DoesNotContain("tenant_id", wire.Select(p => p.Key));
    }

    [Fact]
    public void WireListsAreJsonArrays()
    {
        var wire = ModelCatalog.Candidate.ToWire(new Candidate { Tags = ["go", "sql"] });
        Assert.Equal(["go", "sql"], wire["tags"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.IsType<JsonArray>(wire["skills"]);
    }

    [Fact]
    public void StreamedAndBuiltWireObjectsAreTheSame()
    {
        var job = new Ats.Domain.Jobs.Job { Title = "Größe", MinPayRate = 65000.00m, StartDate = new DateOnly(2027, 1, 1), HiringManagerIds = [Guid.CreateVersion7()] };
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer)) ModelCatalog.Job.WriteWire(writer, job);

        Assert.Equal(ModelCatalog.Job.ToWire(job).ToJsonString(), System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
