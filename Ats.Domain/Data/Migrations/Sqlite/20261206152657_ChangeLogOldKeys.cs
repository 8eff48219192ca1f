using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ats.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChangeLogOldKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OldKeys",
                table: "ChangeLog",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OldReaders",
                table: "ChangeLog",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OldKeys",
                table: "ChangeLog");

            migrationBuilder.DropColumn(
                name: "OldReaders",
                table: "ChangeLog");
        }
    }
}
