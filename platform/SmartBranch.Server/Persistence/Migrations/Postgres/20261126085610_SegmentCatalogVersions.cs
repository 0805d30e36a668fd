using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SegmentCatalogVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "residents_segment_catalogs",
                columns: table => new
                {
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    catalog_json = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_residents_segment_catalogs", x => new { x.tenant_slug, x.environment_name });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "residents_segment_catalogs");
        }
    }
}
