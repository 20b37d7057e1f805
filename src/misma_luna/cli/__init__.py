"""The command line: one module per subcommand; the window is the default command."""
