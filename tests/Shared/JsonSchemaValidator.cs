using System.Text.Json;
using System.Text.Json.Nodes;

namespace MultiRate.Tests.Shared;

/// <summary>
/// Validates JSON against a JSON Schema (draft 2020-12), for the subset the project's schemas use:
/// <c>type</c> (one or a list; an integer is also a number), <c>properties</c>, <c>required</c>,
/// <c>additionalProperties</c> (false or a schema), <c>items</c>, <c>enum</c> and local <c>$ref</c>s
/// (<c>#/$defs/name</c>). A keyword outside the subset is reported as an error, so a schema cannot
/// silently use more than this checks.
/// </summary>
internal static class JsonSchemaValidator
{
    private static readonly HashSet<string> Known =
        ["$schema", "title", "description", "type", "properties", "required", "additionalProperties", "items", "enum", "$ref", "$defs"];

    /// <summary>Every way <paramref name="value"/> fails <paramref name="schema"/>, with its JSON path; empty when it conforms.</summary>
    public static List<string> Errors(JsonObject schema, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var errors = new List<string>();
        Check(schema, schema, value, "$", errors);
        return errors;
    }

    /// <summary>The JSON type name of a value, as the schema's <c>type</c> spells it.</summary>
    public static string TypeOf(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => IsInteger(value.ToJsonString()) ? "integer" : "number",
        _ => "unknown",
    };

    private static void Check(JsonObject root, JsonObject schema, JsonNode? value, string where, List<string> errors)
    {
        foreach (string keyword in schema.Select(p => p.Key).Where(k => !Known.Contains(k)))
        {
            errors.Add($"{where}: schema keyword '{keyword}' is outside the checked subset");
        }

        if (schema["$ref"] is JsonValue reference)
        {
            string target = (string)reference!;
            const string Prefix = "#/$defs/";
            if (!target.StartsWith(Prefix, StringComparison.Ordinal) || root["$defs"]?[target[Prefix.Length..]] is not JsonObject resolved)
            {
                errors.Add($"{where}: unresolved $ref '{target}'");
                return;
            }

            Check(root, resolved, value, where, errors);
        }

        if (schema["type"] is JsonNode type)
        {
            string[] allowed = type is JsonArray list ? [.. list.Select(t => (string)t!)] : [(string)type!];
            string actual = TypeOf(value);
            if (!allowed.Contains(actual) && !(actual == "integer" && allowed.Contains("number")))
            {
                errors.Add($"{where}: {actual} is not {string.Join('|', allowed)}");
                return;
            }
        }

        if (schema["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(o, value)))
        {
            errors.Add($"{where}: {value?.ToJsonString() ?? "null"} is not one of {options.ToJsonString()}");
        }

        if (value is JsonObject obj)
        {
            CheckObject(root, schema, obj, where, errors);
        }

        if (value is JsonArray array && schema["items"] is JsonObject items)
        {
            for (int i = 0; i < array.Count; i++)
            {
                Check(root, items, array[i], $"{where}[{i}]", errors);
            }
        }
    }

    private static void CheckObject(JsonObject root, JsonObject schema, JsonObject obj, string where, List<string> errors)
    {
        JsonObject properties = schema["properties"] as JsonObject ?? [];
        foreach (JsonNode? required in schema["required"] as JsonArray ?? [])
        {
            if (!obj.ContainsKey((string)required!))
            {
                errors.Add($"{where}: lacks required '{required}'");
            }
        }

        foreach ((string name, JsonNode? field) in obj)
        {
            if (properties[name] is JsonObject property)
            {
                Check(root, property, field, $"{where}.{name}", errors);
            }
            else if (schema["additionalProperties"] is JsonObject extra)
            {
                Check(root, extra, field, $"{where}.{name}", errors);
            }
            else if (schema["additionalProperties"] is JsonValue allowed && !(bool)allowed)
            {
                errors.Add($"{where}: '{name}' is not in the schema");
            }
        }
    }

    private static bool IsInteger(string number) =>
        !number.Contains('.', StringComparison.Ordinal) && !number.Contains('e', StringComparison.OrdinalIgnoreCase);
}
