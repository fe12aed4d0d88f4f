using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FixIt.Migrations.PostgreSql.Migrations
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
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    AreaId = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    OperatorId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
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
                SELECT DISTINCT x.report_id, x.area_id
                FROM (SELECT r."Id" AS report_id, CAST(s.id AS integer) AS area_id
                      FROM "Reports" r CROSS JOIN LATERAL unnest(string_to_array(NULLIF(r."ContainingAreaIds", ''), ',')) AS s(id)) x
                JOIN "Areas" a ON a."Id" = x.area_id;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ReportDeclines" ("ReportId", "OperatorId", "At", "Reason")
                SELECT r."Id", o."Id", COALESCE(e."At", r."UpdatedAt"), COALESCE(substr(e."PublicText", 11, 4000), '')
                FROM "Reports" r
                CROSS JOIN LATERAL unnest(string_to_array(NULLIF(r."DeclinedOperatorIds", ''), ',')) WITH ORDINALITY AS s(id, n)
                JOIN "Operators" o ON o."Id" = CAST(s.id AS integer)
                LEFT JOIN LATERAL (SELECT ev."At", ev."PublicText" FROM "ReportEvents" ev
                    WHERE ev."ReportId" = r."Id" AND ev."Kind" = 'Note' AND ev."Actor" = o."Name" AND ev."PublicText" LIKE 'Not ours: %'
                    ORDER BY ev."At", ev."Id" LIMIT 1) e ON TRUE
                ORDER BY r."Id", s.n;
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
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DeclinedOperatorIds",
                table: "Reports",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            // ---- Hand-written data motion (ReportAreasAndDeclines): the rows go back into the columns. ----
            migrationBuilder.Sql("""
                UPDATE "Reports" SET
                    "ContainingAreaIds" = COALESCE((SELECT string_agg(CAST(a."AreaId" AS text), ',' ORDER BY a."AreaId")
                        FROM "ReportAreas" a WHERE a."ReportId" = "Reports"."Id"), ''),
                    "DeclinedOperatorIds" = COALESCE((SELECT string_agg(CAST(d."OperatorId" AS text), ',' ORDER BY d."At", d."Id")
                        FROM "ReportDeclines" d WHERE d."ReportId" = "Reports"."Id"), '');
                """);
            // ---- End of hand-written data motion. ----

            migrationBuilder.DropTable(
                name: "ReportAreas");

            migrationBuilder.DropTable(
                name: "ReportDeclines");
        }
    }
}
