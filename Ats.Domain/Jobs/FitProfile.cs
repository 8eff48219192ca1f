namespace Ats.Domain.Jobs;

/// What a good candidate for a job looks like; the scoring service weighs applications against it.
public sealed record FitProfile
{
    public List<FitRequirement> Requirements { get; init; } = [];
    public List<KnockoutCriterion> KnockoutCriteria { get; init; } = [];
}

/// Weight runs from 1 (nice to have) to 5 (essential).
public sealed record FitRequirement(string Text, int Weight, List<string> Keywords);

public sealed record KnockoutCriterion(string Text, List<string> Keywords);
