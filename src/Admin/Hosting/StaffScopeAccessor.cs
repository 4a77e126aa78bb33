using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using PasKreatif.Organisation;
using PasKreatif.People;
using PasKreatif.Persistence;

namespace PasKreatif.Admin;

/// <summary>The signed-in staff member's <see cref="StaffScope"/>, read once per request.</summary>
public sealed class StaffScopeAccessor(IHttpContextAccessor http, MarketplaceDb db, UserManager<Person> users)
{
    StaffScope? scope;

    public async Task<StaffScope> GetAsync(CancellationToken ct = default)
    {
        if (scope is not null) return scope;
        var user = http.HttpContext?.User ?? throw new InvalidOperationException("No request.");
        var id = Guid.Parse(users.GetUserId(user) ?? throw new InvalidOperationException("Not signed in."));
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value);
        return scope = await StaffScope.ForAsync(db, id, roles, ct);
    }
}
