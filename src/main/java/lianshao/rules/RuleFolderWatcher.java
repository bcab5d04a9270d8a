package lianshao.rules;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Developer loop ({@code lianshao.rules.watch=true}): watches the rules folder and, when its files have
 * settled after a change, reloads it into a new active rule set. A folder that fails its checks or does
 * not compile is logged with file, line and reason, and the running set is kept. Activations through
 * the database (deployments, rollbacks) still win when they happen.
 */
public class RuleFolderWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RuleFolderWatcher.class);

    private final Path folder;
    private final RuleCompiler compiler;
    private final ActiveRuleSet active;
    private final Duration settle;
    private volatile WatchService watcher;
    private volatile Thread thread;
    private volatile String lastError;
    private volatile int reloads;

    public RuleFolderWatcher(Path folder, RuleCompiler compiler, ActiveRuleSet active, Duration settle) {
        this.folder = folder.toAbsolutePath();
        this.compiler = compiler;
        this.active = active;
        this.settle = settle;
    }

    public synchronized void start() throws IOException {
        if (thread != null) {
            return;
        }
        watcher = FileSystems.getDefault().newWatchService();
        registerAll(folder);
        thread = new Thread(this::loop, "rules-folder-watcher");
        thread.setDaemon(true);
        thread.start();
        log.info("Watching {} for rule changes", folder);
    }

    /** The problem of the last reload that failed, or null when the last reload succeeded. */
    public String lastError() {
        return lastError;
    }

    public int reloads() {
        return reloads;
    }

    /** Reads and compiles the folder and activates it; keeps the running set when it fails. */
    public boolean reload() {
        try {
            RuleSet ruleSet = compiler.compile(RuleSource.readFolder(folder));
            active.activate(ruleSet);
            lastError = null;
            reloads++;
            log.info("Rules folder reloaded: rule set {} active ({} catalogue rules)", ruleSet.version(), ruleSet.rulesById().size());
            return true;
        } catch (RuntimeException e) {
            lastError = e.getMessage();
            log.error("Rules folder not reloaded, keeping rule set {}: {}", active.get().version(), e.getMessage());
            return false;
        }
    }

    private void loop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watcher.take();
                drain(key);
                // wait until the editor has finished writing: no further event for the settle time
                WatchKey more;
                while ((more = watcher.poll(settle.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                reload();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain(WatchKey key) {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name) {
                Path created = dir.resolve(name);
                if (Files.isDirectory(created)) {
                    try {
                        registerAll(created);
                    } catch (IOException e) {
                        log.warn("cannot watch {}: {}", created, e.toString());
                    }
                }
            }
        }
        key.reset();
    }

    private void registerAll(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                // closing
            }
        }
    }
}
