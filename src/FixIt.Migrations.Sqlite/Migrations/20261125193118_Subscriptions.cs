using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FixIt.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Subscriptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SubscriptionId",
                table: "AccessTokens",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReportSubscriptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UnsubscribedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSubscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportSubscriptions_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessTokens_SubscriptionId",
                table: "AccessTokens",
                column: "SubscriptionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportSubscriptions_ReportId_Email",
                table: "ReportSubscriptions",
                columns: new[] { "ReportId", "Email" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AccessTokens_ReportSubscriptions_SubscriptionId",
                table: "AccessTokens",
                column: "SubscriptionId",
                principalTable: "ReportSubscriptions",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AccessTokens_ReportSubscriptions_SubscriptionId",
                table: "AccessTokens");

            migrationBuilder.DropTable(
                name: "ReportSubscriptions");

            migrationBuilder.DropIndex(
                name: "IX_AccessTokens_SubscriptionId",
                table: "AccessTokens");

            migrationBuilder.DropColumn(
                name: "SubscriptionId",
                table: "AccessTokens");
        }
    }
}
