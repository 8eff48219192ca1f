using Ats.Domain.Data;
using Ats.Domain.Writes;

namespace Ats.Domain.Offers;

/// Salaries are for recruiters and admins; a job's hiring team sees them only when an admin allowed it for that job.
public static class SalaryVisibility
{
    /// The offers whose figures the actor may see.
    public static IQueryable<Offer> Visible(IQueryable<Offer> offers, AtsDbContext db, Actor actor) => !actor.IsHiringManager ? offers
        : offers.Where(o => db.Applications.Any(a => a.Id == o.ApplicationId && db.Jobs.Any(j => j.Id == a.JobId && j.HiringManagersSeeSalaries)));

    /// Offers as the hiring team reads them, on every surface: without the money unless the job allows it
    /// (<see cref="Offer.SalaryHidden"/> tells the wire to say null rather than 0).
    public static IQueryable<Offer> ForHiringTeam(IQueryable<Offer> offers, AtsDbContext db) => offers
        .Select(o => new { Offer = o, Visible = db.Applications.Any(a => a.Id == o.ApplicationId && db.Jobs.Any(j => j.Id == a.JobId && j.HiringManagersSeeSalaries)) })
        .Select(x => new Offer
        {
            Id = x.Offer.Id, TenantId = x.Offer.TenantId, ApplicationId = x.Offer.ApplicationId, Currency = x.Offer.Currency,
            StartDate = x.Offer.StartDate, Term = x.Offer.Term, EndDate = x.Offer.EndDate, Status = x.Offer.Status, SentAt = x.Offer.SentAt,
            RespondedAt = x.Offer.RespondedAt, CreatedAt = x.Offer.CreatedAt, UpdatedAt = x.Offer.UpdatedAt, Version = x.Offer.Version,
            GrossSalary = x.Visible ? x.Offer.GrossSalary : 0, Bonus = x.Visible ? x.Offer.Bonus : null, SalaryHidden = !x.Visible,
        });
}
