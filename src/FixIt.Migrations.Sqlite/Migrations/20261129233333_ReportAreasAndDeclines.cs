using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FixIt.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportAreasAndDeclines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportAreas",
                columns: table => new
                {
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportAreas", x => new { x.ReportId, x.AreaId });
                    table.ForeignKey(
                        name: "FK_ReportAreas_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReportAreas_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportDeclines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    OperatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDeclines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportDeclines_Operators_OperatorId",
                        column: x => x.OperatorId,
                        principalTable: "Operators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReportDeclines_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportAreas_AreaId_ReportId",
                table: "ReportAreas",
                columns: new[] { "AreaId", "ReportId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportDeclines_OperatorId",
                table: "ReportDeclines",
                column: "OperatorId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportDeclines_ReportId_OperatorId",
                table: "ReportDeclines",
                columns: new[] { "ReportId", "OperatorId" });

            // ---- Hand-written data motion (ReportAreasAndDeclines): keep when regenerating. ----
            // The comma-separated ids become rows. Ids of areas or operators deleted since are dropped; a decline's
            // time and reason come from the operator's "Not ours: ..." note on the timeline, else the last update.
            migrationBuilder.Sql("""
                INSERT INTO "ReportAreas" ("ReportId", "AreaId")
                SELECT DISTINCT r."Id", a."Id"
                FROM "Reports" r, json_each('[' || r."ContainingAreaIds" || ']') j
                JOIN "Areas" a ON a."Id" = j.value;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ReportDeclines" ("ReportId", "OperatorId", "At", "Reason")
                SELECT r."Id", o."Id",
                    COALESCE((SELECT ev."At" FROM "ReportEvents" ev
                        WHERE ev."ReportId" = r."Id" AND ev."Kind" = 'Note' AND ev."Actor" = o."Name" AND ev."PublicText" LIKE 'Not ours: %'
                        ORDER BY ev."At", ev."Id" LIMIT 1), r."UpdatedAt"),
                    COALESCE((SELECT substr(ev."PublicText", 11, 4000) FROM "ReportEvents" ev
                        WHERE ev."ReportId" = r."Id" AND ev."Kind" = 'Note' AND ev."Actor" = o."Name" AND ev."PublicText" LIKE 'Not ours: %'
                        ORDER BY ev."At", ev."Id" LIMIT 1), '')
                FROM "Reports" r, json_each('[' || r."DeclinedOperatorIds" || ']') j
                JOIN "Operators" o ON o."Id" = j.value
                ORDER BY r."Id", j.key;
                """);
            // ---- End of hand-written data motion. ----

            migrationBuilder.DropColumn(
                name: "ContainingAreaIds",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "DeclinedOperatorIds",
                table: "Reports");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContainingAreaIds",
                table: "Reports",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DeclinedOperatorIds",
                table: "Reports",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            // ---- Hand-written data motion (ReportAreasAndDeclines): the rows go back into the columns. ----
            migrationBuilder.Sql("""
                UPDATE "Reports" SET
                    "ContainingAreaIds" = COALESCE((SELECT group_concat(x."AreaId", ',') FROM
                        (SELECT a."AreaId" FROM "ReportAreas" a WHERE a."ReportId" = "Reports"."Id" ORDER BY a."AreaId") x), ''),
                    "DeclinedOperatorIds" = COALESCE((SELECT group_concat(x."OperatorId", ',') FROM
                        (SELECT d."OperatorId" FROM "ReportDeclines" d WHERE d."ReportId" = "Reports"."Id" ORDER BY d."At", d."Id") x), '');
                """);
            // ---- End of hand-written data motion. ----

            migrationBuilder.DropTable(
                name: "ReportAreas");

            migrationBuilder.DropTable(
                name: "ReportDeclines");
        }
    }
}
