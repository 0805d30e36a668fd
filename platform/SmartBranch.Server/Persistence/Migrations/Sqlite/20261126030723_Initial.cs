using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "kernel_inbox_messages",
                columns: table => new
                {
                    consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    processed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_inbox_messages", x => new { x.consumer, x.event_id });
                });

            migrationBuilder.CreateTable(
                name: "kernel_line_webhook_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    webhook_event_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    event_type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    source_key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true),
                    claim_token = table.Column<Guid>(type: "TEXT", nullable: true),
                    processed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_line_webhook_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    message_type = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true),
                    claim_token = table.Column<Guid>(type: "TEXT", nullable: true),
                    published_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_tenants",
                columns: table => new
                {
                    slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_tenants", x => x.slug);
                });

            migrationBuilder.CreateTable(
                name: "residents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    line_user_id = table.Column<string>(type: "TEXT", maxLength: 33, nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    language = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    first_followed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    followed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    blocked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_residents", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_line_webhook_events_state_next_attempt_at",
                table: "kernel_line_webhook_events",
                columns: new[] { "state", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_line_webhook_events_tenant_slug_environment_name_source_key_occurred_at",
                table: "kernel_line_webhook_events",
                columns: new[] { "tenant_slug", "environment_name", "source_key", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_line_webhook_events_tenant_slug_environment_name_webhook_event_id",
                table: "kernel_line_webhook_events",
                columns: new[] { "tenant_slug", "environment_name", "webhook_event_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kernel_outbox_messages_state_next_attempt_at",
                table: "kernel_outbox_messages",
                columns: new[] { "state", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_residents_tenant_slug_environment_name_line_user_id",
                table: "residents",
                columns: new[] { "tenant_slug", "environment_name", "line_user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_residents_tenant_slug_environment_name_status",
                table: "residents",
                columns: new[] { "tenant_slug", "environment_name", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kernel_inbox_messages");

            migrationBuilder.DropTable(
                name: "kernel_line_webhook_events");

            migrationBuilder.DropTable(
                name: "kernel_outbox_messages");

            migrationBuilder.DropTable(
                name: "kernel_tenants");

            migrationBuilder.DropTable(
                name: "residents");
        }
    }
}
