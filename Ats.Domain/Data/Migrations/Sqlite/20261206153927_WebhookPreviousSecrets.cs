using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ats.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WebhookPreviousSecrets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every replaced secret keeps signing for its own 24 hours: a JSON list instead of one previous secret.
            migrationBuilder.AddColumn<string>(
                name: "PreviousSecrets",
                table: "WebhookEndpoints",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            // Hand-written: the one previous secret, if any, becomes the list's only entry.
            migrationBuilder.Sql("""
                UPDATE "WebhookEndpoints"
                SET "PreviousSecrets" = json_array(json_object('Secret', "PreviousSecret", 'ExpiresAt', strftime('%Y-%m-%dT%H:%M:%fZ', "PreviousSecretExpiresAt")))
                WHERE "PreviousSecret" IS NOT NULL AND "PreviousSecretExpiresAt" IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "PreviousSecret",
                table: "WebhookEndpoints");

            migrationBuilder.DropColumn(
                name: "PreviousSecretExpiresAt",
                table: "WebhookEndpoints");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PreviousSecrets",
                table: "WebhookEndpoints");

            migrationBuilder.AddColumn<string>(
                name: "PreviousSecret",
                table: "WebhookEndpoints",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PreviousSecretExpiresAt",
                table: "WebhookEndpoints",
                type: "TEXT",
                nullable: true);
        }
    }
}
