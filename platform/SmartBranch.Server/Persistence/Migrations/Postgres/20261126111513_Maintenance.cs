using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Maintenance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "kernel_maintenance_windows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    environment_name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    stops = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    alternative_counter = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    alternative_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    alternative_hours = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    is_emergency = table.Column<bool>(type: "boolean", nullable: false),
                    emergency_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    announced_to_residents = table.Column<bool>(type: "boolean", nullable: false),
                    scheduled_by_user_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    scheduled_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    scheduled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    cancellation_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_maintenance_windows", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_maintenance_windows_ends_at",
                table: "kernel_maintenance_windows",
                column: "ends_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kernel_maintenance_windows");
        }
    }
}
