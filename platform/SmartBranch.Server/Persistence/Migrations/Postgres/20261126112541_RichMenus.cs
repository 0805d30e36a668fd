using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RichMenus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "richmenus_menus",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    chat_bar_text = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    tab_alias_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    opened_at_first = table.Column<bool>(type: "boolean", nullable: false),
                    width = table.Column<int>(type: "integer", nullable: false),
                    height = table.Column<int>(type: "integer", nullable: false),
                    image_file_name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    areas_json = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    concurrency_stamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_richmenus_menus", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_richmenus_menus_tenant_slug_environment_name_role",
                table: "richmenus_menus",
                columns: new[] { "tenant_slug", "environment_name", "role" });

            migrationBuilder.CreateIndex(
                name: "ix_richmenus_menus_tenant_slug_environment_name_tab_alias_id",
                table: "richmenus_menus",
                columns: new[] { "tenant_slug", "environment_name", "tab_alias_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "richmenus_menus");
        }
    }
}
