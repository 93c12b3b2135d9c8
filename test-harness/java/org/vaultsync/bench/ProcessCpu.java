package org.vaultsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time (user + system, from {@code /proc}) of one Chromium instance and every process under it, split by
 * Chromium's process type (renderer, GPU, network utility, browser). Chromium's children do not all carry the
 * profile directory on their command line, so the tree is walked from the processes that do. A snapshot keeps each
 * process apart, so that a renderer replaced by a navigation is not subtracted from its successor.
 */
final class ProcessCpu {
    private static final double MILLIS_PER_TICK = 10; // USER_HZ is 100 on Linux

    private ProcessCpu() {
    }

    /** One process's type and CPU milliseconds so far. */
    record Sample(String type, double millis) {
    }

    /** Each process of the instance started with {@code --user-data-dir=profile}, by pid. */
    static Map<Integer, Sample> snapshot(Path profile) {
        Map<Integer, Integer> parents = new HashMap<>();
        Map<Integer, Double> cpu = new HashMap<>();
        Map<Integer, String> commands = new HashMap<>();
        try (var entries = Files.list(Path.of("/proc"))) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    int pid = Integer.parseInt(name);
                    parents.put(pid, Integer.parseInt(fields[1]));
                    cpu.put(pid, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK);
                    commands.put(pid, new String(Files.readAllBytes(entry.resolve("cmdline"))).replace('\0', ' '));
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we read it
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc", e);
        }
        String marker = "--user-data-dir=" + profile;
        List<Integer> tree = new ArrayList<>();
        for (Map.Entry<Integer, String> command : commands.entrySet()) {
            Integer parent = parents.get(command.getKey());
            if (command.getValue().contains(marker) && !commands.getOrDefault(parent, "").contains(marker)) {
                tree.add(command.getKey());
            }
        }
        for (int i = 0; i < tree.size(); i++) {
            int parent = tree.get(i);
            parents.forEach((pid, ppid) -> {
                if (ppid == parent && !tree.contains(pid)) {
                    tree.add(pid);
                }
            });
        }
        Map<Integer, Sample> snapshot = new HashMap<>();
        for (int pid : tree) {
            snapshot.put(pid, new Sample(type(commands.getOrDefault(pid, "")), cpu.getOrDefault(pid, 0.0)));
        }
        return snapshot;
    }

    /**
     * CPU milliseconds by type spent between two snapshots by the processes alive at the second (one started in
     * between counts from zero; one that ended in between is left out).
     */
    static Map<String, Double> spent(Map<Integer, Sample> after, Map<Integer, Sample> before) {
        Map<String, Double> byType = new TreeMap<>();
        after.forEach((pid, sample) -> {
            Sample earlier = before.get(pid);
            byType.merge(sample.type(), sample.millis() - (earlier == null ? 0 : earlier.millis()), Double::sum);
        });
        return byType;
    }

    private static String type(String command) {
        int at = command.indexOf("--type=");
        if (at < 0) {
            return "browser";
        }
        int end = command.indexOf(' ', at);
        String type = command.substring(at + 7, end < 0 ? command.length() : end);
        if (type.equals("utility")) {
            int sub = command.indexOf("--utility-sub-type=");
            if (sub >= 0) {
                String subType = command.substring(sub + 19, command.indexOf(' ', sub) < 0 ? command.length() : command.indexOf(' ', sub));
                return "utility " + subType.substring(subType.lastIndexOf('.') + 1);
            }
        }
        return type;
    }

}
