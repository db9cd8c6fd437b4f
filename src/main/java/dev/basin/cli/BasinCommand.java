package dev.basin.cli;

import dev.basin.geometry.InvalidInputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code basin} command line. Every subcommand is wired here, explicitly.
 *
 * <p>Exit codes: 0 success, 1 failure of the work, 2 bad usage or input (one line on stderr naming the field and the
 * problem, nothing on stdout).
 */
@Command(
        name = "basin",
        mixinStandardHelpOptions = true,
        versionProvider = BasinCommand.Version.class,
        description = "Engine and PostgreSQL state store for QIG kernels on the Fisher–Rao simplex.",
        subcommands = {CommandLine.HelpCommand.class})
public final class BasinCommand implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see basin --help)");
    }

    /** Builds the command tree with every subcommand. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new BasinCommand());
        cli.addSubcommand(new RunCommand());
        cli.addSubcommand(new GeometryCommand());
        cli.addSubcommand(new ReportCommand());
        cli.addSubcommand(new AuditCommand());
        cli.addSubcommand(new IngestCommand());
        cli.addSubcommand(new CoordizerCommand());
        cli.addSubcommand(new ServeCommand());
        cli.setExecutionExceptionHandler(BasinCommand::handleFailure);
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof InvalidInputException bad) {
            err.println("basin: " + bad.getMessage());
            err.flush();
            return EXIT_BAD_INPUT;
        }
        err.println("basin: " + describe(e));
        err.flush();
        return EXIT_FAILURE;
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
                sb.append(": ").append(c.getMessage());
            }
        }
        return sb.toString().replace('\n', ' ');
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = BasinCommand.class.getPackage().getImplementationVersion();
            return new String[] {"basin " + (v == null ? "dev" : v)};
        }
    }
}
