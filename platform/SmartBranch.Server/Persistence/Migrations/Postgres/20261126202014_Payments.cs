using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Payments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payments_discrepancies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    gateway = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    event_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    expected_amount_yen = table.Column<long>(type: "bigint", nullable: false),
                    reported_amount_yen = table.Column<long>(type: "bigint", nullable: false),
                    detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    detected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_discrepancies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    gateway = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    amount_yen = table.Column<long>(type: "bigint", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    checkout_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    checkout_url = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    checkout_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    gateway_payment_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    expired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    refunded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_payments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_webhook_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    gateway = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    event_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_webhook_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_refunds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    payment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    gateway = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    amount_yen = table.Column<long>(type: "bigint", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    gateway_refund_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_refunds", x => x.id);
                    table.ForeignKey(
                        name: "fk_payments_refunds_payments_payments_payment_id",
                        column: x => x.payment_id,
                        principalTable: "payments_payments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_payments_discrepancies_detected_at",
                table: "payments_discrepancies",
                column: "detected_at");

            migrationBuilder.CreateIndex(
                name: "ix_payments_payments_tenant_slug_environment_name_paid_at",
                table: "payments_payments",
                columns: new[] { "tenant_slug", "environment_name", "paid_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_payments_tenant_slug_environment_name_reference",
                table: "payments_payments",
                columns: new[] { "tenant_slug", "environment_name", "reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_refunds_payment_id_requested_at",
                table: "payments_refunds",
                columns: new[] { "payment_id", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_refunds_tenant_slug_environment_name_requested_at",
                table: "payments_refunds",
                columns: new[] { "tenant_slug", "environment_name", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_webhook_events_tenant_slug_environment_name_gatewa",
                table: "payments_webhook_events",
                columns: new[] { "tenant_slug", "environment_name", "gateway", "event_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payments_discrepancies");

            migrationBuilder.DropTable(
                name: "payments_refunds");

            migrationBuilder.DropTable(
                name: "payments_webhook_events");

            migrationBuilder.DropTable(
                name: "payments_payments");
        }
    }
}
