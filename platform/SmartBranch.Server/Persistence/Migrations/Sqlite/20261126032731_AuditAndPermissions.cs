using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditAndPermissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "environments",
                table: "kernel_tenants",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "is_defined_in_files",
                table: "kernel_tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "name",
                table: "kernel_tenants",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "name_en",
                table: "kernel_tenants",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "status_reason",
                table: "kernel_tenants",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "kernel_audit_entries",
                columns: table => new
                {
                    chain = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor_kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    actor_user_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    actor_display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    target_type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    target_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    touches_personal_data = table.Column<bool>(type: "INTEGER", nullable: false),
                    client_ip = table.Column<string>(type: "TEXT", maxLength: 45, nullable: true),
                    previous_hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_audit_entries", x => new { x.chain, x.sequence });
                });

            migrationBuilder.CreateTable(
                name: "kernel_data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", nullable: true),
                    xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_personal_data_access_grants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    operator_user_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    operator_display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    is_emergency = table.Column<bool>(type: "INTEGER", nullable: false),
                    duration_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    requested_at = table.Column<long>(type: "INTEGER", nullable: false),
                    approved_by_user_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    approved_at = table.Column<long>(type: "INTEGER", nullable: true),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revoked_by_user_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    first_used_at = table.Column<long>(type: "INTEGER", nullable: true),
                    expiry_recorded_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_personal_data_access_grants", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_role_permissions",
                columns: table => new
                {
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    permission = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    granted = table.Column<bool>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_role_permissions", x => new { x.tenant_slug, x.role, x.permission });
                });

            migrationBuilder.CreateTable(
                name: "kernel_tenant_line_channels",
                columns: table => new
                {
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    channel_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    protected_channel_secret = table.Column<string>(type: "TEXT", nullable: true),
                    protected_channel_access_token = table.Column<string>(type: "TEXT", nullable: true),
                    api_base_url = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    data_api_base_url = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    login_channel_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    liff_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_tenant_line_channels", x => new { x.tenant_slug, x.environment_name });
                });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_audit_entries_tenant_slug_occurred_at",
                table: "kernel_audit_entries",
                columns: new[] { "tenant_slug", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_personal_data_access_grants_expires_at",
                table: "kernel_personal_data_access_grants",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_kernel_personal_data_access_grants_tenant_slug_operator_user_id",
                table: "kernel_personal_data_access_grants",
                columns: new[] { "tenant_slug", "operator_user_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kernel_audit_entries");

            migrationBuilder.DropTable(
                name: "kernel_data_protection_keys");

            migrationBuilder.DropTable(
                name: "kernel_personal_data_access_grants");

            migrationBuilder.DropTable(
                name: "kernel_role_permissions");

            migrationBuilder.DropTable(
                name: "kernel_tenant_line_channels");

            migrationBuilder.DropColumn(
                name: "environments",
                table: "kernel_tenants");

            migrationBuilder.DropColumn(
                name: "is_defined_in_files",
                table: "kernel_tenants");

            migrationBuilder.DropColumn(
                name: "name",
                table: "kernel_tenants");

            migrationBuilder.DropColumn(
                name: "name_en",
                table: "kernel_tenants");

            migrationBuilder.DropColumn(
                name: "status_reason",
                table: "kernel_tenants");
        }
    }
}
