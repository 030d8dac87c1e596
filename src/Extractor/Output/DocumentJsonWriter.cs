using System.Text.Encodings.Web;
using System.Text.Json;
using Extractor.Rows;

using Extractor.Arithmetic;

namespace Extractor.Output;

/// <summary>Writes document.json (see docs/output-format.md).</summary>
public static class DocumentJsonWriter
{
    /// <summary>
    /// 1.3 = contract v1 plus the additions listed in docs/output-format.md (1.2 added <c>checks[].cells</c>, 1.3
    /// <c>tables[].reading</c>, <c>narrative_coverage</c>, <c>narrative_statements</c>, <c>checks[].figure</c>, <c>checks[].prior</c>,
    /// and <c>warnings_total</c>: <c>warnings</c> lists at most <see cref="OutputLimits.MaxWarningsListed"/>).
    /// </summary>
    public const string SchemaVersion = "1.3";

    public static void Write(Stream stream, DocumentResult document)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = document.Source.Pages <= OutputLimits.CompactJsonPages,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        json.WriteStartObject();
        json.WriteString("schema_version", SchemaVersion);
        json.WriteString("doc_id", document.DocId);

        json.WriteStartObject("source");
        json.WriteString("path", document.Source.Path);
        json.WriteString("sha256", document.Source.Sha256);
        json.WriteNumber("pages", document.Source.Pages);
        json.WriteEndObject();

        var m = document.Metadata;
        json.WriteStartObject("metadata");
        json.WriteString("department", m.Department);
        json.WriteString("year", m.Year);
        json.WriteString("kind", m.Kind);
        json.WriteString("published", m.Published);
        json.WriteString("unit", m.Unit);
        json.WriteEndObject();

        json.WriteStartArray("tables");
        foreach (var table in document.Tables)
        {
            WriteTable(json, table);
            FlushWhenFull(json);
        }
        json.WriteEndArray();

        json.WriteStartArray("missing_tables");
        foreach (var id in document.MissingTables) json.WriteStringValue(id);
        json.WriteEndArray();

        json.WriteStartArray("repairs");
        foreach (var r in document.Repairs)
        {
            json.WriteStartObject();
            json.WriteString("table", r.Table);
            json.WriteNumber("page", r.Page);
            json.WriteString("code_printed", r.CodePrinted);
            json.WriteString("name_printed", r.NamePrinted);
            json.WriteString("code", r.Code);
            json.WriteString("name", r.Name);
            json.WriteString("evidence", r.Evidence);
            json.WriteString("detail", r.Detail);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("checks");
        foreach (var c in document.Checks)
        {
            json.WriteStartObject();
            json.WriteString("id", c.Id);
            json.WriteStartArray("tables");
            foreach (var t in c.Tables) json.WriteStringValue(t);
            json.WriteEndArray();
            json.WriteString("status", c.Status);
            WriteNullable(json, "expected", c.Expected);
            WriteNullable(json, "actual", c.Actual);
            WriteNullable(json, "difference", c.Difference);
            WriteNullable(json, "tolerance", c.Tolerance);
            json.WriteStartArray("pages");
            foreach (var p in c.Pages) json.WriteNumberValue(p);
            json.WriteEndArray();
            json.WriteString("message", c.Message);
            if (c.Quote is not null) json.WriteString("quote", c.Quote);
            json.WriteStartArray("cells");
            foreach (var cell in c.Cells) WriteCell(json, cell);
            json.WriteEndArray();
            if (c.Figure is { } figure) WriteFigure(json, figure);
            if (c.Prior is { } prior) WritePrior(json, prior);
            json.WriteEndObject();
            FlushWhenFull(json);
        }
        json.WriteEndArray();

        WriteNarrative(json, document);

        json.WriteStartArray("warnings");
        foreach (var w in OutputLimits.ListedWarnings(document.Warnings)) json.WriteStringValue(w);
        json.WriteEndArray();
        json.WriteNumber("warnings_total", document.Warnings.Count);

        json.WriteStartObject("timings_ms");
        foreach (var (stage, ms) in document.TimingsMs) json.WriteNumber(stage, ms);
        json.WriteEndObject();

        json.WriteEndObject();
        json.Flush();
    }

