using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartBranch.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicComments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "public_comment_documents");

            migrationBuilder.DropTable(
                name: "public_comment_opinions");

            migrationBuilder.DropTable(
                name: "public_comment_cases");
        }
    }
}
