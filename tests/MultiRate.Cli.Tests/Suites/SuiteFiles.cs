namespace MultiRate.Cli.Tests.Suites;

/// <summary>Small suites over the shipped logs, written to a scratch folder with absolute paths, for the command's tests.</summary>
internal static class SuiteFiles
{
    public static string Repo(params string[] parts) => Path.Combine([CliRunner.RepoRoot, .. parts]);

    /// <summary>A case over a shipped log; <paramref name="extra"/> is more YAML for the case (4-space indented lines).</summary>
    public static string Case(string name, string log, string rates, string config, string extra = "") =>
        $"  - name: {name}\n    log: {Repo("tests", "data", log)}\n    rates: {Repo("rates", rates)}\n    config: {Repo("configs", config)}\n{extra}";

    public static string Px4(string name, string extra = "") => Case(name, "px4-ulog-pyulog/sample.ulg", "px4-attitude-250hz.yaml", "px4-attitude.yaml", extra);

    public static string Imu(string name, string extra = "") => Case(name, "xio-fusion-imu/sensor_data.csv", "imu-100hz.yaml", "imu-csv.yaml", extra);

    /// <summary>Five short cases over four formats, each with expectations that hold.</summary>
    public static string Short() => "name: short\ncases:\n" +
        Px4("px4-2s", "    to: 2\n    expect: { misses.head: \"== 0\", ticks.head: \"== 500\" }\n") +
        Imu("imu-3s", "    to: 3\n    expect: { misses.head: \"== 0\" }\n") +
        Case("ros2-10s", "ros2-db3-tf-rosbags/tf_example.db3", "ros2-tf-example.yaml", "ros2-tf-example.yaml", "    to: 10\n    expect: { misses.head: \"== 0\" }\n") +
        Case("ardusub-5s", "ardupilot-bin-sub/small.BIN", "ardusub-10hz.yaml", "ardusub.yaml", "    to: 5\n    expect: { ticks.head: \"== 50\" }\n") +
        Px4("px4-window", "    from: 30\n    to: 32\n    expect: { duration_s: \"== 2\", \"latent_age_ms.p99\": \"< 250\" }\n");

    public static string Write(string text, string name = "suite.yaml") => CliRunner.TempFile(name, text);
}