    /// <summary>
    /// Hands what is written so far to the stream: the writer keeps everything until a flush, growing its buffer by
    /// doubling, which for a large document is several copies of the whole file.
    /// </summary>
    private static void FlushWhenFull(Utf8JsonWriter json)
    {
        if (json.BytesPending >= 16 * 1024) json.Flush();
    }

    /// <summary>
    /// <c>narrative_coverage</c> (statements found, resolved, checked) and <c>narrative_statements</c>: every statement
    /// of the narrative and its attachment tables with what became of it.
    /// </summary>
    private static void WriteNarrative(Utf8JsonWriter json, DocumentResult document)
    {
        var coverage = document.NarrativeCoverage;
        json.WriteStartObject("narrative_coverage");
        json.WriteNumber("statements_found", coverage.Found);
        json.WriteNumber("statements_resolved", coverage.Resolved);
        json.WriteNumber("statements_checked", coverage.Checked);
        json.WriteEndObject();

        json.WriteStartArray("narrative_statements");
        foreach (var s in document.NarrativeStatements)
        {
            json.WriteStartObject();
            json.WriteString("kind", s.Kind);
            json.WriteString("printed", s.Printed);
            json.WriteString("status", s.Status);
            json.WriteString("section", s.Section);
            json.WriteStartArray("pages");
            foreach (var p in s.Pages) json.WriteNumberValue(p);
            json.WriteEndArray();
            json.WriteString("refers_to", s.RefersTo);
            json.WriteStartArray("checks");
            foreach (var id in s.Checks) json.WriteStringValue(id);
            json.WriteEndArray();
            json.WriteString("reason", s.Reason);
            json.WriteString("quote", s.Quote);
            json.WriteEndObject();
            FlushWhenFull(json);
        }
        json.WriteEndArray();
    }

    /// <summary>A cell a check read: <c>{table, page, box: [left, top, right, bottom], column, role, status}</c>.</summary>
    private static void WriteCell(Utf8JsonWriter json, Arithmetic.CheckCell cell)
    {
        json.WriteStartObject();
        json.WriteString("table", cell.Table);
        json.WriteNumber("page", cell.Page);
        json.WriteStartArray("box");
        foreach (var v in new[] { cell.Box.Left, cell.Box.Top, cell.Box.Right, cell.Box.Bottom }) json.WriteNumberValue(Math.Round((decimal)v, 2));
        json.WriteEndArray();
        json.WriteString("column", cell.Column);
        json.WriteString("role", cell.Role);
        json.WriteString("status", cell.Status);
        json.WriteEndObject();
    }

