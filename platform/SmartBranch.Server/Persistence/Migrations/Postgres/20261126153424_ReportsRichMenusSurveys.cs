using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportsRichMenusSurveys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "reporter_line_user_id",
                table: "reports_cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);

            migrationBuilder.AlterColumn<string>(
                name: "photo_id",
                table: "reports_cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);

            migrationBuilder.AddColumn<string>(
                name: "media_url",
                table: "reports_cases",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "road",
                table: "reports_cases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "road_manager_key",
                table: "reports_cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "reports_cases",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Line");

            migrationBuilder.AddColumn<string>(
                name: "source_client",
                table: "reports_cases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "forwarded_to",
                table: "reports_case_entries",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "reports_api_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    hint = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reports_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "richmenus_creations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_richmenus_creations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "richmenus_disaster_mode",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    is_on = table.Column<bool>(type: "boolean", nullable: false),
                    switched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    switched_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    draft_delivery_id = table.Column<Guid>(type: "uuid", nullable: true),
                    concurrency_stamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_richmenus_disaster_mode", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "richmenus_file_imports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    file_menu_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    menu_id = table.Column<Guid>(type: "uuid", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_richmenus_file_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "richmenus_promotion_links",
                columns: table => new
                {
                    production_menu_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    staging_menu_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_richmenus_promotion_links", x => x.production_menu_id);
                    table.ForeignKey(
                        name: "fk_richmenus_promotion_links_richmenus_menus_production_menu_id",
                        column: x => x.production_menu_id,
                        principalTable: "richmenus_menus",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "richmenus_publications",
                columns: table => new
                {
                    menu_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    line_rich_menu_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    published_version = table.Column<Guid>(type: "uuid", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    concurrency_stamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_richmenus_publications", x => x.menu_id);
                    table.ForeignKey(
                        name: "fk_richmenus_publications_richmenus_menus_menu_id",
                        column: x => x.menu_id,
                        principalTable: "richmenus_menus",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "surveys_surveys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    opens_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closes_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    one_answer_per_resident = table.Column<bool>(type: "boolean", nullable: false),
                    editable_until_close = table.Column<bool>(type: "boolean", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    form_version = table.Column<int>(type: "integer", nullable: false),
                    respondent_salt = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_surveys_surveys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "surveys_form_versions",
                columns: table => new
                {
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    form_json = table.Column<string>(type: "text", nullable: false),
                    saved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_surveys_form_versions", x => new { x.survey_id, x.version });
                    table.ForeignKey(
                        name: "fk_surveys_form_versions_surveys_surveys_survey_id",
                        column: x => x.survey_id,
                        principalTable: "surveys_surveys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "surveys_respondents",
                columns: table => new
                {
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    respondent_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_surveys_respondents", x => new { x.survey_id, x.respondent_hash });
                    table.ForeignKey(
                        name: "fk_surveys_respondents_surveys_surveys_survey_id",
                        column: x => x.survey_id,
                        principalTable: "surveys_surveys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "surveys_responses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    form_version = table.Column<int>(type: "integer", nullable: false),
                    submission_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    line_user_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    answers_json = table.Column<string>(type: "text", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_surveys_responses", x => x.id);
                    table.ForeignKey(
                        name: "fk_surveys_responses_surveys_surveys_survey_id",
                        column: x => x.survey_id,
                        principalTable: "surveys_surveys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_reports_api_keys_hash",
                table: "reports_api_keys",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reports_api_keys_tenant_slug_environment_name_created_at",
                table: "reports_api_keys",
                columns: new[] { "tenant_slug", "environment_name", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_richmenus_creations_channel_id_created_at",
                table: "richmenus_creations",
                columns: new[] { "channel_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_richmenus_disaster_mode_tenant_slug_environment_name",
                table: "richmenus_disaster_mode",
                columns: new[] { "tenant_slug", "environment_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_richmenus_file_imports_tenant_slug_environment_name_file_me",
                table: "richmenus_file_imports",
                columns: new[] { "tenant_slug", "environment_name", "file_menu_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_richmenus_promotion_links_tenant_slug_environment_name_stag",
                table: "richmenus_promotion_links",
                columns: new[] { "tenant_slug", "environment_name", "staging_menu_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_surveys_responses_survey_id_line_user_id",
                table: "surveys_responses",
                columns: new[] { "survey_id", "line_user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_surveys_responses_survey_id_submission_key",
                table: "surveys_responses",
                columns: new[] { "survey_id", "submission_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_surveys_responses_survey_id_submitted_at",
                table: "surveys_responses",
                columns: new[] { "survey_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_surveys_surveys_tenant_slug_environment_name_created_at",
                table: "surveys_surveys",
                columns: new[] { "tenant_slug", "environment_name", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reports_api_keys");

            migrationBuilder.DropTable(
                name: "richmenus_creations");

            migrationBuilder.DropTable(
                name: "richmenus_disaster_mode");

            migrationBuilder.DropTable(
                name: "richmenus_file_imports");

            migrationBuilder.DropTable(
                name: "richmenus_promotion_links");

            migrationBuilder.DropTable(
                name: "richmenus_publications");

            migrationBuilder.DropTable(
                name: "surveys_form_versions");

            migrationBuilder.DropTable(
                name: "surveys_respondents");

            migrationBuilder.DropTable(
                name: "surveys_responses");

            migrationBuilder.DropTable(
                name: "surveys_surveys");

            migrationBuilder.DropColumn(
                name: "media_url",
                table: "reports_cases");

            migrationBuilder.DropColumn(
                name: "road",
                table: "reports_cases");

            migrationBuilder.DropColumn(
                name: "road_manager_key",
                table: "reports_cases");

            migrationBuilder.DropColumn(
                name: "source",
                table: "reports_cases");

            migrationBuilder.DropColumn(
                name: "source_client",
                table: "reports_cases");

            migrationBuilder.DropColumn(
                name: "forwarded_to",
                table: "reports_case_entries");

            migrationBuilder.AlterColumn<string>(
                name: "reporter_line_user_id",
                table: "reports_cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "photo_id",
                table: "reports_cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40,
                oldNullable: true);
        }
    }
}
