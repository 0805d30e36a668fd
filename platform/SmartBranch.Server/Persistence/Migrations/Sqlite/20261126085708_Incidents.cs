using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Sqlite
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    rule_id = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    alert_key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    open_alert_key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: false),
                    acknowledged_at = table.Column<long>(type: "INTEGER", nullable: true),
                    resolved_at = table.Column<long>(type: "INTEGER", nullable: true),
                    report_cause = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    report_response = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    report_prevention = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    report_impact = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_incidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_request_outcomes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    minute = table.Column<long>(type: "INTEGER", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_request_outcomes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_incident_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    incident_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    actor_user_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    actor_display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
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
