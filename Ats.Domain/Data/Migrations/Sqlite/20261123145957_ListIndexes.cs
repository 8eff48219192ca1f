using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ats.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Candidates_TenantId_CreatedAt",
                table: "Candidates");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_TenantId_CreatedAt_Id",
                table: "Tasks",
                columns: new[] { "TenantId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Sources_TenantId_CreatedAt_Id",
                table: "Sources",
                columns: new[] { "TenantId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Offers_TenantId_CreatedAt_Id",
                table: "Offers",
                columns: new[] { "TenantId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_TenantId_CreatedAt_Id",
                table: "Messages",
                columns: new[] { "TenantId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_TenantId_CreatedAt_Id",
                table: "Jobs",
                columns: new[] { "TenantId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Interviews_TenantId_CreatedAt_Id",
                table: "Interviews",
                columns: new[] { "TenantId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_TenantId_CreatedAt_Id",
                table: "Evaluations",
                columns: new[] { "TenantId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EmailTemplates_TenantId_CreatedAt_Id",
                table: "EmailTemplates",
                columns: new[] { "TenantId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_TenantId_CreatedAt_Id",
                table: "Candidates",
                columns: new[] { "TenantId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_TenantId_CreatedAt_Id",
                table: "Applications",
                columns: new[] { "TenantId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationNotes_TenantId_CreatedAt_Id",
                table: "ApplicationNotes",
                columns: new[] { "TenantId", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_TenantId_CreatedAt_Id",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Sources_TenantId_CreatedAt_Id",
                table: "Sources");

            migrationBuilder.DropIndex(
                name: "IX_Offers_TenantId_CreatedAt_Id",
                table: "Offers");

            migrationBuilder.DropIndex(
                name: "IX_Messages_TenantId_CreatedAt_Id",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_TenantId_CreatedAt_Id",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Interviews_TenantId_CreatedAt_Id",
                table: "Interviews");

            migrationBuilder.DropIndex(
                name: "IX_Evaluations_TenantId_CreatedAt_Id",
                table: "Evaluations");

            migrationBuilder.DropIndex(
                name: "IX_EmailTemplates_TenantId_CreatedAt_Id",
                table: "EmailTemplates");

            migrationBuilder.DropIndex(
                name: "IX_Candidates_TenantId_CreatedAt_Id",
                table: "Candidates");

            migrationBuilder.DropIndex(
                name: "IX_Applications_TenantId_CreatedAt_Id",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_ApplicationNotes_TenantId_CreatedAt_Id",
                table: "ApplicationNotes");

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_TenantId_CreatedAt",
                table: "Candidates",
                columns: new[] { "TenantId", "CreatedAt" });
        }
    }
}
