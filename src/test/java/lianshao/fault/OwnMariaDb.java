package lianshao.fault;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of the test's own: a fresh data directory in a temporary folder, its own socket
 * and a free port on 127.0.0.1, started as a child process. Only this process is ever signalled
 * (by its own pid); no other mariadbd on the machine is touched.
 */
final class OwnMariaDb implements AutoCloseable {

    static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    static final Path INSTALL = Path.of("/usr/bin/mariadb-install-db");

    private final Path dir;
    private final int port;
    private Process process;

    private OwnMariaDb(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static boolean available() {
        return Files.isExecutable(SERVER) && Files.isExecutable(INSTALL);
    }

    static OwnMariaDb start() throws Exception {
        Path dir = Files.createTempDirectory("lianshao-fault-db-");
        OwnMariaDb db = new OwnMariaDb(dir, freePort());
        db.install();
        db.launch();
        return db;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void install() throws Exception {
        Process p = new ProcessBuilder(INSTALL.toString(), "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--auth-root-authentication-method=normal", "--user=root", "--skip-test-db")
                .redirectErrorStream(true).redirectOutput(dir.resolve("install.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("mariadb-install-db failed: " + Files.readString(dir.resolve("install.log")));
        }
    }

    /** Starts the server on the data directory (again after {@link #kill}). */
    void launch() throws Exception {
        process = new ProcessBuilder(SERVER.toString(), "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--socket=" + dir.resolve("mysqld.sock"), "--pid-file=" + dir.resolve("mysqld.pid"), "--port=" + port,
                "--bind-address=127.0.0.1", "--user=root", "--skip-name-resolve=0", "--innodb-buffer-pool-size=64M",
                "--innodb-log-file-size=48M", "--max-connections=200", "--log-error=" + dir.resolve("error.log"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.out").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/?connectTimeout=1000", "root", "")) {
                c.createStatement().execute("CREATE DATABASE IF NOT EXISTS lianshao CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                return;
            } catch (SQLException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("own mariadbd did not start: " + log(), notYet);
                }
                Thread.sleep(200);
            }
        }
    }

    String log() {
        try {
            return Files.exists(dir.resolve("error.log")) ? Files.readString(dir.resolve("error.log")) : "(no error log)";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The URL docs/operations.md recommends: connect and socket timeouts bound a hung server. */
    String url() {
        return "jdbc:mysql://127.0.0.1:" + port + "/lianshao?rewriteBatchedStatements=true&characterEncoding=UTF-8"
                + "&connectionTimeZone=UTC&connectTimeout=1000&socketTimeout=1000";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "root", "");
    }

    long pid() {
        return process.pid();
    }

    /** SIGSTOP to this test's own server only. */
    void pause() throws Exception {
        signal("-STOP");
    }

    /** SIGCONT to this test's own server only. */
    void resume() throws Exception {
        signal("-CONT");
    }

    private void signal(String signal) throws Exception {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("own mariadbd is not running");
        }
        Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            try {
                resume();
            } catch (RuntimeException ignored) {
                // it may not have been paused
            }
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    List<String> describe() {
        return List.of("pid " + pid(), "port " + port, "dir " + dir);
    }
}
