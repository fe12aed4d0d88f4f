using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FixIt.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AreaAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AlertsDue",
                table: "Reports",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "AlertVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertVersion", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AreaAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    RadiusMetres = table.Column<int>(type: "INTEGER", nullable: true),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: true),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UnsubscribedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextDigestAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AreaAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AreaAlerts_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AlertTokens",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AlertId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlertTokens_AreaAlerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "AreaAlerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AreaAlertCategories",
                columns: table => new
                {
                    AlertId = table.Column<long>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AreaAlertCategories", x => new { x.AlertId, x.CategoryId });
                    table.ForeignKey(
                        name: "FK_AreaAlertCategories_AreaAlerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "AreaAlerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AreaAlertCategories_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AreaAlertMatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AlertId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AreaAlertMatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AreaAlertMatches_AreaAlerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "AreaAlerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AreaAlertMatches_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "AlertVersion",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 1L });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_AlertsDue_Id",
                table: "Reports",
                columns: new[] { "AlertsDue", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AlertTokens_AlertId",
                table: "AlertTokens",
                column: "AlertId");

            migrationBuilder.CreateIndex(
                name: "IX_AlertTokens_Hash",
                table: "AlertTokens",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AreaAlertCategories_CategoryId",
                table: "AreaAlertCategories",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_AreaAlertMatches_AlertId_ReportId",
                table: "AreaAlertMatches",
                columns: new[] { "AlertId", "ReportId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AreaAlertMatches_ReportId",
                table: "AreaAlertMatches",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_AreaAlerts_AreaId",
                table: "AreaAlerts",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_AreaAlerts_ConfirmedAt_CreatedAt",
                table: "AreaAlerts",
                columns: new[] { "ConfirmedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AreaAlerts_Frequency_NextDigestAt",
                table: "AreaAlerts",
                columns: new[] { "Frequency", "NextDigestAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlertTokens");

            migrationBuilder.DropTable(
                name: "AlertVersion");

            migrationBuilder.DropTable(
                name: "AreaAlertCategories");

            migrationBuilder.DropTable(
                name: "AreaAlertMatches");

            migrationBuilder.DropTable(
                name: "AreaAlerts");

            migrationBuilder.DropIndex(
                name: "IX_Reports_AlertsDue_Id",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "AlertsDue",
                table: "Reports");
        }
    }
}
