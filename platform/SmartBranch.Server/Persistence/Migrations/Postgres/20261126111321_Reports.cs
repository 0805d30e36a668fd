using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reports_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    receipt_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    category_key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    department_key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    reporter_line_user_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    photo_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: false),
                    longitude = table.Column<double>(type: "double precision", nullable: false),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    captured_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    possible_duplicate_of_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reports_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reports_conversations",
                columns: table => new
                {
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    line_user_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    step = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    category_key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    photo_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    captured_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reports_conversations", x => new { x.tenant_slug, x.environment_name, x.line_user_id });
                });

            migrationBuilder.CreateTable(
                name: "reports_receipt_counters",
                columns: table => new
                {
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reports_receipt_counters", x => new { x.tenant_slug, x.environment_name, x.year });
                });

            migrationBuilder.CreateTable(
                name: "reports_case_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    staff_user_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    staff_display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    from_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    to_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reports_case_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_reports_case_entries_reports_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "reports_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_reports_case_entries_case_id_at",
                table: "reports_case_entries",
                columns: new[] { "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_cases_tenant_slug_environment_name_category_key_sta",
                table: "reports_cases",
                columns: new[] { "tenant_slug", "environment_name", "category_key", "status", "reported_at" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_cases_tenant_slug_environment_name_receipt_number",
                table: "reports_cases",
                columns: new[] { "tenant_slug", "environment_name", "receipt_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reports_cases_tenant_slug_environment_name_reported_at",
                table: "reports_cases",
                columns: new[] { "tenant_slug", "environment_name", "reported_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reports_case_entries");

            migrationBuilder.DropTable(
                name: "reports_conversations");

            migrationBuilder.DropTable(
                name: "reports_receipt_counters");

            migrationBuilder.DropTable(
                name: "reports_cases");
        }
    }
}
