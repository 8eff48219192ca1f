using Ats.Domain.Candidates;
using Ats.Domain.Common;
using Ats.Domain.Interviews;
using Ats.Domain.Jobs;
using Ats.Domain.Mail;
using Ats.Domain.Notes;
using Ats.Domain.Offers;
using Ats.Domain.Pipeline;
using Ats.Domain.Scorecards;
using Ats.Domain.Sources;
using Ats.Domain.Tasks;

namespace Ats.Domain.Writes;

/// Finds the rules of a model: a registered <see cref="ModelRules{T}"/>, else the descriptor's field rules alone.
public sealed class RulesRegistry(IEnumerable<object> rules)
{
    public static RulesRegistry Default() => new([
        new JobRules(), new CandidateRules(), new ApplicationRules(), new NoteRules(), new EmailTemplateRules(),
        new ScorecardRules(), new InterviewRules(), new MessageRules(), new OfferRules(), new SourceRules(), new TaskRules(),
    ]);

    private readonly Dictionary<Type, object> _byType = rules.ToDictionary(
        r => r.GetType().BaseType!.GetGenericArguments()[0]);

    public ModelRules<T> For<T>() where T : TenantEntity =>
        _byType.TryGetValue(typeof(T), out var r) ? (ModelRules<T>)r : new DescriptorOnlyRules<T>();
}
