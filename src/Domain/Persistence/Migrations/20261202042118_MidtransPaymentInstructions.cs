using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PasKreatif.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MidtransPaymentInstructions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BillerCode",
                table: "PaymentAttempts",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeepLink",
                table: "PaymentAttempts",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PayCode",
                table: "PaymentAttempts",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QrString",
                table: "PaymentAttempts",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BillerCode",
                table: "PaymentAttempts");

            migrationBuilder.DropColumn(
                name: "DeepLink",
                table: "PaymentAttempts");

            migrationBuilder.DropColumn(
                name: "PayCode",
                table: "PaymentAttempts");

            migrationBuilder.DropColumn(
                name: "QrString",
                table: "PaymentAttempts");
        }
    }
}
