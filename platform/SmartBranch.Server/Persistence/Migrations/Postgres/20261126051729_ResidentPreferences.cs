using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ResidentPreferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_residents_tenant_slug_environment_name_status",
                table: "residents");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "consent_accepted_at",
                table: "residents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "consent_version",
                table: "residents",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "residents_attribute_values",
                columns: table => new
                {
                    resident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attribute_key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    value_key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_residents_attribute_values", x => new { x.resident_id, x.attribute_key, x.value_key });
                    table.ForeignKey(
                        name: "fk_residents_attribute_values_residents_resident_id",
                        column: x => x.resident_id,
                        principalTable: "residents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "residents_history",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    resident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    details = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_residents_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_residents_history_residents_resident_id",
                        column: x => x.resident_id,
                        principalTable: "residents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_residents_tenant_slug_environment_name_status_line_user_id",
                table: "residents",
                columns: new[] { "tenant_slug", "environment_name", "status", "line_user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_residents_attribute_values_tenant_slug_environment_name_att",
                table: "residents_attribute_values",
                columns: new[] { "tenant_slug", "environment_name", "attribute_key", "value_key", "resident_id" });

            migrationBuilder.CreateIndex(
                name: "ix_residents_history_resident_id_at",
                table: "residents_history",
                columns: new[] { "resident_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "residents_attribute_values");

            migrationBuilder.DropTable(
                name: "residents_history");

            migrationBuilder.DropIndex(
                name: "ix_residents_tenant_slug_environment_name_status_line_user_id",
                table: "residents");

            migrationBuilder.DropColumn(
                name: "consent_accepted_at",
                table: "residents");

            migrationBuilder.DropColumn(
                name: "consent_version",
                table: "residents");

            migrationBuilder.CreateIndex(
                name: "ix_residents_tenant_slug_environment_name_status",
                table: "residents",
                columns: new[] { "tenant_slug", "environment_name", "status" });
        }
    }
}
