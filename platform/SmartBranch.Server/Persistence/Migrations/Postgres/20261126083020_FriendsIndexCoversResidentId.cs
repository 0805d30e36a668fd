using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FriendsIndexCoversResidentId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_residents_tenant_slug_environment_name_status_line_user_id",
                table: "residents");

            migrationBuilder.CreateIndex(
                name: "ix_residents_tenant_slug_environment_name_status_line_user_id_",
                table: "residents",
                columns: new[] { "tenant_slug", "environment_name", "status", "line_user_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_residents_tenant_slug_environment_name_status_line_user_id_",
                table: "residents");

            migrationBuilder.CreateIndex(
                name: "ix_residents_tenant_slug_environment_name_status_line_user_id",
                table: "residents",
                columns: new[] { "tenant_slug", "environment_name", "status", "line_user_id" });
        }
    }
}
