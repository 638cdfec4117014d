using System.Text.Json.Serialization;

namespace Arb.Engine.Learning;

/// <summary>Policy files' JSON, generated at compile time: camelCase, indented, strict about missing and null members.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(PolicyDocument))]
internal sealed partial class PolicyJsonContext : JsonSerializerContext;
