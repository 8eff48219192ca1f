using Ats.Domain.Common;

namespace Ats.Domain.Writes;

/// A generic update (REST PATCH, socket "update") whose fields carry a user's intent (an application's stage, an
/// offer's status …) is handed to that intent's use case, so a board drag and a PATCH of "stage" pass through the same
/// named method. Registered per model in DI; a model without one is saved field by field through RecordService.
public interface IUpdateRoute<T> where T : TenantEntity
{
    /// The wire names of the fields whose change this route takes over.
    IReadOnlySet<string> Fields { get; }

    /// Runs the use case for a body that sets some of <see cref="Fields"/>. <paramref name="apply"/> applies the whole
    /// body to a row: the route learns the requested values from it and applies the fields it does not own in the same
    /// write, so the request stays all or nothing.
    Task<T> UpdateAsync(Actor actor, Guid id, int? expectedVersion, Action<T> apply, bool confirmed, CancellationToken ct);
}
