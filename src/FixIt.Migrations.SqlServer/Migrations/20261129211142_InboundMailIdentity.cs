using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FixIt.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class InboundMailIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BounceKey",
                table: "OutboxMessages",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Dkim",
                table: "InboundMessages",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "DkimDomain",
                table: "InboundMessages",
                type: "nvarchar(253)",
                maxLength: 253,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReplyKeys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Key = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ReportId = table.Column<int>(type: "int", nullable: false),
                    Holder = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    OperatorId = table.Column<int>(type: "int", nullable: true),
                    ContactId = table.Column<int>(type: "int", nullable: true),
                    SubscriptionId = table.Column<long>(type: "bigint", nullable: true),
                    Address = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReplyKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReplyKeys_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_BounceKey",
                table: "OutboxMessages",
                column: "BounceKey",
                unique: true,
                filter: "[BounceKey] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ReplyKeys_Key",
                table: "ReplyKeys",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReplyKeys_ReportId_Holder",
                table: "ReplyKeys",
                columns: new[] { "ReportId", "Holder" });

            // ---- Hand-written data motion (InboundMailIdentity): keep when regenerating. ----
            // Each report's old key goes to whoever could have it: the operator's contact for a routed report (so
            // operator replies in flight keep working), the reporter for one never routed. Then the column goes.
            migrationBuilder.Sql("""
                INSERT INTO [ReplyKeys] ([Key], [ReportId], [Holder], [OperatorId], [Address], [CreatedAt])
                SELECT [ReplyKey], [Id], 'Operator', [OperatorId], '', [CreatedAt] FROM [Reports]
                WHERE [OperatorId] IS NOT NULL AND [ReplyKey] <> '';
                """);
            migrationBuilder.Sql("""
                INSERT INTO [ReplyKeys] ([Key], [ReportId], [Holder], [Address], [CreatedAt])
                SELECT [ReplyKey], [Id], 'Reporter', [ReporterEmail], [CreatedAt] FROM [Reports]
                WHERE [OperatorId] IS NULL AND [ReplyKey] <> '';
                """);
            // ---- End of hand-written data motion. ----

            migrationBuilder.DropIndex(
                name: "IX_Reports_ReplyKey",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "ReplyKey",
                table: "Reports");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_BounceKey",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "BounceKey",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "Dkim",
                table: "InboundMessages");

            migrationBuilder.DropColumn(
                name: "DkimDomain",
                table: "InboundMessages");

            migrationBuilder.AddColumn<string>(
                name: "ReplyKey",
                table: "Reports",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            // ---- Hand-written data motion (InboundMailIdentity): each report gets one of its keys back. ----
            migrationBuilder.Sql("""
                UPDATE [Reports] SET [ReplyKey] = COALESCE(
                    (SELECT MIN(k.[Key]) FROM [ReplyKeys] k WHERE k.[ReportId] = [Reports].[Id]), 'r' + CAST([Id] AS nvarchar(20)));
                """);
            // ---- End of hand-written data motion. ----

            migrationBuilder.CreateIndex(
                name: "IX_Reports_ReplyKey",
                table: "Reports",
                column: "ReplyKey",
                unique: true);

            migrationBuilder.DropTable(
                name: "ReplyKeys");
        }
    }
}
