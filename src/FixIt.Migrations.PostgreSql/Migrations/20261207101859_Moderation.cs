using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FixIt.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Moderation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_OperatorId_ConfirmedAt",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_OperatorId_FixedAt",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_OperatorId_SecondsToFix",
                table: "Reports");

            migrationBuilder.AddColumn<int>(
                name: "DuplicateOfId",
                table: "Reports",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EditedAt",
                table: "Reports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OriginalDescription",
                table: "Reports",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OriginalTitle",
                table: "Reports",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusBeforeHidden",
                table: "Reports",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "HiddenAt",
                table: "ReportEvents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ActorId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(3200)", maxLength: 3200, nullable: false),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReportId = table.Column<int>(type: "integer", nullable: true),
                    UpdateId = table.Column<long>(type: "bigint", nullable: true),
                    Target = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true),
                    Reason = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OperatorId_ConfirmedAt_Status",
                table: "Reports",
                columns: new[] { "OperatorId", "ConfirmedAt", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OperatorId_FixedAt_Status",
                table: "Reports",
                columns: new[] { "OperatorId", "FixedAt", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OperatorId_SecondsToFix_Status",
                table: "Reports",
                columns: new[] { "OperatorId", "SecondsToFix", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Action_Id",
                table: "AuditEntries",
                columns: new[] { "Action", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorId_Id",
                table: "AuditEntries",
                columns: new[] { "ActorId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ReportId",
                table: "AuditEntries",
                column: "ReportId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_Reports_OperatorId_ConfirmedAt_Status",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_OperatorId_FixedAt_Status",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_OperatorId_SecondsToFix_Status",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "DuplicateOfId",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "EditedAt",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "OriginalDescription",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "OriginalTitle",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "StatusBeforeHidden",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "HiddenAt",
                table: "ReportEvents");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OperatorId_ConfirmedAt",
                table: "Reports",
                columns: new[] { "OperatorId", "ConfirmedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OperatorId_FixedAt",
                table: "Reports",
                columns: new[] { "OperatorId", "FixedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OperatorId_SecondsToFix",
                table: "Reports",
                columns: new[] { "OperatorId", "SecondsToFix" });
        }
    }
}
