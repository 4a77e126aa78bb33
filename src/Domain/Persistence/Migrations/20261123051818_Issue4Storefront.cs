using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace PasKreatif.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Issue4Storefront : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "Listings",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('indonesian'::regconfig, coalesce(\"Title\", '')), 'A') || setweight(to_tsvector('indonesian'::regconfig, coalesce(\"Description\", '')), 'B')",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_Listings_SearchVector",
                table: "Listings",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_Title_Trigram",
                table: "Listings",
                column: "Title")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Listings_SearchVector",
                table: "Listings");

            migrationBuilder.DropIndex(
                name: "IX_Listings_Title_Trigram",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "SearchVector",
                table: "Listings");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
