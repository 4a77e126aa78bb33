using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PasKreatif.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SearchChangeFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Persistence.SearchChangeFeed.Up(migrationBuilder);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Persistence.SearchChangeFeed.Down(migrationBuilder);
    }
}
