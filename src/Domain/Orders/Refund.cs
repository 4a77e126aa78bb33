namespace PasKreatif.Orders;

/// <summary>
/// AwaitingAccount (a transfer back needs the buyer's account) → ToSend → Sending (a gateway is
/// asked) → Sent. Only Sent means the money went back; nothing else tells the buyer "refunded".
/// </summary>
public enum RefundStatus { AwaitingAccount, ToSend, Sending, Sent }

/// <summary>How the money goes back: through the gateway that took it, by a transfer an officer sends, or in cash at the group.</summary>
public enum RefundRoute { Gateway, BankTransfer, Cash }

public enum RefundReason { BuyerCancelled, PartCancelled, LinesRefunded, LatePayment, SecondPayment, RefundedAtGateway, WrongAmount }

/// <summary>Why an account the buyer typed was refused.</summary>
public sealed class RefundRuleException(string code) : Exception(code)
{
    public string Code { get; } = code;
}

/// <summary>
/// Money owed back to a buyer, with the lines (and deliveries) it pays back. Created when a paid order
/// or part is cancelled or lines are refunded, or when money arrives for an order that is closed.
/// </summary>
public class Refund
{
    public int Id { get; private set; }
    public int OrderId { get; private set; }
    public int PaymentId { get; private set; }
    public RefundRoute Route { get; private set; }
    public RefundReason Reason { get; private set; }
    public string? Note { get; private set; }
    public Money Amount { get; private set; }
    public RefundStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? CreatedById { get; private set; }
    public string? AccountBank { get; private set; }
    public string? AccountNumber { get; private set; }
    public string? AccountHolder { get; private set; }
    public DateTimeOffset? AccountGivenAt { get; private set; }
    /// <summary>The gateway's refund id, or the reference of the transfer an officer sent back.</summary>
    public string? Reference { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public Guid? SentById { get; private set; }
    /// <summary>How often a gateway was asked; the follow-up job stops retrying after a few.</summary>
    public int GatewayTries { get; private set; }
    public DateTimeOffset? LastTriedAt { get; private set; }
    public string? LastError { get; private set; }
    public List<RefundLine> Lines { get; private set; } = [];

    public const int MaxGatewayTries = 5;

    Refund() { }

    public static Refund Create(int orderId, Payment payment, RefundRoute route, RefundReason reason, string? note, Guid? by, DateTimeOffset now,
        IReadOnlyList<RefundLine> lines, Money? amount = null) => new()
    {
        OrderId = orderId, PaymentId = payment.Id, Route = route, Reason = reason, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        CreatedById = by, CreatedAt = now, Lines = lines.ToList(), Amount = amount ?? Money.Sum(lines.Select(l => l.Amount)),
        Status = route == RefundRoute.BankTransfer ? RefundStatus.AwaitingAccount : RefundStatus.ToSend,
    };

    public bool IsSent => Status == RefundStatus.Sent;

    /// <summary>The buyer says where a transfer back goes; it can be corrected until the money is sent.</summary>
    public void GiveAccount(string? bank, string? number, string? holder, DateTimeOffset now)
    {
        if (Status is RefundStatus.Sent or RefundStatus.Sending) throw new RefundRuleException("AlreadySent");
        if (Route == RefundRoute.Gateway) throw new RefundRuleException("NoAccountNeeded");
        bank = (bank ?? "").Trim();
        holder = (holder ?? "").Trim();
        var digits = new string((number ?? "").Where(char.IsAsciiDigit).ToArray());
        if (bank.Length is < 2 or > 60) throw new RefundRuleException("BankRequired");
        if (digits.Length is < 5 or > 30 || (number ?? "").Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '.')))
            throw new RefundRuleException("AccountNumberInvalid");
        if (holder.Length is < 2 or > 120) throw new RefundRuleException("HolderRequired");
        (AccountBank, AccountNumber, AccountHolder, AccountGivenAt) = (bank, digits, holder, now);
        Status = RefundStatus.ToSend;
    }

    /// <summary>Before a gateway call: marked first, so a webhook arriving meanwhile knows the refund is on its way.</summary>
    public void StartSending(DateTimeOffset now)
    {
        if (Route != RefundRoute.Gateway || Status is not (RefundStatus.ToSend or RefundStatus.Sending)) throw new InvalidOperationException($"Refund {Id} is not waiting for its gateway.");
        Status = RefundStatus.Sending;
        GatewayTries++;
        LastTriedAt = now;
    }

    /// <summary>The gateway took the refund and finishes it later (it tells by webhook).</summary>
    public void WaitForGateway(string? reference)
    {
        Reference = reference ?? Reference;
        LastError = null;
    }

    public void SendingFailed(string error)
    {
        if (Status == RefundStatus.Sending) Status = RefundStatus.ToSend;
        LastError = error.Length > 500 ? error[..500] : error;
    }

    /// <summary>The gateway cannot return this payment: an officer transfers it back to the account the buyer gives.</summary>
    public void RouteByTransfer()
    {
        if (Status == RefundStatus.Sent) return;
        Route = RefundRoute.BankTransfer;
        Status = AccountGivenAt is null ? RefundStatus.AwaitingAccount : RefundStatus.ToSend;
    }

    /// <summary>The money went back (recorded by staff, or <paramref name="atGateway"/>: the gateway says so); false when recorded before.</summary>
    public bool MarkSent(string? reference, Guid? by, DateTimeOffset now, bool atGateway = false)
    {
        if (Status == RefundStatus.Sent) return false;
        if (atGateway) Route = RefundRoute.Gateway;
        else if (Route == RefundRoute.BankTransfer && AccountGivenAt is null) throw new RefundRuleException("NoAccountYet");
        Status = RefundStatus.Sent;
        Reference = string.IsNullOrWhiteSpace(reference) ? Reference : reference.Trim();
        SentById = by;
        SentAt = now;
        LastError = null;
        return true;
    }
}

/// <summary>One line (some of its units) or one part's delivery paid back by a refund.</summary>
public class RefundLine
{
    public int Id { get; private set; }
    public int RefundId { get; private set; }
    public int FulfilmentId { get; private set; }
    /// <summary>Null for the part's delivery cost.</summary>
    public int? OrderLineId { get; private set; }
    public int Quantity { get; private set; }
    public Money Amount { get; private set; }

    RefundLine() { }

    public static RefundLine Units(int fulfilmentId, int orderLineId, int quantity, Money amount) =>
        new() { FulfilmentId = fulfilmentId, OrderLineId = orderLineId, Quantity = quantity, Amount = amount };

    public static RefundLine Delivery(int fulfilmentId, Money amount) =>
        new() { FulfilmentId = fulfilmentId, Quantity = 1, Amount = amount };
}
