using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FixIt.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PublicWeb : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_Longitude_Latitude",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_OperatorId_Status",
                table: "Reports");

            migrationBuilder.AddColumn<long>(
                name: "SecondsToAcknowledge",
                table: "Reports",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SecondsToFix",
                table: "Reports",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReportPhotos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReportId = table.Column<int>(type: "int", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    StorageKey = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Width = table.Column<int>(type: "int", nullable: false),
                    Height = table.Column<int>(type: "int", nullable: false),
                    Bytes = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportPhotos_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Longitude_Latitude_Status",
                table: "Reports",
                columns: new[] { "Longitude", "Latitude", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OperatorId_ConfirmedAt",
                table: "Reports",
                columns: new[] { "OperatorId", "ConfirmedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OperatorId_FixedAt",
                table: "Reports",
                columns: new[] { "OperatorId", "FixedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OperatorId_SecondsToAcknowledge_Status_ConfirmedAt",
                table: "Reports",
                columns: new[] { "OperatorId", "SecondsToAcknowledge", "Status", "ConfirmedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OperatorId_SecondsToFix",
                table: "Reports",
                columns: new[] { "OperatorId", "SecondsToFix" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OperatorId_Status_CategoryId",
                table: "Reports",
                columns: new[] { "OperatorId", "Status", "CategoryId" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OperatorId_Status_ConfirmedAt",
                table: "Reports",
                columns: new[] { "OperatorId", "Status", "ConfirmedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportPhotos_ReportId_Position",
                table: "ReportPhotos",
                columns: new[] { "ReportId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportPhotos_StorageKey",
                table: "ReportPhotos",
                column: "StorageKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportPhotos");

            migrationBuilder.DropIndex(
                name: "IX_Reports_Longitude_Latitude_Status",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_OperatorId_ConfirmedAt",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_OperatorId_FixedAt",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_OperatorId_SecondsToAcknowledge_Status_ConfirmedAt",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_OperatorId_SecondsToFix",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_OperatorId_Status_CategoryId",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_OperatorId_Status_ConfirmedAt",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "SecondsToAcknowledge",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "SecondsToFix",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Longitude_Latitude",
                table: "Reports",
                columns: new[] { "Longitude", "Latitude" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OperatorId_Status",
                table: "Reports",
                columns: new[] { "OperatorId", "Status" });
        }
    }
}
