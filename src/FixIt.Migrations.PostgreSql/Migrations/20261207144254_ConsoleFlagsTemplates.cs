using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FixIt.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ConsoleFlagsTemplates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsActive",
                table: "Operators",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "BounceReason",
                table: "OperatorContacts",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReportFlags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    UpdateId = table.Column<long>(type: "bigint", nullable: true),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Details = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    FlaggerKey = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DigestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DismissedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportFlags_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResponseTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OperatorId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(1600)", maxLength: 1600, nullable: false),
                    Text = table.Column<string>(type: "character varying(64000)", maxLength: 64000, nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponseTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResponseTemplates_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResponseTemplates_Operators_OperatorId",
                        column: x => x.OperatorId,
                        principalTable: "Operators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportFlags_DigestedAt_Id",
                table: "ReportFlags",
                columns: new[] { "DigestedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportFlags_DismissedAt_ReportId",
                table: "ReportFlags",
                columns: new[] { "DismissedAt", "ReportId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportFlags_FlaggerKey",
                table: "ReportFlags",
                column: "FlaggerKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportFlags_ReportId",
                table: "ReportFlags",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ResponseTemplates_CategoryId",
                table: "ResponseTemplates",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_ResponseTemplates_OperatorId_Title",
                table: "ResponseTemplates",
                columns: new[] { "OperatorId", "Title" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportFlags");

            migrationBuilder.DropTable(
                name: "ResponseTemplates");

            migrationBuilder.DropColumn(
                name: "IsActive",
                table: "Operators");

            migrationBuilder.DropColumn(
                name: "BounceReason",
                table: "OperatorContacts");
        }
    }
}
