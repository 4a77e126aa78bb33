using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace PasKreatif.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CatalogSearchAndBackOfficePaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Listings_SearchVector",
                table: "Listings");

            migrationBuilder.DropIndex(
                name: "IX_Listings_Title_Trigram",
                table: "Listings");

            migrationBuilder.AlterColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "Listings",
                type: "tsvector",
                nullable: true,
                oldClrType: typeof(NpgsqlTsVector),
                oldType: "tsvector",
                oldNullable: true,
                oldComputedColumnSql: "setweight(to_tsvector('indonesian'::regconfig, coalesce(\"Title\", '')), 'A') || setweight(to_tsvector('indonesian'::regconfig, coalesce(\"Description\", '')), 'B')");

            migrationBuilder.CreateTable(
                name: "SearchTerms",
                columns: table => new
                {
                    Term = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchTerms", x => x.Term);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Listings_OnSale_Search",
                table: "Listings",
                column: "SearchVector",
                filter: "\"Status\" = 'Approved'")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_Waiting",
                table: "Listings",
                columns: new[] { "SubmittedAt", "Id" },
                filter: "\"Status\" = 'Submitted'");

            migrationBuilder.CreateIndex(
                name: "IX_ListingRevisions_Waiting",
                table: "ListingRevisions",
                columns: new[] { "SubmittedAt", "Id" },
                filter: "\"Status\" = 'Submitted'");

            migrationBuilder.CreateIndex(
                name: "IX_SearchTerms_Trigram",
                table: "SearchTerms",
                column: "Term")
                .Annotation("Npgsql:IndexMethod", "gist")
                .Annotation("Npgsql:IndexOperators", new[] { "gist_trgm_ops" });
            CatalogSearchIndex.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            CatalogSearchIndex.Down(migrationBuilder);

            migrationBuilder.DropTable(
                name: "SearchTerms");

            migrationBuilder.DropIndex(
                name: "IX_Listings_OnSale_Search",
                table: "Listings");

            migrationBuilder.DropIndex(
                name: "IX_Listings_Waiting",
                table: "Listings");

            migrationBuilder.DropIndex(
                name: "IX_ListingRevisions_Waiting",
                table: "ListingRevisions");

            migrationBuilder.AlterColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "Listings",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('indonesian'::regconfig, coalesce(\"Title\", '')), 'A') || setweight(to_tsvector('indonesian'::regconfig, coalesce(\"Description\", '')), 'B')",
                stored: true,
                oldClrType: typeof(NpgsqlTsVector),
                oldType: "tsvector",
                oldNullable: true);

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
    }
}
