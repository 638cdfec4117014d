using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Arb.UnitTests.Support;

/// <summary>
/// Compares the shape of a JSON document with a reference one (a fixture): every key of the fixture must be in
/// the actual document with the same kind of value (string, number, bool, object, array, null); values
/// themselves are not compared. Paths read like <c>$.result.list[0].symbol</c>.
/// </summary>
/// <remarks>
/// Arrays: an array the fixture fills must not be empty in the actual document. Each actual element is
/// compared with the fixture element at the same index, or the fixture's last one beyond it; so a list of rows
/// is checked row by row against the fixture's rows, and a tuple such as Bybit's <c>[price, size]</c> position
/// by position. Arrays of scalars are such tuples and must have the fixture's length.
/// ccxt recordings store the envelope's <c>retCode</c>/<c>time</c> and the book's <c>ts</c>/<c>u</c>/<c>seq</c>
/// as strings although Bybit sends numbers; at exactly those paths a fixture string holding an integer accepts a
/// number. Ignored paths skip their whole subtree; an index in them matches any index.
/// </remarks>
public static partial class JsonShape
{
    private static readonly HashSet<string> IntegerStringPaths =
        ["$.retCode", "$.time", "$.result.ts", "$.result.u", "$.result.seq"];

    /// <summary>Fails when a fixture key is missing from <paramref name="actualJson"/> or holds another kind of value.</summary>
    public static void AssertSameShape(string fixtureJson, string actualJson, params string[] ignoredPaths) =>
        Check(fixtureJson, actualJson, ignoredPaths, exactKeys: false);

    /// <summary>As <see cref="AssertSameShape"/>, and also fails on keys the fixture does not have.</summary>
    public static void AssertExactShape(string fixtureJson, string actualJson, params string[] ignoredPaths) =>
        Check(fixtureJson, actualJson, ignoredPaths, exactKeys: true);

    private static void Check(string fixtureJson, string actualJson, string[] ignoredPaths, bool exactKeys)
    {
        using var fixture = JsonDocument.Parse(fixtureJson);
        using var actual = JsonDocument.Parse(actualJson);
        var walk = new Walk([.. ignoredPaths.Select(AnyIndex)], exactKeys);
        walk.Compare(fixture.RootElement, actual.RootElement, "$");
        if (walk.Problems.Count > 0)
        {
            Assert.Fail($"JSON shape differs from the fixture:{Environment.NewLine}{string.Join(Environment.NewLine, walk.Problems)}");
        }
    }

    private static string AnyIndex(string path) => IndexPattern().Replace(path, "[*]");

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Number => "number",
        JsonValueKind.String => "string",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    private static bool IsScalar(JsonElement element) =>
        element.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex IndexPattern();

    private sealed class Walk(HashSet<string> ignored, bool exactKeys)
    {
        public List<string> Problems { get; } = [];

        public void Compare(JsonElement expected, JsonElement actual, string path)
        {
            if (ignored.Contains(AnyIndex(path)))
            {
                return;
            }

            var expectedKind = Kind(expected.ValueKind);
            var actualKind = Kind(actual.ValueKind);
            if (expectedKind != actualKind)
            {
                if (!IsRecordedInteger(expected, actual, path))
                {
                    Problems.Add($"{path}: fixture has a {expectedKind}, actual has a {actualKind}");
                }

                return;
            }

            if (expected.ValueKind == JsonValueKind.Object)
            {
                CompareObjects(expected, actual, path);
            }
            else if (expected.ValueKind == JsonValueKind.Array)
            {
                CompareArrays(expected, actual, path);
            }
        }

        private void CompareObjects(JsonElement expected, JsonElement actual, string path)
        {
            foreach (var property in expected.EnumerateObject())
            {
                var childPath = $"{path}.{property.Name}";
                if (actual.TryGetProperty(property.Name, out var value))
                {
                    Compare(property.Value, value, childPath);
                }
                else if (!ignored.Contains(AnyIndex(childPath)))
                {
                    Problems.Add($"{childPath}: missing (fixture has a {Kind(property.Value.ValueKind)})");
                }
            }

            if (!exactKeys)
            {
                return;
            }

            foreach (var property in actual.EnumerateObject())
            {
                var childPath = $"{path}.{property.Name}";
                if (!expected.TryGetProperty(property.Name, out _) && !ignored.Contains(AnyIndex(childPath)))
                {
                    Problems.Add($"{childPath}: not in the fixture");
                }
            }
        }

        private void CompareArrays(JsonElement expected, JsonElement actual, string path)
        {
            var expectedLength = expected.GetArrayLength();
            if (expectedLength == 0)
            {
                return;
            }

            var actualLength = actual.GetArrayLength();
            if (actualLength == 0)
            {
                Problems.Add($"{path}: empty, fixture has {expectedLength} element(s)");
                return;
            }

            if (expected.EnumerateArray().All(IsScalar) && actualLength != expectedLength)
            {
                Problems.Add($"{path}: {actualLength} element(s), fixture's tuple has {expectedLength}");
                return;
            }

            for (var i = 0; i < actualLength; i++)
            {
                Compare(expected[Math.Min(i, expectedLength - 1)], actual[i], $"{path}[{i}]");
            }
        }

        private static bool IsRecordedInteger(JsonElement expected, JsonElement actual, string path) =>
            IntegerStringPaths.Contains(path)
            && expected.ValueKind == JsonValueKind.String
            && long.TryParse(expected.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            && actual.ValueKind == JsonValueKind.Number;
    }
}
