package io.otcrouter.loadgen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Resident memory of the local stack, read from {@code /proc} (Linux): every process whose command line contains
 * one of the patterns, plus all its descendants (the services the stack launched, PostgreSQL's backends), except
 * this process. RSS is the sum of {@code VmRSS} as the issue asks; it counts pages shared between processes (e.g.
 * PostgreSQL's shared buffers) once per process, so PSS (each shared page divided among its sharers, from
 * {@code smaps_rollup}) is given too. The CPU time of the same processes shows where a run's CPU went.
 */
final class StackMemory {

    record Sample(int processes, long rssKb, long pssKb) {
    }

    private static final Path PROC = Path.of("/proc");
    private static final Pattern JAR = Pattern.compile("([\\w.-]+\\.jar)");

    private final List<String> patterns;
    private final long self = ProcessHandle.current().pid();

    StackMemory(List<String> patterns) {
        this.patterns = patterns;
    }

    boolean supported() {
        return Files.isDirectory(PROC.resolve("self"));
    }

    Sample sample() {
        Map<Long, String> members = members();
        long rss = 0;
        long pss = 0;
        for (Long pid : members.keySet()) {
            rss += kb(PROC.resolve(pid.toString()).resolve("status"), "VmRSS:");
            pss += kb(PROC.resolve(pid.toString()).resolve("smaps_rollup"), "Pss:");
        }
        return new Sample(members.size(), rss, pss);
    }

    /**
     * CPU time used so far by the stack's processes, in clock ticks, summed per kind of process: the jar's name
     * ({@code router-service.jar}), {@code postgres}, or the command's first word. A process that exited is missing
     * from the later reading, so compare readings of an undisturbed run only.
     */
    Map<String, Long> cpuTicksByProcess() {
        Map<String, Long> ticks = new TreeMap<>();
        members().forEach((pid, cmdline) -> {
            Long used = cpuTicks(PROC.resolve(pid.toString()));
            if (used != null) {
                ticks.merge(label(cmdline), used, Long::sum);
            }
        });
        return ticks;
    }

    /** Every process of the stack, pid to command line. */
    private Map<Long, String> members() {
        Map<Long, Long> parents = new HashMap<>();
        Map<Long, String> cmdlines = new HashMap<>();
        Set<Long> roots = new HashSet<>();
        List<String> postgresDirs = new ArrayList<>();
        try (Stream<Path> entries = Files.list(PROC)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long pid = Long.parseLong(name);
                Long parent = parentOf(entry);
                if (parent == null) {
                    continue;
                }
                parents.put(pid, parent);
                String cmdline = cmdline(entry);
                cmdlines.put(pid, cmdline);
                if (pid != self && patterns.stream().anyMatch(p -> !p.isBlank() && cmdline.contains(p))) {
                    roots.add(pid);
                    postgresDirs.add(postgresDir(entry, cmdline));
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        // pg_ctl daemonizes PostgreSQL (its parent becomes init): find the postmaster by its data directory.
        cmdlines.forEach((pid, cmdline) -> {
            if (postgresDirs.stream().anyMatch(dir -> cmdline.contains("-D " + dir + " ")
                    || cmdline.endsWith("-D " + dir))) {
                roots.add(pid);
            }
        });
        Map<Long, String> members = new HashMap<>();
        for (Long pid : parents.keySet()) {
            for (Long p = pid; p != null && p > 1; p = parents.get(p)) {
                if (roots.contains(p)) {
                    members.put(pid, cmdlines.get(pid));
                    break;
                }
            }
        }
        members.remove(self);
        return members;
    }

    /** {@code router-service.jar} for a java command running that jar, {@code postgres} for its processes. */
    static String label(String cmdline) {
        Matcher jar = JAR.matcher(cmdline);
        if (jar.find()) {
            return jar.group(1);
        }
        if (cmdline.contains("postgres")) {
            return "postgres";
        }
        String first = cmdline.isBlank() ? "?" : cmdline.split(" ")[0];
        return first.substring(first.lastIndexOf('/') + 1);
    }

    /** utime + stime, fields 14 and 15 of {@code stat}, counted after the command name (which may hold spaces). */
    static Long cpuTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String cmdline(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ').trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The PostgreSQL data directory of a local stack: {@code <--data-dir, default ./data>/postgres}. */
    static String postgresDir(Path process, String cmdline) {
        String dataDir = "data";
        for (String arg : cmdline.split(" ")) {
            if (arg.startsWith("--data-dir=")) {
                dataDir = arg.substring("--data-dir=".length());
            }
        }
        Path dir = Path.of(dataDir);
        if (!dir.isAbsolute()) {
            try {
                dir = process.resolve("cwd").toRealPath().resolve(dir);
            } catch (IOException | RuntimeException e) {
                dir = dir.toAbsolutePath();
            }
        }
        return dir.normalize().resolve("postgres").toString();
    }

    /** The parent pid from {@code stat}: the fields after the command name, which may hold spaces and parentheses. */
    static Long parentOf(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[1]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long kb(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    List<String> parts = new ArrayList<>(List.of(line.substring(key.length()).trim().split("\\s+")));
                    return Long.parseLong(parts.get(0));
                }
            }
        } catch (IOException | RuntimeException e) {
            // a process that exited meanwhile, or a file we may not read
        }
        return 0;
    }
}
