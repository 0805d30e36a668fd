using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BroadcastDeliveries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "broadcast_deliveries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    messages_json = table.Column<string>(type: "text", nullable: false),
                    segment_json = table.Column<string>(type: "text", nullable: true),
                    schedule_json = table.Column<string>(type: "text", nullable: false),
                    valid_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    next_run_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    is_emergency = table.Column<bool>(type: "boolean", nullable: false),
                    emergency_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    author_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    approver_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    approved_recipient_count = table.Column<int>(type: "integer", nullable: true),
                    rejection_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    cancelled_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    concurrency_stamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_broadcast_deliveries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "broadcast_settings",
                columns: table => new
                {
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    approval_required = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_broadcast_settings", x => new { x.tenant_slug, x.environment_name });
                });

            migrationBuilder.CreateTable(
                name: "broadcast_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    delivery_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurrence_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    target_count = table.Column<int>(type: "integer", nullable: false),
                    sent_count = table.Column<int>(type: "integer", nullable: false),
                    failed_count = table.Column<int>(type: "integer", nullable: false),
                    excluded_count = table.Column<int>(type: "integer", nullable: false),
                    cursor = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    audience_exhausted = table.Column<bool>(type: "boolean", nullable: false),
                    batch_count = table.Column<int>(type: "integer", nullable: false),
                    problem = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    stop_requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    stop_requested_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    confirmed_late_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    claim_token = table.Column<Guid>(type: "uuid", nullable: true),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_broadcast_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_broadcast_runs_broadcast_deliveries_delivery_id",
                        column: x => x.delivery_id,
                        principalTable: "broadcast_deliveries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "broadcast_batches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    retry_key = table.Column<Guid>(type: "uuid", nullable: false),
                    recipients_json = table.Column<string>(type: "text", nullable: false),
                    recipient_count = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    failure_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    line_request_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    already_accepted = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_broadcast_batches", x => x.id);
                    table.ForeignKey(
                        name: "fk_broadcast_batches_broadcast_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "broadcast_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_broadcast_batches_run_id_sequence",
                table: "broadcast_batches",
                columns: new[] { "run_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_broadcast_batches_run_id_state",
                table: "broadcast_batches",
                columns: new[] { "run_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_broadcast_deliveries_state_next_run_at",
                table: "broadcast_deliveries",
                columns: new[] { "state", "next_run_at" });

            migrationBuilder.CreateIndex(
                name: "ix_broadcast_deliveries_tenant_slug_environment_name_state",
                table: "broadcast_deliveries",
                columns: new[] { "tenant_slug", "environment_name", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_broadcast_runs_delivery_id_occurrence_at",
                table: "broadcast_runs",
                columns: new[] { "delivery_id", "occurrence_at" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_broadcast_runs_state_locked_until",
                table: "broadcast_runs",
                columns: new[] { "state", "locked_until" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "broadcast_batches");

            migrationBuilder.DropTable(
                name: "broadcast_settings");

            migrationBuilder.DropTable(
                name: "broadcast_runs");

            migrationBuilder.DropTable(
                name: "broadcast_deliveries");
        }
    }
}
