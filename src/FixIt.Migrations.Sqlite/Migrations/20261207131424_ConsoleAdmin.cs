using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FixIt.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConsoleAdmin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsActive",
                table: "Operators",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "BounceReason",
                table: "OperatorContacts",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsActive",
                table: "Operators");

            migrationBuilder.DropColumn(
                name: "BounceReason",
                table: "OperatorContacts");
        }
    }
}
