using MultiRate.Configuration.Models;
using MultiRate.Core.Errors;
using MultiRate.Core.Models;
using Xunit;
using static MultiRate.Configuration.Tests.Models.ConfigYaml;

namespace MultiRate.Configuration.Tests.Models;

public sealed class RemoteSectionTests
{
    [Fact]
    public void Parse_RemoteSection_MapsEveryKey()
    {
        string yaml = Valid + "\nremote: { url: 'http://10.0.0.2:8001', model: ctx, version: '3', input: x, upstream: u, output: z, module: planner, timeout_ms: 250 }\n";

        RemoteModelConfig r = ModelConfigLoader.Parse(yaml, ConfigYaml.File).Remote!;

        Assert.Equal(new Uri("http://10.0.0.2:8001"), r.Url);
        Assert.Equal(("ctx", "3", "x", "u", "z", "planner"), (r.Model, r.Version, r.Input, r.Upstream, r.Output, r.Module));
        Assert.Equal(TimeSpan.FromMilliseconds(250), r.Timeout);
    }

    [Fact]
    public void Parse_MinimalRemoteSection_UsesTheServedDefaults()
    {
        RemoteModelConfig r = ModelConfigLoader.Parse(Valid + "\nremote: { url: 'http://127.0.0.1:8001', model: context }\n", ConfigYaml.File).Remote!;

        Assert.Equal(("", "history", "upstream", "latent", "context"), (r.Version, r.Input, r.Upstream, r.Output, r.Module));
        Assert.Null(r.Timeout);
        Assert.Null(ModelConfigLoader.Parse(Valid, ConfigYaml.File).Remote);
    }

    [Fact]
    public void Parse_BadRemoteValues_ReportsEachWithLineAndKey()
    {
        string yaml = Valid + "\nremote:\n  url: ftp://host/x\n  model: ' '\n  timeout_ms: 0\n  outptu: latent\n";

        IReadOnlyList<ValidationError> errors = Errors(yaml);

        string all = string.Join("\n", errors.Select(e => e.ToString()));
        Assert.Contains(errors, e => e.KeyPath == "remote.url" && e.Line == 14);
        Assert.Contains(errors, e => e.KeyPath == "remote.model" && e.Line == 15);
        Assert.Contains(errors, e => e.KeyPath == "remote.timeout_ms" && e.Line == 16);
        Assert.Contains("output", all, StringComparison.Ordinal); // the typo gets a suggestion
    }

    [Fact]
    public void Parse_RemoteWithoutUrlAndModel_ReportsBothMissing()
    {
        IReadOnlyList<ValidationError> errors = Errors(Valid + "\nremote: { input: history }\n");

        Assert.Contains(errors, e => e.KeyPath == "remote.url");
        Assert.Contains(errors, e => e.KeyPath == "remote.model");
    }
}
