using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FixIt.Migrations.SqlServer.Migrations
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
                type: "bit",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "BounceReason",
                table: "OperatorContacts",
                type: "nvarchar(500)",
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
