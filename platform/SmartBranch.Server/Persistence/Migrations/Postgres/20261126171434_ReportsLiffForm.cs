using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportsLiffForm : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "submission_key",
                table: "reports_cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_reports_cases_tenant_slug_environment_name_submission_key",
                table: "reports_cases",
                columns: new[] { "tenant_slug", "environment_name", "submission_key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_reports_cases_tenant_slug_environment_name_submission_key",
                table: "reports_cases");

            migrationBuilder.DropColumn(
                name: "submission_key",
                table: "reports_cases");
        }
    }
}