    /// <summary>How the table was read: the reading kept and why, its identities, its amounts, its confidence and any doubt.</summary>
    private static void WriteReading(Utf8JsonWriter json, TableReading reading)
    {
        json.WriteStartObject("reading");
        json.WriteString("kept", reading.Kept);
        json.WriteString("reason", reading.Reason);
        json.WriteNumber("identities_held", reading.IdentitiesHeld);
        json.WriteNumber("identities_failed", reading.IdentitiesFailed);
        if (reading.IdentityShare is { } share) json.WriteNumber("identity_share", Math.Round((decimal)share, 4));
        else json.WriteNull("identity_share");
        json.WriteNumber("amounts_printed", reading.AmountsPrinted);
        json.WriteNumber("amounts_read", reading.AmountsRead);
        json.WriteNumber("confidence", Math.Round((decimal)reading.Confidence, 3));
        if (reading.Doubt is { } doubt) json.WriteString("doubt", doubt);
        else json.WriteNull("doubt");
        json.WriteStartArray("failed_identities");
        foreach (var id in reading.FailedIdentities) json.WriteStringValue(id);
        json.WriteEndArray();
        json.WriteStartArray("tried");
        foreach (var t in reading.Tried)
        {
            json.WriteStartObject();
            json.WriteString("reading", t.Name);
            json.WriteNumber("identities_held", t.IdentitiesHeld);
            json.WriteNumber("identities_failed", t.IdentitiesFailed);
            json.WriteNumber("amounts_read", t.AmountsRead);
            json.WriteBoolean("kept", t.Kept);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The table figure a narrative check read, as a fact: <c>{table, section, code, name, column, value, page}</c>.</summary>
    private static void WriteFigure(Utf8JsonWriter json, Arithmetic.CheckFigure figure)
    {
        json.WriteStartObject("figure");
        json.WriteString("table", figure.Table);
        json.WriteString("section", figure.Section);
        json.WriteString("code", figure.Code);
        json.WriteString("name", figure.Name);
        json.WriteString("column", figure.Column);
        json.WriteNumber("value", figure.Value);
        json.WriteNumber("page", figure.Page);
        json.WriteEndObject();
    }

    /// <summary>The earlier amount a change implies: <c>{value, tolerance, basis, year}</c>.</summary>
    private static void WritePrior(Utf8JsonWriter json, Arithmetic.PriorAmount prior)
    {
        json.WriteStartObject("prior");
        json.WriteNumber("value", prior.Value);
        json.WriteNumber("tolerance", prior.Tolerance);
        json.WriteString("basis", prior.Basis);
        if (prior.Year is { } year) json.WriteNumber("year", year);
        else json.WriteNull("year");
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    private static void WriteTable(Utf8JsonWriter json, ExtractedTable table)
    {
        var source = table.Source;
        json.WriteStartObject();
        json.WriteString("table", table.Id);
        json.WriteString("title", source.Title);
        json.WriteString("label", source.Label);
        json.WriteStartArray("pages");
        foreach (var p in source.Pages) json.WriteNumberValue(p);
        json.WriteEndArray();
        json.WriteString("unit", source.Unit);
        json.WriteString("method", source.Method);
        json.WriteNumber("confidence", source.Confidence);
        json.WriteString("recognized_by", source.RecognizedBy);
        if (table.Reading is { } reading) WriteReading(json, reading);
        json.WriteStartArray("columns");
        foreach (var c in table.ColumnNames) json.WriteStringValue(c);
        json.WriteEndArray();

        if (source.Template is null)
        {
            json.WriteStartArray("grid");
            foreach (var part in source.Parts)
            {
                for (var r = 0; r < part.Grid.Rows; r++)
                {
                    json.WriteStartObject();
                    json.WriteNumber("page", part.Grid.Page);
                    json.WriteStartArray("cells");
                    foreach (var cell in part.Grid.CellsInRow(r))
                    {
                        if (cell.Row != r) continue;
                        json.WriteStartObject();
                        json.WriteNumber("column", cell.Column);
                        if (cell.RowSpan > 1) json.WriteNumber("row_span", cell.RowSpan);
                        if (cell.ColumnSpan > 1) json.WriteNumber("column_span", cell.ColumnSpan);
                        json.WriteString("text", cell.Text);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
            }
            json.WriteEndArray();
        }

        json.WriteStartArray("rows");
        foreach (var row in table.Rows)
        {
            json.WriteStartObject();
            json.WriteString("section", row.Section);
            json.WriteString("line_no", row.LineNo);
            json.WriteString("code", row.Code);
            json.WriteString("code_level", row.CodeLevel);
            json.WriteString("name", row.Name);
            json.WriteString("code_printed", row.CodePrinted);
            json.WriteString("name_printed", row.NamePrinted);
            json.WriteString("code_repair", row.CodeRepair);
            json.WriteNumber("page", row.Page);
            json.WriteStartObject("values");
            foreach (var v in row.Values) json.WriteNumber(v.Column, v.Value);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
