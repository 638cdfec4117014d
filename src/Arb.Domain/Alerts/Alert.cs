namespace Arb.Domain.Alerts;

/// <summary>One message to the owner: a one-line title and a plain-text body. Never carries a secret.</summary>
public sealed record Alert(AlertKind Kind, string Title, string Body, DateTimeOffset Time);
