using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FixIt.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ResidentsData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ContactErasedAt",
                table: "Reports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Erasures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AddressHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reports = table.Column<int>(type: "integer", nullable: false),
                    ErasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Erasures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MyReportsTokens",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MyReportsTokens", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Erasures_AddressHash",
                table: "Erasures",
                column: "AddressHash");

            migrationBuilder.CreateIndex(
                name: "IX_MyReportsTokens_Email",
                table: "MyReportsTokens",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_MyReportsTokens_ExpiresAt",
                table: "MyReportsTokens",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_MyReportsTokens_Hash",
                table: "MyReportsTokens",
                column: "Hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Erasures");

            migrationBuilder.DropTable(
                name: "MyReportsTokens");

            migrationBuilder.DropColumn(
                name: "ContactErasedAt",
                table: "Reports");
        }
    }
}
