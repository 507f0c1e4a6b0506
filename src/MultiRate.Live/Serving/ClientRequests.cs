using System.Text.Json;
using MultiRate.Live.Parameters;
using MultiRate.Live.Protocol;

namespace MultiRate.Live.Serving;

/// <summary>
/// A client's requests: <c>subscribe</c>, <c>unsubscribe</c>, <c>getParameters</c>, <c>setParameters</c>,
/// <c>subscribeParameterUpdates</c> and <c>unsubscribeParameterUpdates</c>. Anything else, and any
/// malformed request, is answered with a status error naming it.
/// </summary>
/// <remarks>Runs on the client's receive loop (thread pool), never on a clock thread.</remarks>
internal sealed class ClientRequests
{
    private readonly LiveHub _hub;
    private readonly ProfileParameters _parameters;
    private readonly int _channels;

    public ClientRequests(LiveHub hub, ProfileParameters parameters, int channels)
    {
        _hub = hub;
        _parameters = parameters;
        _channels = channels;
    }

    /// <summary>Handles one text message from <paramref name="client"/>.</summary>
    internal void Handle(LiveClient client, ReadOnlySpan<byte> message)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(message);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            Refuse(client, $"the message is not JSON ({ex.Message})");
            return;
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            string? op = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("op", out JsonElement o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
            try
            {
                Dispatch(client, op, root);
            }
            catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or FormatException)
            {
                // A field of the wrong type or missing: the protocol's own error, not the server's.
                Refuse(client, $"malformed '{op}' message: {ex.Message}");
            }
        }
    }

    private void Dispatch(LiveClient client, string? op, JsonElement root)
    {
        switch (op)
        {
            case "subscribe":
                foreach (JsonElement s in root.GetProperty("subscriptions").EnumerateArray())
                {
                    uint id = s.GetProperty("id").GetUInt32();
                    uint channelId = s.GetProperty("channelId").GetUInt32();
                    int channel = (int)channelId - 1;
                    string? why = channel >= 0 && channel < _channels ? client.Subscribe(id, channel) : $"channel {channelId} is not advertised";
                    if (why is not null)
                    {
                        Refuse(client, $"subscribe {id} refused: {why}");
                    }
                }

                break;
            case "unsubscribe":
                foreach (JsonElement s in root.GetProperty("subscriptionIds").EnumerateArray())
                {
                    uint id = s.GetUInt32();
                    if (!client.Unsubscribe(id))
                    {
                        Refuse(client, $"unsubscribe {id} refused: no such subscription", FoxgloveProtocol.Warning);
                    }
                }

                break;
            case "getParameters":
                client.EnqueueText(ServerMessages.ParameterValues(_parameters.Get(Names(root, "parameterNames")), Id(root)));
                break;
            case "setParameters":
                SetParameters(client, root);
                break;
            case "subscribeParameterUpdates":
            case "unsubscribeParameterUpdates":
                client.SubscribeParameters(Names(root, "parameterNames"), op == "subscribeParameterUpdates");
                break;
            default:
                Refuse(client, op is null
                    ? "a message without an 'op' is not part of foxglove.websocket.v1"
                    : $"'{op}' is not supported by this server (its capabilities: {FoxgloveProtocol.Parameters}, {FoxgloveProtocol.ParametersSubscribe}; it publishes channels and takes none)");
                break;
        }
    }

    private void SetParameters(LiveClient client, JsonElement root)
    {
        var edits = new List<KeyValuePair<string, JsonElement>>();
        foreach (JsonElement p in root.GetProperty("parameters").EnumerateArray())
        {
            JsonElement value = p.TryGetProperty("value", out JsonElement v) ? v : default;
            edits.Add(new(p.GetProperty("name").GetString()!, value));
        }

        ParameterEdit edit = _parameters.Set(edits);
        string? id = Id(root);
        if (edit.Refused)
        {
            Refuse(client, edit.Error!);
        }
        else if (edit.Changed.Count > 0)
        {
            foreach (LiveClient c in _hub.Clients)
            {
                List<string> watched = c.SubscribedParameters(edit.Changed);
                if (watched.Count > 0)
                {
                    c.EnqueueText(ServerMessages.ParameterValues(_parameters.Get(watched), null));
                }
            }
        }

        if (id is not null)
        {
            // The spec's answer to a set with an id: the values now in force (unchanged when refused).
            client.EnqueueText(ServerMessages.ParameterValues(_parameters.Get([.. edits.Select(e => e.Key)]), id));
        }
    }

    public static void Refuse(LiveClient client, string message, int level = FoxgloveProtocol.Error) =>
        client.EnqueueText(ServerMessages.Status(level, message));

    private static string[] Names(JsonElement root, string property) =>
        root.TryGetProperty(property, out JsonElement names) ? [.. names.EnumerateArray().Select(n => n.GetString()!)] : [];

    private static string? Id(JsonElement root) =>
        root.TryGetProperty("id", out JsonElement id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
}
