using Ats.Domain.Identity;
using Ats.Domain.Writes;
using Ats.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Ats.Web.Components.Shared;

/// The organisation's people by id, read once per circuit: who wrote a note, who a task is for.
public sealed class PeopleNames(UserAdministration users, IStringLocalizer<SharedResource> l)
{
    private IReadOnlyList<UserSummary>? _people;

    public IReadOnlyList<UserSummary> All => _people ?? [];

    public async Task LoadAsync(Actor actor) => _people ??= await users.ListAsync(actor);

    /// Null: written by the system (a stage-bound mail, the demo data).
    public string Name(Guid? id) => id is null ? l["System"]
        : All.FirstOrDefault(p => p.Id == id)?.DisplayName ?? l["(unknown user)"];
}
