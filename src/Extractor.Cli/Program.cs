using Extractor.Bench;
using Extractor.Cli;

var code = CommandLine.Run(args, Console.Out, Console.Error);
ResourceReport.WriteIfAsked();
return code;
