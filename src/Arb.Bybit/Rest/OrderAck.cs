namespace Arb.Bybit.Rest;

/// <summary>
/// Bybit's answer to a create or cancel: only that the request was accepted. The outcome arrives later on the
/// private <c>order</c>/<c>execution</c> streams or through <see cref="BybitTradingApi.GetOrderAsync"/>.
/// </summary>
public sealed record OrderAck(string OrderId, string OrderLinkId);
