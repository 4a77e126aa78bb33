using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PasKreatif.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CatalogPerformance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Listings_OnSale_Category_Newest",
                table: "Listings",
                columns: new[] { "CategoryId", "PublishedAt", "Id" },
                filter: "\"Status\" = 'Approved'");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_OnSale_Category_Popular",
                table: "Listings",
                columns: new[] { "CategoryId", "UnitsSold", "Id" },
                filter: "\"Status\" = 'Approved'");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_OnSale_Maker_Popular",
                table: "Listings",
                columns: new[] { "MakerId", "UnitsSold", "Id" },
                filter: "\"Status\" = 'Approved'");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_OnSale_Popular",
                table: "Listings",
                columns: new[] { "UnitsSold", "Id" },
                filter: "\"Status\" = 'Approved'");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_OnSale_Programme_Popular",
                table: "Listings",
                columns: new[] { "ProgrammeId", "UnitsSold", "Id" },
                filter: "\"Status\" = 'Approved'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Listings_OnSale_Category_Newest",
                table: "Listings");

            migrationBuilder.DropIndex(
                name: "IX_Listings_OnSale_Category_Popular",
                table: "Listings");

            migrationBuilder.DropIndex(
                name: "IX_Listings_OnSale_Maker_Popular",
                table: "Listings");

            migrationBuilder.DropIndex(
                name: "IX_Listings_OnSale_Popular",
                table: "Listings");

            migrationBuilder.DropIndex(
                name: "IX_Listings_OnSale_Programme_Popular",
                table: "Listings");
        }
    }
}
