using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PasKreatif.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CategoryFacetsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Listings_OnSale_Category_Facets",
                table: "Listings",
                column: "CategoryId",
                filter: "\"Status\" = 'Approved'")
                .Annotation("Npgsql:IndexInclude", new[] { "MakerId", "ProgrammeId", "MadeToOrder", "Stock", "Delivery" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Listings_OnSale_Category_Facets",
                table: "Listings");
        }
    }
}
