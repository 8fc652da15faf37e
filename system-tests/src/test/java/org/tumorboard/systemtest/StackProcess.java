package org.tumorboard.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One process of the stack (the broker, the database server, Keycloak or a service), started as bin/run starts it, with
 * its output in a log file. It can be stopped gracefully, killed (SIGKILL, for the fault tests) and started again.
 */
public final class StackProcess {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workingDir;
    private final Path log;
    private final Predicate<StackProcess> ready;
    private int starts;
    private Process process;

    StackProcess(String name, List<String> command, Map<String, String> environment, Path workingDir, Path log,
            Predicate<StackProcess> ready) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workingDir = workingDir;
        this.log = log;
        this.ready = ready;
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    /** How many times it was started (its log keeps every run, one after the other). */
    public synchronized int starts() {
        return starts;
    }

    public synchronized StackProcess start() {
        return start(Map.of());
    }

    /** Starts it with extra environment (a fault test restarts a service with its outbox relay off, say). */
    public synchronized StackProcess start(Map<String, String> extraEnvironment) {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().putAll(extraEnvironment);
            process = builder.start();
            starts++;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public boolean isReady() {
        try {
            return isAlive() && ready.test(this);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Waits until the readiness check passes; fails with the end of the log if the process dies or time runs out. */
    public StackProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isReady()) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; end of " + log + ":\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; end of " + log
                        + ":\n" + tail());
            }
            sleep(250);
        }
        return this;
    }

    /** SIGTERM to the process and everything it started; SIGKILL after the grace period. */
    public synchronized void stop(Duration grace) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        descendants.forEach(this::awaitGone);
    }

    /** SIGKILL to the process and everything it started: a crash, with no shutdown hooks and nothing flushed. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        descendants.forEach(this::awaitGone);
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitGone(ProcessHandle handle) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (handle.isAlive() && System.nanoTime() < deadline) {
            sleep(100);
        }
        if (handle.isAlive()) {
            handle.destroyForcibly();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
