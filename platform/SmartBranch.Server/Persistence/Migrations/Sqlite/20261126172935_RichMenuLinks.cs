using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Sqlite
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    menu_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    assignment_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    segment_json = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    total = table.Column<int>(type: "INTEGER", nullable: false),
                    done = table.Column<int>(type: "INTEGER", nullable: false),
                    cursor = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    problem = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    finished_at = table.Column<long>(type: "INTEGER", nullable: true),
                    claim_token = table.Column<Guid>(type: "TEXT", nullable: true),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_richmenus_link_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "richmenus_resident_links",
                columns: table => new
                {
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    line_user_id = table.Column<string>(type: "TEXT", maxLength: 33, nullable: false),
                    resident_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    menu_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    linked_at = table.Column<long>(type: "INTEGER", nullable: false),
                    linked_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    menu_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    segment_json = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    assigned_at = table.Column<long>(type: "INTEGER", nullable: false),
                    assigned_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
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
                name: "ix_richmenus_link_runs_state_tenant_slug_environment_name_created_at",
                table: "richmenus_link_runs",
                columns: new[] { "state", "tenant_slug", "environment_name", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_richmenus_resident_links_menu_id",
                table: "richmenus_resident_links",
                column: "menu_id");

            migrationBuilder.CreateIndex(
                name: "ix_richmenus_resident_links_tenant_slug_environment_name_resident_id",
                table: "richmenus_resident_links",
                columns: new[] { "tenant_slug", "environment_name", "resident_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_richmenus_segment_assignments_menu_id",
                table: "richmenus_segment_assignments",
                column: "menu_id");

            migrationBuilder.CreateIndex(
                name: "ix_richmenus_segment_assignments_tenant_slug_environment_name_assigned_at",
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
