using System.Text;
using PasKreatif.Integration.Tests.Fixtures;

namespace PasKreatif.Integration.Tests.Security;

public class AuthorizationMatrixTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public void Every_route_of_the_app_has_a_row_in_the_route_table()
    {
        var mapped = AppRoutes.Of(factory).Select(r => r.Key).ToHashSet();
        var rows = RouteTable.Rows.Select(r => r.Route).ToList();
        var problems = new StringBuilder();
        foreach (var route in mapped.Where(m => !rows.Contains(m)))
            problems.AppendLine($"Route '{route}' has no row. Add to tests/Integration.Tests/Security/RouteTable.cs:\n" +
                                $"        new(\"{route}\", \"<sample URL>\", \"<anonymous buyer maker mentor officer admin: ok|in|403|404|302>\"),");
        foreach (var row in rows.Where(r => !mapped.Contains(r)))
            problems.AppendLine($"Row '{row}' names no route the app maps: remove it or fix its pattern.");
        foreach (var duplicate in rows.GroupBy(r => r).Where(g => g.Count() > 1))
            problems.AppendLine($"Row '{duplicate.Key}' appears {duplicate.Count()} times.");
        foreach (var row in RouteTable.Rows.Where(r => r.Outcomes.Length != RouteTable.Roles.Length))
            problems.AppendLine($"Row '{row.Route}' needs {RouteTable.Roles.Length} outcomes ({string.Join(' ', RouteTable.Roles)}).");
        Assert.True(problems.Length == 0, problems.ToString());
    }

    [Fact]
    public async Task Every_role_gets_what_the_route_table_says_on_every_route()
    {
        var samples = await RouteSamples.LoadAsync(factory);
        var mismatches = new StringBuilder();
        var actualTable = new StringBuilder();
        var actual = RouteTable.Rows.ToDictionary(r => r, _ => new string[RouteTable.Roles.Length]);
        for (var role = 0; role < RouteTable.Roles.Length; role++)
        {
            using var client = ShopClient.For(factory);
            if (RouteTable.Logins[role] is { } login)
                Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.SignInAsync(login)).StatusCode);
            foreach (var row in RouteTable.Rows)
            {
                var url = RouteSamples.Fill(row.Sample, samples);
                using var response = row.Route.StartsWith("POST ", StringComparison.Ordinal)
                    ? await client.Http.PostAsync(url, new FormUrlEncodedContent([]))
                    : await client.Http.GetAsync(url);
                actual[row][role] = AppRoutes.Outcome(response);
                if (actual[row][role] != row.Outcomes[role])
                    mismatches.AppendLine($"{RouteTable.Roles[role]} on {url} ({row.Route}): expected {row.Outcomes[role]}, got {actual[row][role]}");
            }
        }
        foreach (var row in RouteTable.Rows)
            actualTable.AppendLine($"        new(\"{row.Route}\", \"{row.Sample}\", \"{string.Join(' ', actual[row])}\"),");
        Assert.True(mismatches.Length == 0, mismatches + "\nWhat the app does now:\n" + actualTable);
    }
}
