using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PasKreatif.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AdminReliability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StorySubmittedAt",
                table: "Makers",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StorySubmittedAt",
                table: "Makers");
        }
    }
}
