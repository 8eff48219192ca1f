using Ats.Domain.Candidates;
using Ats.Domain.Interviews;
using Ats.Domain.Mail;
using Ats.Domain.Offers;
using Ats.Domain.Pipeline;
using Ats.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Domain.Data.Configurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Candidate>().WithMany().HasForeignKey(m => m.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Application>().WithMany().HasForeignKey(m => m.ApplicationId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<EmailTemplate>().WithMany().HasForeignKey(m => m.TemplateId).OnDelete(DeleteBehavior.SetNull);
        b.Property(m => m.Subject).HasFieldLength();
        b.HasOne<Offer>().WithMany().HasForeignKey(m => m.OfferId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Interview>().WithMany().HasForeignKey(m => m.InterviewId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(m => new { m.TenantId, m.CandidateId, m.CreatedAt });
        b.HasIndex(m => new { m.TenantId, m.Status });
        b.HasIndex(m => new { m.Status, m.NextAttemptAt }); // the outbox looks across organisations
    }
}
