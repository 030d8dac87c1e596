using Extractor.Checks;
using Extractor.Arithmetic;

namespace Extractor.Tests.Checks;

public sealed class CheckListTests
{
    private static CheckResult Check(string id) => new() { Id = id, Tables = ["GK05"], Status = CheckStatus.Pass, Message = "m" };

    [Fact]
    public void A_repeated_id_gets_a_stable_numbered_suffix()
    {
        var list = new CheckList();
        list.Add(Check("narrative.GK05.total"));
        list.Add(Check("narrative.GK05.basic"));
        list.Add(Check("narrative.GK05.total"));
        list.Add(Check("narrative.GK05.total"));
        Assert.Equal(["narrative.GK05.total", "narrative.GK05.basic", "narrative.GK05.total.2", "narrative.GK05.total.3"], list.Items.Select(c => c.Id));
    }

    [Fact]
    public void The_checker_runs_nothing_on_a_document_without_final_accounts_tables()
    {
        var budget = CheckTables.Document([]) with { Metadata = new Extractor.Recognition.DocumentMetadata("测试局", "2026", "budget", "", "万元") };
        Assert.Empty(CheckTables.Run(budget));
        var final = CheckTables.Run(CheckTables.Document([]));
        Assert.Contains(final, c => c.Id == "GK01.income.total" && c.Status == CheckStatus.Skipped);
        Assert.Equal(final.Count, final.Select(c => c.Id).Distinct().Count());
    }
}
