using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Incidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "kernel_incidents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    alert_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    open_alert_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    environment_name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    report_cause = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    report_response = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    report_prevention = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    report_impact = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_incidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_request_outcomes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    minute = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    environment_name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_request_outcomes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_incident_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    actor_user_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    actor_display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_incident_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_kernel_incident_events_kernel_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "kernel_incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_incident_events_incident_id_occurred_at",
                table: "kernel_incident_events",
                columns: new[] { "incident_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_incidents_open_alert_key",
                table: "kernel_incidents",
                column: "open_alert_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kernel_incidents_state_opened_at",
                table: "kernel_incidents",
                columns: new[] { "state", "opened_at" });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_request_outcomes_minute_outcome",
                table: "kernel_request_outcomes",
                columns: new[] { "minute", "outcome" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kernel_incident_events");

            migrationBuilder.DropTable(
                name: "kernel_request_outcomes");

            migrationBuilder.DropTable(
                name: "kernel_incidents");
        }
    }
}
