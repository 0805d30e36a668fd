using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Surveys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "surveys_surveys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    opens_at = table.Column<long>(type: "INTEGER", nullable: false),
                    closes_at = table.Column<long>(type: "INTEGER", nullable: false),
                    anonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    one_answer_per_resident = table.Column<bool>(type: "INTEGER", nullable: false),
                    editable_until_close = table.Column<bool>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    form_version = table.Column<int>(type: "INTEGER", nullable: false),
                    respondent_salt = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_surveys_surveys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "surveys_form_versions",
                columns: table => new
                {
                    survey_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    form_json = table.Column<string>(type: "TEXT", nullable: false),
                    saved_at = table.Column<long>(type: "INTEGER", nullable: false)
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
                    survey_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    respondent_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    environment_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    survey_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    form_version = table.Column<int>(type: "INTEGER", nullable: false),
                    submission_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    line_user_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    answers_json = table.Column<string>(type: "TEXT", nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "surveys_form_versions");

            migrationBuilder.DropTable(
                name: "surveys_respondents");

            migrationBuilder.DropTable(
                name: "surveys_responses");

            migrationBuilder.DropTable(
                name: "surveys_surveys");
        }
    }
}
