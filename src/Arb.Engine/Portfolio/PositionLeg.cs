namespace Arb.Engine.Portfolio;

/// <summary>
/// One leg's position, signed (positive long, negative short), kept as first-in-first-out lots so realised and
/// unrealised PnL are sums of products, exact to the last decimal (an average entry price would divide, and
/// rounding would leak into the ledger). The same arithmetic serves spot and perp: a spot sale beyond what the
/// bot bought is a sale of coin the account already held, tracked as a negative quantity. Fees are kept elsewhere.
/// </summary>
public sealed class PositionLeg
{
    private readonly List<(decimal Quantity, decimal Price)> _lots = [];

    /// <summary>Signed open quantity.</summary>
    public decimal Quantity { get; private set; }

    /// <summary>Average price of the open quantity, for display; 0 when flat.</summary>
    public decimal EntryPrice => Quantity == 0m ? 0m : _lots.Sum(l => l.Quantity * l.Price) / _lots.Sum(l => l.Quantity);

    /// <summary>
    /// What the open lots cost, signed like <see cref="Quantity"/> (sum of quantity × entry price). The cash a leg's
    /// trades moved, fees aside, is exactly <see cref="Realized"/> − this.
    /// </summary>
    public decimal OpenValue
    {
        get
        {
            var sign = Math.Sign(Quantity);
            var total = 0m;
            foreach (var (quantity, price) in _lots)
            {
                total += quantity * price * sign;
            }

            return total;
        }
    }

    /// <summary>Price difference earned on reduced quantity, in quote coin, before fees.</summary>
    public decimal Realized { get; private set; }

    /// <summary>
    /// The open lots, oldest first: unsigned quantity (the leg's sign is <see cref="Quantity"/>'s) and entry price.
    /// A live view: copy it under the same lock that guards <see cref="Apply"/>. The state file saves these.
    /// </summary>
    public IReadOnlyList<(decimal Quantity, decimal Price)> Lots => _lots.AsReadOnly();

    /// <summary>
    /// Replaces the leg with saved state (after a restart): <paramref name="quantity"/> signed, <paramref name="lots"/>
    /// oldest first as <see cref="Lots"/> gives them, so later trades close the same lots at the same prices as the
    /// process that saved them would have. Throws when the lots do not add up to the quantity.
    /// </summary>
    public void Restore(decimal quantity, IEnumerable<(decimal Quantity, decimal Price)> lots, decimal realized)
    {
        ArgumentNullException.ThrowIfNull(lots);
        var restored = lots.ToList();
        var total = 0m;
        foreach (var (lotQuantity, price) in restored)
        {
            if (lotQuantity <= 0m || price < 0m)
            {
                throw new ArgumentException($"a lot of {lotQuantity} at {price} is not a valid lot", nameof(lots));
            }

            total += lotQuantity;
        }

        if (total != Math.Abs(quantity))
        {
            throw new ArgumentException($"lots totalling {total} do not make a position of {quantity}", nameof(lots));
        }

        _lots.Clear();
        _lots.AddRange(restored);
        Quantity = quantity;
        Realized = realized;
    }

    /// <summary>Applies a trade of <paramref name="signedQuantity"/> (positive buys) at <paramref name="price"/>.</summary>
    public void Apply(decimal signedQuantity, decimal price)
    {
        if (signedQuantity == 0m)
        {
            return;
        }

        var side = Math.Sign(signedQuantity);
        if (Quantity == 0m || Math.Sign(Quantity) == side)
        {
            _lots.Add((Math.Abs(signedQuantity), price));
            Quantity += signedQuantity;
            return;
        }

        // Reducing: the oldest lots close first; anything beyond the position opens the other way at this price.
        var held = Math.Sign(Quantity);
        var remaining = Math.Abs(signedQuantity);
        while (remaining > 0m && _lots.Count > 0)
        {
            var (lotQuantity, lotPrice) = _lots[0];
            var take = Math.Min(lotQuantity, remaining);
            Realized += (price - lotPrice) * take * held;
            remaining -= take;
            if (take == lotQuantity)
            {
                _lots.RemoveAt(0);
            }
            else
            {
                _lots[0] = (lotQuantity - take, lotPrice);
            }
        }

        Quantity += signedQuantity;
        if (remaining > 0m)
        {
            _lots.Add((remaining, price));
        }
    }

    /// <summary>What closing the open quantity at <paramref name="mark"/> would realise.</summary>
    public decimal Unrealized(decimal mark)
    {
        var sign = Math.Sign(Quantity);
        var total = 0m;
        foreach (var (quantity, price) in _lots)
        {
            total += (mark - price) * quantity * sign;
        }

        return total;
    }
}
