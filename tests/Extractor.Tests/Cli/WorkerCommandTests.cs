using Extractor.Cli;

namespace Extractor.Tests.Cli;

/// <summary>
/// Which program a batch starts as its worker: the published tool must start itself again (its workers then run the
/// same ahead-of-time compiled code), a run through dotnet or a test host must start dotnet with the assembly.
/// </summary>
public sealed class WorkerCommandTests
{
    private const string Assembly = "/opt/tool/Extractor.Cli.dll";

    [Theory]
    // The published apphost keeps the assembly's dotted name: it is this program, not a program called "Extractor".
    [InlineData("/opt/tool/Extractor.Cli")]
    [InlineData("/opt/tool/Extractor.Cli.exe")]
    // The tool package's shim.
    [InlineData("/root/.dotnet/tools/extractor")]
    public void A_process_run_as_its_own_executable_starts_that_executable_as_worker(string processPath)
    {
        var command = CommandLine.WorkerCommandFor(processPath, Assembly, "/usr/share/dotnet/dotnet", []);

        Assert.Equal(processPath, command.FileName);
        Assert.Equal(["worker"], command.Arguments);
    }

    [Fact]
    public void A_process_run_by_dotnet_starts_dotnet_with_the_assembly()
    {
        var command = CommandLine.WorkerCommandFor("/usr/bin/dotnet", Assembly, null, []);

        Assert.Equal("/usr/bin/dotnet", command.FileName);
        Assert.Equal([Assembly, "worker"], command.Arguments);
    }

    [Fact]
    public void A_test_host_that_loaded_the_assembly_starts_the_dotnet_host_it_was_given()
    {
        var command = CommandLine.WorkerCommandFor("/usr/share/dotnet/testhost", Assembly, "/usr/share/dotnet/dotnet", []);

        Assert.Equal("/usr/share/dotnet/dotnet", command.FileName);
        Assert.Equal([Assembly, "worker"], command.Arguments);
    }

    [Fact]
    public void The_user_s_catalogs_go_to_the_worker_as_full_paths()
    {
        var command = CommandLine.WorkerCommandFor("/opt/tool/Extractor.Cli", Assembly, null, ["codes.csv"]);

        Assert.Equal(["worker", "--catalog", Path.GetFullPath("codes.csv")], command.Arguments);
    }
}
