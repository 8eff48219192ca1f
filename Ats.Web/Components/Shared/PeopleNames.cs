using Ats.Domain.Identity;
using Ats.Domain.Writes;
using Ats.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Ats.Web.Components.Shared;

/// The organisation's people by id, read at most once a minute per circuit: who wrote a note, who a task is for.
public sealed class PeopleNames(UserAdministration users, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(1);
    private IReadOnlyList<UserSummary> _people = [];
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public IReadOnlyList<UserSummary> All => _people;

    /// Those who can still be chosen (as interviewer, assignee …).
    public IEnumerable<UserSummary> Active => _people.Where(p => p.IsActive);

    public async Task LoadAsync(Actor actor)
    {
        if (clock.GetUtcNow() - _readAt < FreshFor) return;
        _people = await users.ListAsync(actor);
        _readAt = clock.GetUtcNow();
    }

    /// The author of something; null: written by the system (a stage-bound mail, the demo data).
    public string Name(Guid? id) => id is null ? l["System"] : Find(id.Value);

    /// Who a task is for; null: nobody yet.
    public string Assignee(Guid? id) => id is null ? l["Nobody"] : Find(id.Value);

    private string Find(Guid id) => _people.FirstOrDefault(p => p.Id == id)?.DisplayName ?? l["(unknown user)"];
}
