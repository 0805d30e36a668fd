using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RichMenuLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "richmenus_link_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    menu_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assignment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    segment_json = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    total = table.Column<int>(type: "integer", nullable: false),
                    done = table.Column<int>(type: "integer", nullable: false),
                    cursor = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    problem = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    claim_token = table.Column<Guid>(type: "uuid", nullable: true),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_richmenus_link_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "richmenus_resident_links",
                columns: table => new
                {
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    line_user_id = table.Column<string>(type: "character varying(33)", maxLength: 33, nullable: false),
                    resident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    menu_id = table.Column<Guid>(type: "uuid", nullable: false),
                    linked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    linked_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_richmenus_resident_links", x => new { x.tenant_slug, x.environment_name, x.line_user_id });
                    table.ForeignKey(
                        name: "fk_richmenus_resident_links_richmenus_menus_menu_id",
                        column: x => x.menu_id,
                        principalTable: "richmenus_menus",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "richmenus_segment_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    menu_id = table.Column<Guid>(type: "uuid", nullable: false),
                    segment_json = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    assigned_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_richmenus_segment_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_richmenus_segment_assignments_richmenus_menus_menu_id",
                        column: x => x.menu_id,
                        principalTable: "richmenus_menus",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_richmenus_link_runs_state_tenant_slug_environment_name_crea",
                table: "richmenus_link_runs",
                columns: new[] { "state", "tenant_slug", "environment_name", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_richmenus_resident_links_menu_id",
                table: "richmenus_resident_links",
                column: "menu_id");

            migrationBuilder.CreateIndex(
                name: "ix_richmenus_resident_links_tenant_slug_environment_name_resid",
                table: "richmenus_resident_links",
                columns: new[] { "tenant_slug", "environment_name", "resident_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_richmenus_segment_assignments_menu_id",
                table: "richmenus_segment_assignments",
                column: "menu_id");

            migrationBuilder.CreateIndex(
                name: "ix_richmenus_segment_assignments_tenant_slug_environment_name_",
                table: "richmenus_segment_assignments",
                columns: new[] { "tenant_slug", "environment_name", "assigned_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "richmenus_link_runs");

            migrationBuilder.DropTable(
                name: "richmenus_resident_links");

            migrationBuilder.DropTable(
                name: "richmenus_segment_assignments");
        }
    }
}
