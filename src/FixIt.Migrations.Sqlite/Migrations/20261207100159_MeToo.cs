using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FixIt.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MeToo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SupportId",
                table: "AccessTokens",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReportSupports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Mailbox = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSupports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportSupports_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessTokens_SupportId",
                table: "AccessTokens",
                column: "SupportId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportSupports_ReportId_ConfirmedAt",
                table: "ReportSupports",
                columns: new[] { "ReportId", "ConfirmedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportSupports_ReportId_Mailbox",
                table: "ReportSupports",
                columns: new[] { "ReportId", "Mailbox" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AccessTokens_ReportSupports_SupportId",
                table: "AccessTokens",
                column: "SupportId",
                principalTable: "ReportSupports",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AccessTokens_ReportSupports_SupportId",
                table: "AccessTokens");

            migrationBuilder.DropTable(
                name: "ReportSupports");

            migrationBuilder.DropIndex(
                name: "IX_AccessTokens_SupportId",
                table: "AccessTokens");

            migrationBuilder.DropColumn(
                name: "SupportId",
                table: "AccessTokens");
        }
    }
}
