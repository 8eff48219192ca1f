namespace Ats.Domain.Pipeline;

/// The columns of the board, in board order. Hired, rejected and talent pool are final.
public enum Stage { New, Review, Screening, Interview, Offer, Hired, Rejected, TalentPool }

public static class Stages
{
    public static readonly IReadOnlyList<Stage> All = Enum.GetValues<Stage>();

    public static bool IsFinal(this Stage stage) => stage is Stage.Hired or Stage.Rejected or Stage.TalentPool;
}
