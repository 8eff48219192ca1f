using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ats.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MailOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "Messages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextAttemptAt",
                table: "Messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Messages_Status_NextAttemptAt",
                table: "Messages",
                columns: new[] { "Status", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Messages_Status_NextAttemptAt",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "Messages");
        }
    }
}
