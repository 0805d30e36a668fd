using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BroadcastTestAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "broadcast_test_account_codes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    staff_user_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    staff_display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_broadcast_test_account_codes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "broadcast_test_accounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    line_user_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    line_display_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    staff_user_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    staff_display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_broadcast_test_accounts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_broadcast_test_account_codes_tenant_slug_environment_name_c",
                table: "broadcast_test_account_codes",
                columns: new[] { "tenant_slug", "environment_name", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_broadcast_test_account_codes_tenant_slug_environment_name_s",
                table: "broadcast_test_account_codes",
                columns: new[] { "tenant_slug", "environment_name", "staff_user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_broadcast_test_accounts_tenant_slug_environment_name_line_u",
                table: "broadcast_test_accounts",
                columns: new[] { "tenant_slug", "environment_name", "line_user_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "broadcast_test_account_codes");

            migrationBuilder.DropTable(
                name: "broadcast_test_accounts");
        }
    }
}
