using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PasKreatif.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ListingOfflineKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OfflineKey",
                table: "Listings",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Listings_MakerId_OfflineKey",
                table: "Listings",
                columns: new[] { "MakerId", "OfflineKey" },
                unique: true,
                filter: "\"OfflineKey\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Listings_MakerId_OfflineKey",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "OfflineKey",
                table: "Listings");
        }
    }
}
