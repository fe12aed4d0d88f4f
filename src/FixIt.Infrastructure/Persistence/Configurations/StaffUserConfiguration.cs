using FixIt.Application.Common;
using FixIt.Domain.Access;
using FixIt.Domain.Operators;
using FixIt.Infrastructure.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FixIt.Infrastructure.Persistence.Configurations;

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    /// <summary>Identity's tables under FixIt's names (StaffUsers, StaffRoles, ...) instead of AspNetUsers and friends.</summary>
    public static void NameIdentityTables(ModelBuilder modelBuilder)
    {
        // The three roles are data every install has, so the migration inserts them (fixed stamps keep the model stable).
        modelBuilder.Entity<IdentityRole<int>>().ToTable("StaffRoles").HasData(
            StaffRoles.All.Select((name, i) => new IdentityRole<int>
            {
                Id = i + 1,
                Name = name,
                NormalizedName = name.ToUpperInvariant(),
                ConcurrencyStamp = $"fixit-role-{name}",
            }));
        modelBuilder.Entity<IdentityUserRole<int>>().ToTable("StaffUserRoles");
        modelBuilder.Entity<IdentityUserClaim<int>>().ToTable("StaffUserClaims");
        modelBuilder.Entity<IdentityUserLogin<int>>().ToTable("StaffUserLogins");
        modelBuilder.Entity<IdentityUserToken<int>>().ToTable("StaffUserTokens");
        modelBuilder.Entity<IdentityRoleClaim<int>>().ToTable("StaffRoleClaims");
    }

    public void Configure(EntityTypeBuilder<StaffUser> builder) => builder.ToTable("StaffUsers");
}

internal sealed class StaffOperatorConfiguration : IEntityTypeConfiguration<StaffOperator>
{
    public void Configure(EntityTypeBuilder<StaffOperator> builder)
    {
        builder.ToTable("StaffOperators");
        builder.HasKey(s => new { s.StaffUserId, s.OperatorId });
        builder.HasIndex(s => s.OperatorId);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(s => s.StaffUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Operator>().WithMany().HasForeignKey(s => s.OperatorId).OnDelete(DeleteBehavior.Restrict);
    }
}
