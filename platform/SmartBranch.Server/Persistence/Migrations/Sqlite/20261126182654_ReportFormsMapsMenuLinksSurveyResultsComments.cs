using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportFormsMapsMenuLinksSurveyResultsComments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "segments_json",
                table: "surveys_responses",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "photo_public",
                table: "reports_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "submission_key",
                table: "reports_cases",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "photo_public",
                table: "reports_case_entries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "public_comment_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    opens_at = table.Column<long>(type: "INTEGER", nullable: false),
                    closes_at = table.Column<long>(type: "INTEGER", nullable: false),
                    identity_fields = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    opinion_summary = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    city_response = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    published_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_public_comment_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "richmenus_link_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    menu_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    assignment_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    segment_json = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    total = table.Column<int>(type: "INTEGER", nullable: false),
                    done = table.Column<int>(type: "INTEGER", nullable: false),
                    cursor = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    problem = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    finished_at = table.Column<long>(type: "INTEGER", nullable: true),
                    claim_token = table.Column<Guid>(type: "TEXT", nullable: true),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_richmenus_link_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "richmenus_resident_links",
                columns: table => new
                {
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    line_user_id = table.Column<string>(type: "TEXT", maxLength: 33, nullable: false),
                    resident_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    menu_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    linked_at = table.Column<long>(type: "INTEGER", nullable: false),
                    linked_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_richmenus_resident_links", x => new { x.tenant_slug, x.environment_name, x.line_user_id });
                    table.ForeignKey(
                        name: "fk_richmenus_resident_links_richmenus_menus_menu_id",
                        column: x => x.menu_id,
                        principalTable: "richmenus_menus",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "richmenus_segment_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    menu_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    segment_json = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    assigned_at = table.Column<long>(type: "INTEGER", nullable: false),
                    assigned_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_richmenus_segment_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_richmenus_segment_assignments_richmenus_menus_menu_id",
                        column: x => x.menu_id,
                        principalTable: "richmenus_menus",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "surveys_invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    survey_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    delivery_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    requested_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    requested_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_surveys_invitations", x => x.id);
                    table.ForeignKey(
                        name: "fk_surveys_invitations_surveys_surveys_survey_id",
                        column: x => x.survey_id,
                        principalTable: "surveys_surveys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "surveys_reminders",
                columns: table => new
                {
                    survey_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    hours_before_close = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    audience_json = table.Column<string>(type: "TEXT", nullable: true),
                    continuation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    reminded_count = table.Column<int>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    changed_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    changed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    finished_at = table.Column<long>(type: "INTEGER", nullable: true),
                    concurrency_stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_surveys_reminders", x => x.survey_id);
                    table.ForeignKey(
                        name: "fk_surveys_reminders_surveys_surveys_survey_id",
                        column: x => x.survey_id,
                        principalTable: "surveys_surveys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "public_comment_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    media_file_name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    size_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    uploaded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_public_comment_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_public_comment_documents_public_comment_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "public_comment_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "public_comment_opinions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    submission_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    line_user_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    identity_json = table.Column<string>(type: "TEXT", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_public_comment_opinions", x => x.id);
                    table.ForeignKey(
                        name: "fk_public_comment_opinions_public_comment_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "public_comment_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_reports_cases_tenant_slug_environment_name_submission_key",
                table: "reports_cases",
                columns: new[] { "tenant_slug", "environment_name", "submission_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_public_comment_cases_tenant_slug_environment_name_created_at",
                table: "public_comment_cases",
                columns: new[] { "tenant_slug", "environment_name", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_public_comment_documents_case_id_uploaded_at",
                table: "public_comment_documents",
                columns: new[] { "case_id", "uploaded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_public_comment_opinions_case_id_line_user_id",
                table: "public_comment_opinions",
                columns: new[] { "case_id", "line_user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_public_comment_opinions_case_id_submission_key",
                table: "public_comment_opinions",
                columns: new[] { "case_id", "submission_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_public_comment_opinions_case_id_submitted_at",
                table: "public_comment_opinions",
                columns: new[] { "case_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_richmenus_link_runs_state_tenant_slug_environment_name_created_at",
                table: "richmenus_link_runs",
                columns: new[] { "state", "tenant_slug", "environment_name", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_richmenus_resident_links_menu_id",
                table: "richmenus_resident_links",
                column: "menu_id");

            migrationBuilder.CreateIndex(
                name: "ix_richmenus_resident_links_tenant_slug_environment_name_resident_id",
                table: "richmenus_resident_links",
                columns: new[] { "tenant_slug", "environment_name", "resident_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_richmenus_segment_assignments_menu_id",
                table: "richmenus_segment_assignments",
                column: "menu_id");

            migrationBuilder.CreateIndex(
                name: "ix_richmenus_segment_assignments_tenant_slug_environment_name_assigned_at",
                table: "richmenus_segment_assignments",
                columns: new[] { "tenant_slug", "environment_name", "assigned_at" });

            migrationBuilder.CreateIndex(
                name: "ix_surveys_invitations_delivery_id",
                table: "surveys_invitations",
                column: "delivery_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_surveys_invitations_survey_id",
                table: "surveys_invitations",
                column: "survey_id");

            migrationBuilder.CreateIndex(
                name: "ix_surveys_reminders_state",
                table: "surveys_reminders",
                column: "state");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "public_comment_documents");

            migrationBuilder.DropTable(
                name: "public_comment_opinions");

            migrationBuilder.DropTable(
                name: "richmenus_link_runs");

            migrationBuilder.DropTable(
                name: "richmenus_resident_links");

            migrationBuilder.DropTable(
                name: "richmenus_segment_assignments");

            migrationBuilder.DropTable(
                name: "surveys_invitations");

            migrationBuilder.DropTable(
                name: "surveys_reminders");

            migrationBuilder.DropTable(
                name: "public_comment_cases");

            migrationBuilder.DropIndex(
                name: "ix_reports_cases_tenant_slug_environment_name_submission_key",
                table: "reports_cases");

            migrationBuilder.DropColumn(
                name: "segments_json",
                table: "surveys_responses");

            migrationBuilder.DropColumn(
                name: "photo_public",
                table: "reports_cases");

            migrationBuilder.DropColumn(
                name: "submission_key",
                table: "reports_cases");

            migrationBuilder.DropColumn(
                name: "photo_public",
                table: "reports_case_entries");
        }
    }
}
