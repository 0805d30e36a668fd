using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BroadcastHistorySearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "message_text",
                table: "broadcast_deliveries",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ix_broadcast_deliveries_tenant_slug_environment_name_created_at",
                table: "broadcast_deliveries",
                columns: new[] { "tenant_slug", "environment_name", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_broadcast_deliveries_tenant_slug_environment_name_created_at",
                table: "broadcast_deliveries");

            migrationBuilder.DropColumn(
                name: "message_text",
                table: "broadcast_deliveries");
        }
    }
}
