using Microsoft.Data.Sqlite;

namespace MultiRate.Logs.Tests.Ros2Bag;

/// <summary>The shipped bags and a writer for small rosbag2 sqlite3 files built in a test.</summary>
internal static class Ros2BagTestData
{
    public static string Folder(string name) => Path.Combine(ULog.RepoPaths.Root, "tests", "data", name);

    /// <summary>A std_msgs/msg/String CDR payload (little endian), padded to 4 bytes as rosbag2 writes it.</summary>
    public static byte[] StringPayload(string text)
    {
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(text);
        var bytes = new List<byte> { 0, 1, 0, 0 };
        bytes.AddRange(BitConverter.GetBytes(utf8.Length + 1));
        bytes.AddRange(utf8);
        bytes.Add(0);
        while (bytes.Count % 4 != 0)
        {
            bytes.Add(0);
        }

        return [.. bytes];
    }

    /// <summary>Writes a db3 with the rosbag2 tables (and message_definitions when <paramref name="definitions"/> is given).</summary>
    public static void WriteDb3(
        string path,
        IEnumerable<(long Id, string Name, string Type)> topics,
        IEnumerable<(long TopicId, long Time, byte[] Data)> messages,
        IEnumerable<(string Type, string Text)>? definitions = null)
    {
        string cs = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
        using var connection = new SqliteConnection(cs);
        connection.Open();
        Execute(connection, "CREATE TABLE topics(id INTEGER PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, serialization_format TEXT NOT NULL, offered_qos_profiles TEXT NOT NULL)");
        Execute(connection, "CREATE TABLE messages(id INTEGER PRIMARY KEY, topic_id INTEGER NOT NULL, timestamp INTEGER NOT NULL, data BLOB NOT NULL)");
        foreach ((long id, string name, string type) in topics)
        {
            Execute(connection, "INSERT INTO topics VALUES ($1, $2, $3, 'cdr', '')", id, name, type);
        }

        foreach ((long topicId, long time, byte[] data) in messages)
        {
            Execute(connection, "INSERT INTO messages(topic_id, timestamp, data) VALUES ($1, $2, $3)", topicId, time, data);
        }

        if (definitions is not null)
        {
            Execute(connection, "CREATE TABLE message_definitions(id INTEGER PRIMARY KEY, topic_type TEXT NOT NULL, encoding TEXT NOT NULL, encoded_message_definition TEXT NOT NULL, type_description_hash TEXT NOT NULL)");
            foreach ((string type, string text) in definitions)
            {
                Execute(connection, "INSERT INTO message_definitions(topic_type, encoding, encoded_message_definition, type_description_hash) VALUES ($1, 'ros2msg', $2, '')", type, text);
            }
        }
    }

    /// <summary>A metadata.yaml for the given members.</summary>
    public static string Metadata(string storage, IEnumerable<string> files, string compressionFormat = "", string compressionMode = "") =>
        "rosbag2_bagfile_information:\n  version: 5\n  storage_identifier: " + storage + "\n  relative_file_paths:\n"
        + string.Concat(files.Select(f => $"    - {f}\n"))
        + $"  compression_format: \"{compressionFormat}\"\n  compression_mode: \"{compressionMode}\"\n";

    private static void Execute(SqliteConnection connection, string sql, params object[] values)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        for (int i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue($"${i + 1}", values[i]);
        }

        command.ExecuteNonQuery();
    }
}
