using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Sqlite
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    gateway = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    event_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    expected_amount_yen = table.Column<long>(type: "INTEGER", nullable: false),
                    reported_amount_yen = table.Column<long>(type: "INTEGER", nullable: false),
                    detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    detected_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_discrepancies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    gateway = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    amount_yen = table.Column<long>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    checkout_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    checkout_url = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    checkout_expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    gateway_payment_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    paid_at = table.Column<long>(type: "INTEGER", nullable: true),
                    expired_at = table.Column<long>(type: "INTEGER", nullable: true),
                    refunded_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_payments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_webhook_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    gateway = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    event_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_webhook_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_refunds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    payment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    gateway = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    amount_yen = table.Column<long>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    gateway_refund_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    requested_at = table.Column<long>(type: "INTEGER", nullable: false),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true)
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
                name: "ix_payments_webhook_events_tenant_slug_environment_name_gateway_event_id",
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
