using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LineApiFailuresAndGrantApprover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "approved_by_display_name",
                table: "kernel_personal_data_access_grants",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "kernel_line_api_failures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    status_code = table.Column<int>(type: "INTEGER", nullable: false),
                    operation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_line_api_failures", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_line_api_failures_occurred_at",
                table: "kernel_line_api_failures",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_kernel_line_api_failures_tenant_slug_occurred_at",
                table: "kernel_line_api_failures",
                columns: new[] { "tenant_slug", "occurred_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kernel_line_api_failures");

            migrationBuilder.DropColumn(
                name: "approved_by_display_name",
                table: "kernel_personal_data_access_grants");
        }
    }
}
