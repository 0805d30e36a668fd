using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApplicationsPayments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "applications_applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    receipt_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    submission_key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    type_key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    department_key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    line_user_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    form_data = table.Column<string>(type: "TEXT", nullable: true),
                    copies = table.Column<int>(type: "INTEGER", nullable: false),
                    postage_key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    fee_per_copy = table.Column<int>(type: "INTEGER", nullable: true),
                    postage_fee = table.Column<int>(type: "INTEGER", nullable: true),
                    total_amount = table.Column<int>(type: "INTEGER", nullable: true),
                    retention_days = table.Column<int>(type: "INTEGER", nullable: false),
                    signed_document = table.Column<string>(type: "TEXT", nullable: true),
                    signature = table.Column<byte[]>(type: "BLOB", nullable: true),
                    signer_certificate = table.Column<string>(type: "TEXT", nullable: true),
                    certificate_serial_number = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    verified_identity = table.Column<string>(type: "TEXT", nullable: true),
                    verification_outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    verified_at = table.Column<long>(type: "INTEGER", nullable: true),
                    signing_session_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    payment_reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    payment_expired_at = table.Column<long>(type: "INTEGER", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    rejection_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    received_at = table.Column<long>(type: "INTEGER", nullable: true),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    purge_due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    personal_data_purged_at = table.Column<long>(type: "INTEGER", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_applications_applications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "applications_fee_overrides",
                columns: table => new
                {
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    amount = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_applications_fee_overrides", x => new { x.tenant_slug, x.environment_name, x.kind, x.key });
                });

            migrationBuilder.CreateTable(
                name: "applications_receipt_counters",
                columns: table => new
                {
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_applications_receipt_counters", x => new { x.tenant_slug, x.environment_name, x.year });
                });

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
                name: "applications_history",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    application_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    staff_user_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    staff_display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    from_status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    to_status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_applications_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_applications_history_applications_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "ix_applications_applications_purge_due_at",
                table: "applications_applications",
                column: "purge_due_at");

            migrationBuilder.CreateIndex(
                name: "ix_applications_applications_tenant_slug_environment_name_department_key_status_received_at",
                table: "applications_applications",
                columns: new[] { "tenant_slug", "environment_name", "department_key", "status", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_applications_tenant_slug_environment_name_line_user_id_status",
                table: "applications_applications",
                columns: new[] { "tenant_slug", "environment_name", "line_user_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_applications_tenant_slug_environment_name_payment_reference",
                table: "applications_applications",
                columns: new[] { "tenant_slug", "environment_name", "payment_reference" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_applications_tenant_slug_environment_name_receipt_number",
                table: "applications_applications",
                columns: new[] { "tenant_slug", "environment_name", "receipt_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_applications_applications_tenant_slug_environment_name_submission_key",
                table: "applications_applications",
                columns: new[] { "tenant_slug", "environment_name", "submission_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_applications_history_application_id_at",
                table: "applications_history",
                columns: new[] { "application_id", "at" });

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
                name: "applications_fee_overrides");

            migrationBuilder.DropTable(
                name: "applications_history");

            migrationBuilder.DropTable(
                name: "applications_receipt_counters");

            migrationBuilder.DropTable(
                name: "payments_discrepancies");

            migrationBuilder.DropTable(
                name: "payments_refunds");

            migrationBuilder.DropTable(
                name: "payments_webhook_events");

            migrationBuilder.DropTable(
                name: "applications_applications");

            migrationBuilder.DropTable(
                name: "payments_payments");
        }
    }
}
