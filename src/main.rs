//! The command line: the interactive phone by default, plus device-file tools and benchmarks.
//! Its words and subcommands are in `shells::cli`; the binary only starts it.

fn main() -> std::process::ExitCode {
    mi_settings::shells::cli::main()
}
