using PasKreatif.Payments.Midtrans;
using System.Net;
using System.Text.Json;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Integration.Tests.OrderFlows;
using PasKreatif.Orders;

namespace PasKreatif.Integration.Tests.Payments;

/// <summary>What the Midtrans tests do again and again: a guest's order with its transaction at the fake, and a notification delivered to the shop.</summary>
static class MidtransSteps
{
    public static async Task<(Order Order, MidtransSimulator.Transaction Transaction)> PlaceAsync(MidtransShopFactory factory, string method, string maker, int skip,
        string email, int quantity = 1)
    {
        var order = await OrderSteps.PlaceAsync(factory, method, email, [(maker, skip, quantity)], stock: 5);
        return (order, factory.Midtrans.For(order.Number));
    }

    public static async Task<HttpResponseMessage> DeliverAsync(MidtransShopFactory factory, string notification)
    {
        using var client = factory.CreateClient();
        return await FakeMidtrans.DeliverAsync(client, notification);
    }

    /// <summary>Delivers a notification the shop must answer 200, and reads what it did with it.</summary>
    public static async Task<string> OutcomeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("outcome").GetString()!;
    }
}
