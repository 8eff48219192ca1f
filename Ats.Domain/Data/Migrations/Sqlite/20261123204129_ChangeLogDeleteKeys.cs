using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ats.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChangeLogDeleteKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChangeLog_TenantId",
                table: "ChangeLog");

            migrationBuilder.AddColumn<string>(
                name: "Keys",
                table: "ChangeLog",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChangeLog_TenantId_Model_Id",
                table: "ChangeLog",
                columns: new[] { "TenantId", "Model", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChangeLog_TenantId_Model_Id",
                table: "ChangeLog");

            migrationBuilder.DropColumn(
                name: "Keys",
                table: "ChangeLog");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeLog_TenantId",
                table: "ChangeLog",
                column: "TenantId");
        }
    }
}
