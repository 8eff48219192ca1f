using Ats.Domain.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Domain.Data.Configurations;

internal sealed class SocketTicketConfiguration : IEntityTypeConfiguration<SocketTicket>
{
    public void Configure(EntityTypeBuilder<SocketTicket> b)
    {
        b.HasKey(t => t.Hash);
        b.Property(t => t.Hash).HasMaxLength(64);
        b.Property(t => t.PatHash).HasMaxLength(64);
        b.Property(t => t.RateKey).HasMaxLength(64);
        b.HasIndex(t => t.ExpiresAt); // pruning
    }
}
