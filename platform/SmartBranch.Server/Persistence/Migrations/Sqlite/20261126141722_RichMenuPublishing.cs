using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RichMenuPublishing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "richmenus_creations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    channel_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_richmenus_creations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "richmenus_disaster_mode",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    is_on = table.Column<bool>(type: "INTEGER", nullable: false),
                    switched_at = table.Column<long>(type: "INTEGER", nullable: true),
                    switched_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    draft_delivery_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    concurrency_stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_richmenus_disaster_mode", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "richmenus_file_imports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    file_menu_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    menu_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    imported_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_richmenus_file_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "richmenus_promotion_links",
                columns: table => new
                {
                    production_menu_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    staging_menu_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_richmenus_promotion_links", x => x.production_menu_id);
                    table.ForeignKey(
                        name: "fk_richmenus_promotion_links_richmenus_menus_production_menu_id",
                        column: x => x.production_menu_id,
                        principalTable: "richmenus_menus",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "richmenus_publications",
                columns: table => new
                {
                    menu_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    line_rich_menu_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    published_version = table.Column<Guid>(type: "TEXT", nullable: false),
                    published_at = table.Column<long>(type: "INTEGER", nullable: false),
                    published_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    concurrency_stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_richmenus_publications", x => x.menu_id);
                    table.ForeignKey(
                        name: "fk_richmenus_publications_richmenus_menus_menu_id",
                        column: x => x.menu_id,
                        principalTable: "richmenus_menus",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_richmenus_creations_channel_id_created_at",
                table: "richmenus_creations",
                columns: new[] { "channel_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_richmenus_disaster_mode_tenant_slug_environment_name",
                table: "richmenus_disaster_mode",
                columns: new[] { "tenant_slug", "environment_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_richmenus_file_imports_tenant_slug_environment_name_file_menu_name",
                table: "richmenus_file_imports",
                columns: new[] { "tenant_slug", "environment_name", "file_menu_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_richmenus_promotion_links_tenant_slug_environment_name_staging_menu_id",
                table: "richmenus_promotion_links",
                columns: new[] { "tenant_slug", "environment_name", "staging_menu_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "richmenus_creations");

            migrationBuilder.DropTable(
                name: "richmenus_disaster_mode");

            migrationBuilder.DropTable(
                name: "richmenus_file_imports");

            migrationBuilder.DropTable(
                name: "richmenus_promotion_links");

            migrationBuilder.DropTable(
                name: "richmenus_publications");
        }
    }
}
