using Extractor.Bench;
using Extractor.Cli;
using Extractor.Pdf;

// Before anything else: PdfPig's one-time tables are built on another core while the command line sets up.
PdfPigWarmUp.Start();
var code = CommandLine.Run(args, Console.Out, Console.Error);
ResourceReport.WriteIfAsked();
return code;
