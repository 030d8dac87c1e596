using System.Reflection;
using System.Text.Json;

namespace Extractor.Templates;

/// <summary>The table templates embedded in the library (Templates/Data/*.json).</summary>
public sealed class TemplateCatalog
{
    public static TemplateCatalog Default { get; } = LoadEmbedded();

    public TemplateCatalog(IEnumerable<TableTemplate> templates)
    {
        Templates = templates.ToList();
    }

    public IReadOnlyList<TableTemplate> Templates { get; }

    public TableTemplate? Find(string id) => Templates.FirstOrDefault(t => t.Id == id);

    private static TemplateCatalog LoadEmbedded()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var templates = new List<TableTemplate>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Extractor.Templates.", StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var file = JsonSerializer.Deserialize(stream, TemplateJsonContext.Default.TemplateFile)
                ?? throw new InvalidOperationException($"template file {name} is empty");
            // Fields a template leaves out arrive as null from the deserializer: give them their empty defaults.
            templates.AddRange(file.Templates.Select(t => t with
            {
                Kind = file.Kind,
                Sections = t.Sections ?? [],
                SectionByCode = t.SectionByCode ?? new Dictionary<string, string>(),
                HeaderKeywords = t.HeaderKeywords ?? [],
                SectionAliases = t.SectionAliases ?? new Dictionary<string, IReadOnlyList<string>>(),
                Columns = t.Columns.Select(c => c with { Aliases = c.Aliases ?? [] }).ToList(),
            }));
        }
        return new TemplateCatalog(templates);
    }
}
