using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FixIt.Migrations.PostgreSql.Migrations
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
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "Reports",
                type: "character varying(250)",
                maxLength: 250,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Attributes",
                table: "Reports",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeviceId",
                table: "Reports",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediaUrl",
                table: "Reports",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Open311Token",
                table: "Reports",
                type: "character varying(40)",
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
