using Extractor.Rows;

namespace Extractor.Output;

public enum OutputFormat { Both, Csv, Json }

/// <summary>
/// Writes one document's folder (document.json, facts.csv, tables/*.csv, report.md), built in a
/// temporary folder and swapped in whole.
/// </summary>
public static class DocumentWriter
{
    public static string Write(string outputRoot, DocumentResult document, OutputFormat format)
    {
        var folder = Path.Combine(outputRoot, document.DocId);
        AtomicFile.ReplaceDirectory(folder, temporary =>
        {
            if (format != OutputFormat.Csv)
            {
                AtomicFile.Write(Path.Combine(temporary, "document.json"), s => DocumentJsonWriter.Write(s, document));
            }
            if (format != OutputFormat.Json)
            {
                AtomicFile.WriteText(Path.Combine(temporary, "facts.csv"), w => FactsCsvWriter.Write(w, Fact.Of(document)));
                foreach (var table in document.Tables)
                {
                    AtomicFile.WriteText(Path.Combine(temporary, "tables", table.Id + ".csv"), w => TableCsvWriter.Write(w, table));
                }
            }
            AtomicFile.WriteText(Path.Combine(temporary, "report.md"), w => ReportMarkdownWriter.Write(w, document));
        });
        return folder;
    }
}
