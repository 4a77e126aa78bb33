using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PasKreatif.Persistence.Migrations
{
    /// <summary>
    /// The moderation queue's order (a listing without a submission time last, as ModerationQueue.Far): the first page
    /// walks this instead of sorting every waiting listing (40,000 at a million listings: 233 ms). SQL, since EF cannot
    /// index an expression.
    /// </summary>
    [DbContext(typeof(MarketplaceDb))]
    [Migration("20261207075500_WaitingListingsInQueueOrder")]
    public partial class WaitingListingsInQueueOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("""CREATE INDEX IF NOT EXISTS "IX_Listings_Waiting_QueueOrder" ON "Listings" (COALESCE("SubmittedAt", TIMESTAMPTZ '9999-01-01 00:00:00+00'), "Id") WHERE "Status" = 'Submitted';""");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Listings_Waiting_QueueOrder";""");
    }
}
