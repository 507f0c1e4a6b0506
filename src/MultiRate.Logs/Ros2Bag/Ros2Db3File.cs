using Microsoft.Data.Sqlite;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Ros2Bag;

/// <summary>
/// One rosbag2 sqlite3 file (<c>.db3</c>), opened read-only: its topics, stored message definitions
/// (schema version 4 and later) and its messages in log-time order (row order on ties), streamed.
/// </summary>
/// <remarks>Every SQLite error becomes a <see cref="LogFormatException"/> naming the file.</remarks>
internal sealed class Ros2Db3File
{
    private readonly string connectionString;

    private Ros2Db3File(string path, string connectionString, IReadOnlyList<Ros2Db3Topic> topics, IReadOnlyDictionary<string, string> definitions)
    {
        Path = path;
        this.connectionString = connectionString;
        Topics = topics;
        Definitions = definitions;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Topics with counts and time ranges.</summary>
    public IReadOnlyList<Ros2Db3Topic> Topics { get; }

    /// <summary>Stored <c>ros2msg</c> definitions by type name (empty for files without a message_definitions table).</summary>
    public IReadOnlyDictionary<string, string> Definitions { get; }

    /// <summary>Opens the file and reads its tables of topics and definitions.</summary>
    /// <exception cref="LogFormatException">The file is not a readable rosbag2 database.</exception>
    public static Ros2Db3File Open(string path)
    {
        // Pooling off: the file (possibly a temporary decompressed copy) is released when reading ends.
        string cs = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        return Guard(path, "tables", () =>
        {
            using var connection = new SqliteConnection(cs);
            connection.Open();
            var tables = new HashSet<string>(StringComparer.Ordinal);
            using (SqliteCommand list = Command(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"))
            using (SqliteDataReader r = list.ExecuteReader())
            {
                while (r.Read())
                {
                    tables.Add(r.GetString(0));
                }
            }

            if (!tables.Contains("topics") || !tables.Contains("messages"))
            {
                throw new LogFormatException(path, -1, "sqlite3 tables", $"the rosbag2 tables 'topics' and 'messages', found {(tables.Count == 0 ? "none" : string.Join(", ", tables.Order(StringComparer.Ordinal)))}");
            }

            return new Ros2Db3File(path, cs, ReadTopics(path, connection), tables.Contains("message_definitions") ? ReadDefinitions(connection) : new Dictionary<string, string>());
        });
    }

    /// <summary>Streams raw messages (topic id, log time, payload) in log-time order, within [start, end].</summary>
    /// <param name="topicIds">Only these topics, or every topic when null.</param>
    /// <param name="startNs">Earliest log time.</param>
    /// <param name="endNs">Latest log time.</param>
    public IEnumerable<(long TopicId, long LogTimeNs, byte[] Data)> ReadMessages(IReadOnlyCollection<long>? topicIds, long startNs, long endNs)
    {
        using var connection = new SqliteConnection(connectionString);
        Guard(Path, "messages", () => connection.Open());
        string filter = topicIds is null ? string.Empty : $" AND topic_id IN ({string.Join(',', topicIds)})";
        using SqliteCommand command = Command(connection, $"SELECT id, topic_id, timestamp, data FROM messages WHERE timestamp >= $s AND timestamp <= $e{filter} ORDER BY timestamp, id");
        command.Parameters.AddWithValue("$s", startNs);
        command.Parameters.AddWithValue("$e", endNs);
        using SqliteDataReader reader = Guard(Path, "messages", command.ExecuteReader);
        while (Guard(Path, "messages", reader.Read))
        {
            (long TopicId, long LogTimeNs, byte[] Data) row = Guard(Path, "messages", () =>
            {
                long id = reader.GetInt64(0);
                long time = reader.GetInt64(2);
                if (time < 0)
                {
                    throw new LogFormatException(Path, -1, $"messages row id {id}", $"a log time of at least 0 ns, not {time}");
                }

                byte[] data = reader.IsDBNull(3) ? [] : (byte[])reader.GetValue(3);
                return (reader.GetInt64(1), time, data);
            });
            yield return row;
        }
    }

    private static List<Ros2Db3Topic> ReadTopics(string path, SqliteConnection connection)
    {
        var stats = new Dictionary<long, (long Count, long First, long Last)>();
        using (SqliteCommand summary = Command(connection, "SELECT topic_id, COUNT(*), MIN(timestamp), MAX(timestamp) FROM messages GROUP BY topic_id"))
        using (SqliteDataReader r = summary.ExecuteReader())
        {
            while (r.Read())
            {
                long first = r.GetInt64(2);
                if (first < 0)
                {
                    throw new LogFormatException(path, -1, $"messages of topic id {r.GetInt64(0)}", $"log times of at least 0 ns, not {first}");
                }

                stats[r.GetInt64(0)] = (r.GetInt64(1), first, r.GetInt64(3));
            }
        }

        var topics = new List<Ros2Db3Topic>();
        using SqliteCommand command = Command(connection, "SELECT id, name, type, serialization_format FROM topics ORDER BY id");
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            long id = reader.GetInt64(0);
            (long count, long first, long last) = stats.GetValueOrDefault(id);
            topics.Add(new Ros2Db3Topic(id, Text(reader, 1), Text(reader, 2), Text(reader, 3), count, first, last));
        }

        long orphan = stats.Keys.FirstOrDefault(id => topics.TrueForAll(t => t.Id != id), long.MinValue);
        if (orphan != long.MinValue)
        {
            throw new LogFormatException(path, -1, "messages", $"every topic_id in the topics table, but {orphan} is not there");
        }

        return topics;
    }

    private static Dictionary<string, string> ReadDefinitions(SqliteConnection connection)
    {
        var definitions = new Dictionary<string, string>(StringComparer.Ordinal);
        using SqliteCommand command = Command(connection, "SELECT topic_type, encoding, encoded_message_definition FROM message_definitions");
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            // Only ros2msg text is understood here; idl or empty rows fall back to shipped definitions.
            string text = Text(reader, 2);
            if (Text(reader, 1) == "ros2msg" && text.Trim().Length > 0)
            {
                definitions[Text(reader, 0)] = text;
            }
        }

        return definitions;
    }

    private static string Text(SqliteDataReader reader, int column) =>
        reader.IsDBNull(column) ? string.Empty : Convert.ToString(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static void Guard(string path, string what, Action action) => Guard(path, what, () =>
    {
        action();
        return true;
    });

    private static T Guard<T>(string path, string what, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException ex)
        {
            throw new LogFormatException(path, -1, $"sqlite3 {what}", $"a readable rosbag2 sqlite3 database (SQLite error {ex.SqliteErrorCode}: {ex.Message})");
        }
        catch (Exception ex) when (ex is InvalidCastException or InvalidOperationException or FormatException)
        {
            // NULLs or values of the wrong kind where rosbag2 writes integers, text and blobs.
            throw new LogFormatException(path, -1, $"sqlite3 {what}", $"rosbag2 column types and no NULLs ({ex.Message})");
        }
        catch (OverflowException ex)
        {
            throw new LogFormatException(path, -1, $"sqlite3 {what}", $"integer columns that fit 64 bits ({ex.Message})");
        }
    }
}
