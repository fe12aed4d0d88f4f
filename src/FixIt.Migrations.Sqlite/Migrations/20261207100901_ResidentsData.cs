using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FixIt.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ResidentsData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ContactErasedAt",
                table: "Reports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Erasures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AddressHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reports = table.Column<int>(type: "INTEGER", nullable: false),
                    ErasedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Erasures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MyReportsTokens",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MyReportsTokens", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Erasures_AddressHash",
                table: "Erasures",
                column: "AddressHash");

            migrationBuilder.CreateIndex(
                name: "IX_MyReportsTokens_Email",
                table: "MyReportsTokens",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_MyReportsTokens_ExpiresAt",
                table: "MyReportsTokens",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_MyReportsTokens_Hash",
                table: "MyReportsTokens",
                column: "Hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Erasures");

            migrationBuilder.DropTable(
                name: "MyReportsTokens");

            migrationBuilder.DropColumn(
                name: "ContactErasedAt",
                table: "Reports");
        }
    }
}
