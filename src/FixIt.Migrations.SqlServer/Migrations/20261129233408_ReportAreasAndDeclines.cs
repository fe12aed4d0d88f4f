using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FixIt.Migrations.SqlServer.Migrations
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
                    ReportId = table.Column<int>(type: "int", nullable: false),
                    AreaId = table.Column<int>(type: "int", nullable: false)
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReportId = table.Column<int>(type: "int", nullable: false),
                    OperatorId = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false)
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
                INSERT INTO [ReportAreas] ([ReportId], [AreaId])
                SELECT DISTINCT r.[Id], a.[Id]
                FROM [Reports] r CROSS APPLY STRING_SPLIT(r.[ContainingAreaIds], ',') s
                JOIN [Areas] a ON a.[Id] = TRY_CAST(s.[value] AS int)
                WHERE s.[value] <> N'';
                """);
            migrationBuilder.Sql("""
                INSERT INTO [ReportDeclines] ([ReportId], [OperatorId], [At], [Reason])
                SELECT r.[Id], o.[Id], COALESCE(e.[At], r.[UpdatedAt]), COALESCE(SUBSTRING(e.[PublicText], 11, 4000), N'')
                FROM [Reports] r CROSS APPLY STRING_SPLIT(r.[DeclinedOperatorIds], ',') s
                JOIN [Operators] o ON o.[Id] = TRY_CAST(s.[value] AS int)
                OUTER APPLY (SELECT TOP (1) ev.[At], ev.[PublicText] FROM [ReportEvents] ev
                    WHERE ev.[ReportId] = r.[Id] AND ev.[Kind] = N'Note' AND ev.[Actor] = o.[Name] AND ev.[PublicText] LIKE N'Not ours: %'
                    ORDER BY ev.[At], ev.[Id]) e
                WHERE s.[value] <> N'';
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
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DeclinedOperatorIds",
                table: "Reports",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            // ---- Hand-written data motion (ReportAreasAndDeclines): the rows go back into the columns. ----
            migrationBuilder.Sql("""
                UPDATE [Reports] SET
                    [ContainingAreaIds] = COALESCE((SELECT STRING_AGG(CAST(a.[AreaId] AS nvarchar(20)), ',') WITHIN GROUP (ORDER BY a.[AreaId])
                        FROM [ReportAreas] a WHERE a.[ReportId] = [Reports].[Id]), N''),
                    [DeclinedOperatorIds] = COALESCE((SELECT STRING_AGG(CAST(d.[OperatorId] AS nvarchar(20)), ',') WITHIN GROUP (ORDER BY d.[At], d.[Id])
                        FROM [ReportDeclines] d WHERE d.[ReportId] = [Reports].[Id]), N'');
                """);
            // ---- End of hand-written data motion. ----

            migrationBuilder.DropTable(
                name: "ReportAreas");

            migrationBuilder.DropTable(
                name: "ReportDeclines");
        }
    }
}
