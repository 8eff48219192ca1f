using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ats.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InterviewsScorecardsOffers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "Tenants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CalendarIcs",
                table: "Messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "InterviewId",
                table: "Messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OfferId",
                table: "Messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RecipientUserId",
                table: "Messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HiringManagersSeeSalaries",
                table: "Jobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "Interviews",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "Candidates",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Candidates",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ZipCode",
                table: "Candidates",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Messages_InterviewId",
                table: "Messages",
                column: "InterviewId");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_OfferId",
                table: "Messages",
                column: "OfferId");

            migrationBuilder.AddForeignKey(
                name: "FK_Messages_Interviews_InterviewId",
                table: "Messages",
                column: "InterviewId",
                principalTable: "Interviews",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Messages_Offers_OfferId",
                table: "Messages",
                column: "OfferId",
                principalTable: "Offers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Messages_Interviews_InterviewId",
                table: "Messages");

            migrationBuilder.DropForeignKey(
                name: "FK_Messages_Offers_OfferId",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Messages_InterviewId",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Messages_OfferId",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "CalendarIcs",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "InterviewId",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "OfferId",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "RecipientUserId",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "HiringManagersSeeSalaries",
                table: "Jobs");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "Interviews");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "Candidates");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Candidates");

            migrationBuilder.DropColumn(
                name: "ZipCode",
                table: "Candidates");
        }
    }
}
