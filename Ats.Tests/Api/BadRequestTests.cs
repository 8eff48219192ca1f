using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Ats.Tests.Api;

/// Every mistake gets a problem document with a stable code, and nothing is written.
public sealed class BadRequestTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    public enum Caller { Admin, Nobody, ReadOnlyPat }

    public sealed record Case(string Name, string Method, string Url, string? Body, int Status, string Code,
        Caller Caller = Caller.Admin, string ContentType = "application/json", string? Header = null)
    {
        public override string ToString() => Name;
    }

    private const string Target = "{candidate}";

    public static TheoryData<Case> Cases => new()
    {
        // bodies
        new("malformed JSON", "POST", "/xapi2/data/candidate", "{\"first_name\": \"Ada\",", 400, "invalid_json"),
        new("not JSON at all", "POST", "/xapi2/data/candidate", "first_name=Ada", 400, "invalid_json"),
        new("array instead of object", "POST", "/xapi2/data/candidate", "[{\"first_name\":\"Ada\"}]", 400, "invalid_json"),
        new("JSON null body", "POST", "/xapi2/data/candidate", "null", 400, "invalid_json"),
        new("empty body", "POST", "/xapi2/data/candidate", "", 400, "invalid_json"),
        new("too deeply nested", "POST", "/xapi2/data/candidate", new string('[', 40) + new string(']', 40), 400, "invalid_json"),
        new("unknown field", "POST", "/xapi2/data/candidate", "{\"first_name\":\"Ada\",\"email\":\"a@example.com\",\"nickname\":\"A\"}", 400, "unknown_field"),
        new("tenant id sent", "POST", "/xapi2/data/candidate", "{\"first_name\":\"Ada\",\"email\":\"a@example.com\",\"tenant_id\":\"00000000-0000-0000-0000-000000000001\"}", 400, "unknown_field"),
        new("id sent", "POST", "/xapi2/data/candidate", "{\"id\":\"01a208dd-8632-7346-b34a-dac0b6c86462\",\"first_name\":\"Ada\",\"email\":\"a@example.com\"}", 400, "read_only_field"),
        new("created_at sent", "POST", "/xapi2/data/candidate", "{\"created_at\":\"2020-01-01T00:00:00Z\",\"first_name\":\"Ada\",\"email\":\"a@example.com\"}", 400, "read_only_field"),
        new("version sent", "PATCH", $"/xapi2/data/candidate/{Target}", "{\"version\":99}", 400, "read_only_field"),
        new("fit_score sent", "PATCH", "/xapi2/data/application/{application}", "{\"fit_score\":100}", 400, "read_only_field"),
        new("author_id sent", "POST", "/xapi2/data/application_note", "{\"parent_kind\":\"job\",\"parent_id\":\"{job}\",\"body\":\"x\",\"author_id\":\"{job}\"}", 400, "read_only_field"),
        new("number for a string", "POST", "/xapi2/data/candidate", "{\"first_name\":42,\"email\":\"a@example.com\"}", 400, "invalid_type"),
        new("string for a boolean", "PATCH", $"/xapi2/data/candidate/{Target}", "{\"gdpr_consent\":\"yes\"}", 400, "invalid_type"),
        new("unknown enum value", "POST", "/xapi2/data/job", "{\"title\":\"X\",\"status\":\"archived\"}", 400, "invalid_type"),
        new("enum as number", "POST", "/xapi2/data/job", "{\"title\":\"X\",\"status\":1}", 400, "invalid_type"),
        new("bad uuid in a reference", "POST", "/xapi2/data/application", "{\"candidate_id\":\"nope\",\"job_id\":\"{job}\"}", 400, "invalid_type"),
        new("null for a required value type", "PATCH", $"/xapi2/data/candidate/{Target}", "{\"gdpr_consent\":null}", 400, "invalid_type"),
        new("string for a list", "PATCH", $"/xapi2/data/candidate/{Target}", "{\"tags\":\"a,b\"}", 400, "invalid_type"),
        new("integer overflow", "POST", "/xapi2/data/interview", "{\"application_id\":\"{application}\",\"kind\":\"phone\",\"starts_at\":\"2027-01-01T09:00:00Z\",\"duration_minutes\":99999999999}", 400, "invalid_type"),
        new("unknown field inside fit_profile", "PATCH", "/xapi2/data/job/{job}", "{\"fit_profile\":{\"requirements\":[],\"musts\":[]}}", 400, "invalid_type"),
        new("required field missing", "POST", "/xapi2/data/evaluation", "{\"application_id\":\"{application}\"}", 400, "missing_field"),
        new("empty required text", "POST", "/xapi2/data/candidate", "{\"first_name\":\"\",\"email\":\"a@example.com\"}", 422, "validation_failed"),
        new("malformed email", "POST", "/xapi2/data/candidate", "{\"first_name\":\"Ada\",\"email\":\"ada-at-example\"}", 422, "validation_failed"),
        new("duplicate email", "PATCH", $"/xapi2/data/candidate/{Target}", "{\"email\":\"{other-email}\"}", 422, "validation_failed"),
        new("too long", "POST", "/xapi2/data/candidate", "{\"first_name\":\"" + new string('x', 101) + "\",\"email\":\"a@example.com\"}", 422, "validation_failed"),
        new("javascript link", "PATCH", $"/xapi2/data/candidate/{Target}", "{\"linkedin_url\":\"javascript:alert(1)\"}", 422, "validation_failed"),
        new("score out of range", "POST", "/xapi2/data/evaluation", "{\"application_id\":\"{application}\",\"recommendation\":\"yes\",\"skills\":9}", 422, "validation_failed"),
        new("reference to nothing", "POST", "/xapi2/data/application", "{\"candidate_id\":\"01a208dd-0000-7000-8000-000000000000\",\"job_id\":\"{job}\"}", 422, "validation_failed"),
        new("NUL in a name", "POST", "/xapi2/data/candidate", "{\"first_name\":\"Ada\\u0000\",\"email\":\"a@example.com\"}", 422, "validation_failed"),
        new("escape character in a note", "POST", "/xapi2/data/application_note", "{\"parent_kind\":\"job\",\"parent_id\":\"{job}\",\"body\":\"\\u001b[31mred\"}", 422, "validation_failed"),
        new("NUL in a token name", "POST", "/xapi2/tokens", "{\"name\":\"x\\u0000\",\"scopes\":[\"job:read\"]}", 422, "validation_failed"),
        new("wrong content type", "POST", "/xapi2/data/candidate", "{\"first_name\":\"Ada\",\"email\":\"a@example.com\"}", 415, "unsupported_media_type", ContentType: "text/plain"),
        new("oversized body", "POST", "/xapi2/data/candidate", "{\"first_name\":\"" + new string('x', 300_000) + "\"}", 413, "payload_too_large"),
        // query strings
        new("unknown parameter", "GET", "/xapi2/data/candidate?colour=blue", null, 400, "unknown_parameter"),
        new("non-filterable field", "GET", "/xapi2/data/candidate?phone=123", null, 400, "unknown_parameter"),
        new("unknown sort field", "GET", "/xapi2/data/candidate?sort=shoe_size", null, 400, "unknown_sort_field"),
        new("unsortable field", "GET", "/xapi2/data/candidate?sort=-phone", null, 400, "unknown_sort_field"),
        new("limit too high", "GET", "/xapi2/data/candidate?limit=201", null, 400, "invalid_parameter"),
        new("limit zero", "GET", "/xapi2/data/candidate?limit=0", null, 400, "invalid_parameter"),
        new("negative offset", "GET", "/xapi2/data/candidate?offset=-1", null, 400, "invalid_parameter"),
        new("limit not a number", "GET", "/xapi2/data/candidate?limit=ten", null, 400, "invalid_parameter"),
        new("bad filter value", "GET", "/xapi2/data/application?stage=hired,lost", null, 400, "invalid_parameter"),
        new("bad uuid filter", "GET", "/xapi2/data/application?job_id=123", null, 400, "invalid_parameter"),
        new("bad timestamp", "GET", "/xapi2/data/candidate?created_after=yesterday", null, 400, "invalid_parameter"),
        new("repeated parameter", "GET", "/xapi2/data/candidate?limit=1&limit=2", null, 400, "invalid_parameter"),
        new("bad count flag", "GET", "/xapi2/data/candidate?count=maybe", null, 400, "invalid_parameter"),
        new("search too long", "GET", "/xapi2/data/candidate?q=" + new string('a', 201), null, 400, "invalid_parameter"),
        // ids and routes
        new("unknown model", "GET", "/xapi2/data/employee", null, 404, "unknown_model"),
        new("malformed id", "GET", "/xapi2/data/candidate/42", null, 400, "invalid_id"),
        new("unknown id", "GET", "/xapi2/data/candidate/01a208dd-0000-7000-8000-000000000000", null, 404, "not_found"),
        new("patch unknown id", "PATCH", "/xapi2/data/candidate/01a208dd-0000-7000-8000-000000000000", "{\"city\":\"Ulm\"}", 404, "not_found"),
        new("delete malformed id", "DELETE", "/xapi2/data/candidate/not-an-id", null, 400, "invalid_id"),
        new("method not allowed", "PUT", $"/xapi2/data/candidate/{Target}", "{\"city\":\"Ulm\"}", 405, "method_not_allowed"),
        new("unknown route", "GET", "/xapi2/nothing/here", null, 404, "not_found"),
        new("delete a job with applications", "DELETE", "/xapi2/data/job/{job}", null, 422, "validation_failed"),
        // headers
        new("stale If-Match", "PATCH", $"/xapi2/data/candidate/{Target}", "{\"city\":\"Ulm\"}", 412, "precondition_failed", Header: "If-Match: \"999\""),
        new("malformed If-Match", "PATCH", $"/xapi2/data/candidate/{Target}", "{\"city\":\"Ulm\"}", 400, "invalid_header", Header: "If-Match: version-1"),
        new("stale If-Match on delete", "DELETE", $"/xapi2/data/candidate/{Target}", null, 412, "precondition_failed", Header: "If-Match: \"999\""),
        // tokens
        new("no token", "GET", "/xapi2/data/candidate", null, 401, "unauthorized", Caller.Nobody),
        new("basic auth", "GET", "/xapi2/data/candidate", null, 401, "unauthorized", Caller.Nobody, Header: "Authorization: Basic YTpi"),
        new("pat with a typo", "GET", "/xapi2/data/candidate", null, 401, "invalid_token", Caller.Nobody, Header: "Authorization: Bearer pat_0000000000000000000000000000000000000A"),
        new("unknown well-formed pat", "GET", "/xapi2/data/candidate", null, 401, "invalid_token", Caller.Nobody, Header: "Authorization: Bearer {unknown-pat}"),
        new("garbage jwt", "GET", "/xapi2/data/candidate", null, 401, "invalid_token", Caller.Nobody, Header: "Authorization: Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."),
        new("write with a read-only token", "PATCH", $"/xapi2/data/candidate/{Target}", "{\"city\":\"Ulm\"}", 403, "missing_scope", Caller.ReadOnlyPat),
        new("read another model with a read-only token", "GET", "/xapi2/data/offer", null, 403, "missing_scope", Caller.ReadOnlyPat),
        new("wrong password for a jwt", "POST", "/xapi2/auth/token", "{\"email\":\"admin@demo.example\",\"password\":\"nope\"}", 401, "invalid_credentials", Caller.Nobody),
        new("email marked sent by a client", "POST", "/xapi2/data/message", $"{{\"candidate_id\":\"{Target}\",\"body\":\"Hi\",\"status\":\"sent\"}}", 422, "validation_failed"),
        new("mail template with an unknown variable", "POST", "/xapi2/data/email_template", "{\"name\":\"Typo\",\"subject\":\"Hi\",\"body\":\"{{ candidate.phone }}\"}", 422, "validation_failed"),
        new("jwt without a password", "POST", "/xapi2/auth/token", "{\"email\":\"admin@demo.example\"}", 400, "missing_field", Caller.Nobody),
        new("row route with an unknown parameter", "GET", $"/xapi2/data/candidate/{Target}?expand=all", null, 400, "unknown_parameter"),
        new("token without scopes", "POST", "/xapi2/tokens", "{\"name\":\"x\",\"scopes\":[]}", 422, "validation_failed"),
        new("token with an unknown scope", "POST", "/xapi2/tokens", "{\"name\":\"x\",\"scopes\":[\"payroll:read\"]}", 422, "validation_failed"),
        new("token expiring beyond a year", "POST", "/xapi2/tokens", "{\"name\":\"x\",\"scopes\":[\"job:read\"],\"expires_at\":\"2099-01-01T00:00:00Z\"}", 422, "validation_failed"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task IsRefusedWithAProblemDocumentAndChangesNothing(Case @case)
    {
        var ids = await IdsAsync();
        string Fill(string text) => ids.Aggregate(text, (t, id) => t.Replace(id.Key, id.Value));
        var client = @case.Caller switch
        {
            Caller.Admin => api.Client(await api.JwtAsync()),
            Caller.ReadOnlyPat => api.Client((await api.PatAsync("candidate:read")).Token),
            _ => api.Client(),
        };
        var request = new HttpRequestMessage(new HttpMethod(@case.Method), Fill(@case.Url));
        if (@case.Body is not null) request.Content = new StringContent(Fill(@case.Body), Encoding.UTF8, @case.ContentType);
        if (@case.Header is { } header)
        {
            var (name, value) = (header[..header.IndexOf(':')], Fill(header[(header.IndexOf(':') + 1)..].Trim()));
            if (name == "Authorization") client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(value);
            else request.Headers.TryAddWithoutValidation(name, value);
        }
        var before = await SnapshotAsync();

        var response = await client.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(@case.Status == (int)response.StatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(@case.Code, problem["code"]!.GetValue<string>());
        Assert.Equal(@case.Status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(problem["trace_id"]?.GetValue<string>()));
        Assert.NotNull(problem["type"]);
        Assert.NotNull(problem["title"]);
        if (@case.Code is "validation_failed" or "unknown_field" or "read_only_field" or "invalid_type" or "missing_field")
            Assert.NotEmpty(problem["errors"]!.AsObject());
        Assert.Equal(before, await SnapshotAsync());
    }

    /// Audit entries count every write; the target candidate's version catches a write that forgot its audit.
    private async Task<(int, int)> SnapshotAsync()
    {
        await using var db = api.App.Db();
        var target = (await IdsAsync())[Target];
        return (await db.AuditEntries.IgnoreQueryFilters().CountAsync(),
            await db.Candidates.IgnoreQueryFilters().Where(c => c.Id == Guid.Parse(target)).Select(c => c.Version).SingleAsync());
    }

    private async Task<Dictionary<string, string>> IdsAsync()
    {
        await using var db = api.App.Db();
        var application = await db.Applications.IgnoreQueryFilters().OrderBy(a => a.Id).FirstAsync();
        var candidates = await db.Candidates.IgnoreQueryFilters().OrderBy(c => c.Id).Take(2).ToListAsync();
        return new Dictionary<string, string>
        {
            [Target] = candidates[0].Id.ToString(),
            ["{other-email}"] = candidates[1].Email,
            ["{application}"] = application.Id.ToString(),
            ["{job}"] = application.JobId.ToString(),
            ["{unknown-pat}"] = Ats.Domain.Tokens.PatFormat.NewToken(),
        };
    }
}
