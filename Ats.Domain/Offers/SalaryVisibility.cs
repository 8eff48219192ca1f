using Ats.Domain.Data;
using Ats.Domain.Writes;

namespace Ats.Domain.Offers;

/// Salaries are for recruiters and admins; a job's hiring team sees them only when an admin allowed it for that job.
public static class SalaryVisibility
{
    /// Offers as a hiring manager reads them, on every surface: without the money unless they are on the job's team and
    /// the job allows it (<see cref="Offer.SalaryHidden"/> tells the wire to say null rather than 0). An interviewer
    /// from outside the team never sees it. Every field is copied: a new one must be added here too.
    public static IQueryable<Offer> ForHiringTeam(IQueryable<Offer> offers, AtsDbContext db, IQueryable<Guid> teamJobIds) => offers
        .Select(o => new
        {
            Offer = o,
            Visible = db.Applications.Any(a => a.Id == o.ApplicationId && teamJobIds.Contains(a.JobId) && db.Jobs.Any(j => j.Id == a.JobId && j.HiringManagersSeeSalaries)),
        })
        .Select(x => new Offer
        {
            Id = x.Offer.Id, TenantId = x.Offer.TenantId, ApplicationId = x.Offer.ApplicationId, Currency = x.Offer.Currency,
            StartDate = x.Offer.StartDate, Term = x.Offer.Term, EndDate = x.Offer.EndDate, Status = x.Offer.Status, SentAt = x.Offer.SentAt,
            RespondedAt = x.Offer.RespondedAt, CreatedAt = x.Offer.CreatedAt, UpdatedAt = x.Offer.UpdatedAt, Version = x.Offer.Version,
            GrossSalary = x.Visible ? x.Offer.GrossSalary : 0, Bonus = x.Visible ? x.Offer.Bonus : null, SalaryHidden = !x.Visible,
        });
}
