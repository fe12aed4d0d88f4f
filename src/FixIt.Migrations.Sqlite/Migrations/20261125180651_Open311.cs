using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FixIt.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Open311 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccountId",
                table: "Reports",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "Reports",
                type: "TEXT",
                maxLength: 250,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Attributes",
                table: "Reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeviceId",
                table: "Reports",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediaUrl",
                table: "Reports",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Open311Token",
                table: "Reports",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Open311Token",
                table: "Reports",
                column: "Open311Token",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_Open311Token",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "AccountId",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "Attributes",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "DeviceId",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "MediaUrl",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "Open311Token",
                table: "Reports");
        }
    }
}
