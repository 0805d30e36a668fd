using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Sqlite
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
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    catalog_json = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
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
