package org.vaultsync.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.JavascriptExecutor;
import org.vaultsync.e2e.ProbeServers;
import org.vaultsync.interop.NodeModulesServer;
import org.vaultsync.room.RoomName;

/**
 * Browser sync next to the y-webrtc stack, in the same harness: real headless Chromium processes (one per peer),
 * our signaling server for both. Our pages run the TeaVM-compiled client (the sync probe); theirs run yjs 13.6.33 +
 * y-webrtc 10.3.0 (+ y-indexeddb 9.0.12). Times are taken inside the pages ({@code performance.timeOrigin + now()}),
 * so WebDriver's polling does not count; the latency runs' edits are made and paced by the page, and the harness
 * awaits their arrival without polling, so the harness does not load the machine while they travel.
 *
 * <p>{@code bin/bench-browser-sync [--runs 3] [--edits 200] [--mesh 10] [--items 5000] [--profile DIR]
 * [--y-webrtc-without-storage]}: the y-webrtc pages store their room with y-indexeddb as ours store theirs, unless
 * told otherwise.
 *
 * <p>{@code --profile DIR} writes a DevTools CPU profile of every newcomer's join (enter the room until its mesh is
 * complete), both stacks, as {@code DIR/<stack>-<pages>-pages-newcomer-<n>-run-<r>.cpuprofile}, for
 * {@code test-harness/node/profile-summary.mjs} or the DevTools Performance panel; and of loading the stored room
 * after a reload ({@code <stack>-storage-load-<items>.cpuprofile}); and of both pages of a 2-page room while the
 * edits are made ({@code <stack>-edits-sender|receiver-run-<r>.cpuprofile}). Profiling slows the pages: figures
 * of such a run are for finding where time goes, not for the record.
 */
public final class BrowserSyncBench {
    private final ProbeServers servers = new ProbeServers();
    private NodeModulesServer modules;
    private BenchPage.Sites sites;
    private int runs = 3;
    private int edits = 200;
    private int mesh = 10;
    private int items = 5000;
    /** Per stack, per phase: samples of where the time of a 2-peer edit goes and of a newcomer's join steps. */
    private final Map<BenchStack, Map<String, List<Double>>> editParts = new java.util.EnumMap<>(BenchStack.class);
    /** The same parts for the slowest 5 % of each run's 2-page edits: where the tail (p95) goes. */
    private final Map<BenchStack, Map<String, List<Double>>> slowEditParts = new java.util.EnumMap<>(BenchStack.class);
    private final Map<BenchStack, Map<String, List<Double>>> joinSteps = new java.util.EnumMap<>(BenchStack.class);
    private final Map<BenchStack, Map<String, List<Double>>> loadSteps = new java.util.EnumMap<>(BenchStack.class);
    /**
     * A reload's whole wait, navigation start to the stored room applied: page, scripts and storage. The storage
     * figure starts where each stack starts reading (ours inside its startup, y-indexeddb's when called).
     */
    private final Map<BenchStack, List<Double>> storageFromNavigation = new java.util.EnumMap<>(BenchStack.class);
    /** The same wait from "scripts ready" (our main starts; the reference module's imports are all loaded). */
    private final Map<BenchStack, List<Double>> storageFromScripts = new java.util.EnumMap<>(BenchStack.class);
    /** CPU milliseconds of all pages of the mesh while the newcomers joined, and per page per second when idle. */
    private final Map<BenchStack, List<Double>> meshJoinCpu = new java.util.EnumMap<>(BenchStack.class);
    /** From the last newcomer's join until every page of the mesh has had all the others (in-page stamps). */
    private final Map<BenchStack, List<Double>> meshComplete = new java.util.EnumMap<>(BenchStack.class);
    /** What the room's page handed to its data channel while the newcomer of the initial sync caught up. */
    private final Map<BenchStack, List<Double>> initialSyncBytes = new java.util.EnumMap<>(BenchStack.class);
    /** Ours only: the longest main-thread task on the newcomer from its join until its room was stored. */
    private final List<Double> initialSyncLongestTasks = new ArrayList<>();
    /**
     * CPU of both pages of the 2-page room per edit (so per {@link #EDIT_GAP_MILLIS}, idle time included), by
     * process type: the work an edit costs the machine, with the pages' background work.
     */
    private final Map<BenchStack, Map<String, List<Double>>> pairEditCpuByType = new java.util.EnumMap<>(BenchStack.class);
    /**
     * Edits of the unmeasured 2-page round each stack gets before the first run: the invocation's first phase ran
     * cold (this JVM's and the drivers' code not yet compiled, Chromium's files not in the page cache) and was
     * always ours: 0.2-0.6 ms slower than our later 2-page phases in five invocations.
     */
    private static final int WARM_UP_EDITS = 50;
    /**
     * Between two polls of a condition. Figures are in-page stamps, except the initial sync, timed here: a pause
     * moves its ~3 s by at most this much.
     */
    private static final long POLL_PAUSE_MILLIS = 5;
    /**
     * Between two edits of a latency run, as a player's edits come: longer than an edit takes to reach a 10-page
     * mesh (p95 under 70 ms in both stacks), so each is measured on its own, and the pages are idle between.
     */
    private static final int EDIT_GAP_MILLIS = 100;
    private final Map<BenchStack, List<Double>> meshIdleCpu = new java.util.EnumMap<>(BenchStack.class);
    private final Map<BenchStack, Map<String, List<Double>>> meshJoinCpuByType = new java.util.EnumMap<>(BenchStack.class);
    private final Map<BenchStack, Map<String, List<Double>>> meshPageCpuByType = new java.util.EnumMap<>(BenchStack.class);
    private final Map<BenchStack, Map<String, List<Double>>> meshIdleCpuByType = new java.util.EnumMap<>(BenchStack.class);
    private static final long IDLE_WINDOW_MILLIS = 5_000;
    private boolean initialSyncFigure = true;
    /** The y-webrtc pages of the latency runs store their room with y-indexeddb, as ours always store theirs. */
    private boolean referenceStores = true;
    /** Where newcomers' CPU profiles go ({@code --profile}); null: no profiling. */
    private java.nio.file.Path profileDir;
    private int profileRun;
    /** One group of figures only (latency, initial-sync, storage), for a quick before/after of one change. */
    private String only;

    public static void main(String[] args) throws Exception {
        BrowserSyncBench bench = new BrowserSyncBench();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> bench.runs = Integer.parseInt(args[++i]);
                case "--edits" -> bench.edits = Integer.parseInt(args[++i]);
                case "--mesh" -> bench.mesh = Integer.parseInt(args[++i]);
                case "--items" -> bench.items = Integer.parseInt(args[++i]);
                case "--no-initial-sync" -> bench.initialSyncFigure = false;
                case "--y-webrtc-without-storage" -> bench.referenceStores = false;
                case "--only" -> bench.only = args[++i];
                case "--profile" -> bench.profileDir = java.nio.file.Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--runs N, --edits N, --mesh N, --items N, --no-initial-sync, --only latency|initial-sync|storage,"
                        + " --profile DIR, --y-webrtc-without-storage)");
            }
        }
        bench.run();
    }

    private void run() throws Exception {
        servers.start();
        modules = new NodeModulesServer(Path.of("test-harness/node/node_modules"));
        sites = new BenchPage.Sites(servers, modules, referenceStores);
        try {
            System.out.printf(Locale.ROOT, "Browser sync benchmark: %d runs, %d edits, %d-page mesh, %d items of ~1 KB%n",
                    runs, edits, mesh, items);
            Map<BenchStack, List<Double>> pairLatency = new java.util.EnumMap<>(BenchStack.class);
            Map<BenchStack, List<Double>> meshLatency = new java.util.EnumMap<>(BenchStack.class);
            Map<BenchStack, List<Double>> firstConnection = new java.util.EnumMap<>(BenchStack.class);
            Map<BenchStack, List<Double>> initialSync = new java.util.EnumMap<>(BenchStack.class);
            Map<BenchStack, List<Double>> storageLoad = new java.util.EnumMap<>(BenchStack.class);
            Map<BenchStack, List<Double>> reloadToStored = storageFromNavigation;
            if (wanted("latency")) {
                warmUp();
            }
            for (int run = 0; run < runs; run++) {
                for (BenchStack stack : run % 2 == 0 ? List.of(BenchStack.OURS, BenchStack.Y_WEBRTC) : List.of(BenchStack.Y_WEBRTC, BenchStack.OURS)) {
                    if (wanted("latency")) {
                        pairLatency.computeIfAbsent(stack, s -> new ArrayList<>()).addAll(
                                latency(stack, 2, firstConnection.computeIfAbsent(stack, s -> new ArrayList<>())));
                        if (mesh > 2) {
                            meshLatency.computeIfAbsent(stack, s -> new ArrayList<>()).addAll(
                                    latency(stack, mesh, firstConnection.get(stack)));
                        }
                    }
                    if (initialSyncFigure && wanted("initial-sync")) {
                        initialSync.computeIfAbsent(stack, s -> new ArrayList<>()).add(initialSync(stack));
                    }
                    if (wanted("storage")) {
                        storageLoad.computeIfAbsent(stack, s -> new ArrayList<>()).add(storageLoad(stack));
                    }
                }
            }
            System.out.println();
            System.out.println("| figure (ms) | Vault Sync | y-webrtc stack |");
            System.out.println("| --- | ---: | ---: |");
            row("edit to remote, 2 peers, p50", pairLatency, 50);
            row("edit to remote, 2 peers, p95", pairLatency, 95);
            if (mesh > 2) {
                row("edit to all, " + mesh + " peers, p50", meshLatency, 50);
                row("edit to all, " + mesh + " peers, p95", meshLatency, 95);
            }
            row("time to first connection (join to data channel open), p50", firstConnection, 50);
            if (mesh > 2) {
                row("whole " + mesh + "-page mesh connected (every page has had every other), from the last newcomer's join, median", meshComplete, 50);
                row("CPU of all " + mesh + " pages while the newcomers join (ms), median", meshJoinCpu, 50);
                row("CPU per page of the idle " + mesh + "-page mesh (ms per s), median", meshIdleCpu, 50);
            }
            row("initial sync of " + items + " items, median", initialSync, 50);
            row("initial sync: bytes the room's page sent over its data channel, median", initialSyncBytes, 50);
            if (!initialSyncLongestTasks.isEmpty()) {
                System.out.printf(Locale.ROOT, "initial sync: longest task on our newcomer until its room was stored (ms): %s%n",
                        initialSyncLongestTasks);
            }
            row("load " + items + "-item room from IndexedDB, median", storageLoad, 50);
            row("reload to that room applied (from navigation start), median", reloadToStored, 50);
            row("reload to that room applied (from scripts ready), median", storageFromScripts, 50);
            phaseRows("edit to remote, 2 peers, where the time goes", editParts);
            phaseRows("edit to remote, 2 peers, the slowest 5 % of edits, where the time goes", slowEditParts);
            phaseRows("CPU per edit of the 2-page room, both pages, by process type", pairEditCpuByType);
            phaseRows("newcomer's steps from join", joinSteps);
            if (mesh > 2) {
                phaseRows("CPU of the " + mesh + "-page mesh's joins by process type (ms, all pages)", meshJoinCpuByType);
                phaseRows("CPU of one page of the " + mesh + "-page mesh, loading it, then joining and connecting (ms)",
                        meshPageCpuByType);
                phaseRows("CPU of the idle " + mesh + "-page mesh by process type (ms per s, per page)", meshIdleCpuByType);
            }
            phaseRows("loading from IndexedDB, steps from start", loadSteps);
        } finally {
            modules.close();
            servers.stop();
        }
    }

    /**
     * One 2-page round of {@link #WARM_UP_EDITS} edits per stack, figures dropped, so that neither stack's first
     * measured phase is also the invocation's first (the first phase of an invocation was up to 0.6 ms slower).
     */
    private void warmUp() throws Exception {
        int measuredEdits = edits;
        edits = WARM_UP_EDITS;
        try {
            for (BenchStack stack : List.of(BenchStack.OURS, BenchStack.Y_WEBRTC)) {
                System.out.println("warm-up round, not measured:");
                latency(stack, 2, new ArrayList<>());
            }
        } finally {
            edits = measuredEdits;
            editParts.clear();
            slowEditParts.clear();
            joinSteps.clear();
            pairEditCpuByType.clear();
        }
    }

    private boolean wanted(String figures) {
        return only == null || only.equals(figures);
    }

    static double[] numbers(List<?> values, int count) {
        if (values.size() != count) {
            throw new IllegalStateException("expected " + count + " times, got " + values.size());
        }
        double[] numbers = new double[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = ((Number) values.get(i)).doubleValue();
        }
        return numbers;
    }

    private static String describe(Map<String, Double> steps) {
        StringBuilder out = new StringBuilder();
        steps.forEach((step, at) -> out.append(out.length() == 0 ? "" : ", ").append(step).append(' ')
                .append(String.format(Locale.ROOT, "%.0f", at)));
        return out.toString();
    }

    /** Medians of the phases of both stacks, side by side (the same run, the same machine load). */
    private static void phaseRows(String title, Map<BenchStack, Map<String, List<Double>>> phases) {
        System.out.println();
        System.out.println("| " + title + " (ms, median) | Vault Sync | y-webrtc stack |");
        System.out.println("| --- | ---: | ---: |");
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        phases.values().forEach(map -> names.addAll(map.keySet()));
        for (String name : names) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s |%n", name,
                    cell(percentile(phases.getOrDefault(BenchStack.OURS, Map.of()).get(name), 50)),
                    cell(percentile(phases.getOrDefault(BenchStack.Y_WEBRTC, Map.of()).get(name), 50)));
        }
    }

    private void row(String label, Map<BenchStack, List<Double>> samples, int percentile) {
        System.out.printf(Locale.ROOT, "| %s | %s | %s |%n", label, cell(percentile(samples.get(BenchStack.OURS), percentile)),
                cell(percentile(samples.get(BenchStack.Y_WEBRTC), percentile)));
    }

    private static String cell(double value) {
        return Double.isNaN(value) ? "failed" : String.format(Locale.ROOT, "%.1f", value);
    }

    /**
     * {@code edits} edits from page 0, one every {@link #EDIT_GAP_MILLIS}, made by the page itself; the latency of
     * each is until the last other page has it. The harness runs nothing in any page while the edits travel: it
     * awaits each page's promises (one thread per receiver). Until 2026-11-30's eighth session the harness made each
     * edit by WebDriver and polled the receivers without pause; on 2 cores that load was in every figure.
     */
    private List<Double> latency(BenchStack stack, int pages, List<Double> firstConnections) throws Exception {
        List<BenchPage> open = new ArrayList<>();
        java.util.concurrent.ExecutorService waiters = java.util.concurrent.Executors.newFixedThreadPool(pages - 1, task -> {
            Thread thread = new Thread(task, "arrival-waiter");
            thread.setDaemon(true); // a page that never answers must not keep the benchmark alive
            return thread;
        });
        try {
            for (int i = 0; i < pages; i++) {
                open.add(new BenchPage(stack, sites));
            }
            Map<Integer, ProcessCpu.Sample> cpuBefore = cpu(open);
            String code = open.get(0).join(null);
            for (int i = 1; i < pages; i++) {
                open.get(i).profiling = profileDir != null;
                open.get(i).join(code);
            }
            for (BenchPage page : open) {
                await(stack.label + " mesh of " + pages, () -> page.peers() == pages - 1);
            }
            if (pages == mesh && pages > 2) {
                // from the last newcomer's join: the joins are WebDriver calls, which the busy pages spread out
                double lastJoin = Double.NEGATIVE_INFINITY;
                for (int i = 1; i < pages; i++) {
                    lastJoin = Math.max(lastJoin, open.get(i).joinedAt());
                }
                double firstJoin = open.get(1).joinedAt();
                System.out.println(String.format(Locale.ROOT, "%s, %d pages: the newcomers joined over %.0f ms",
                        stack.label, pages, lastJoin - firstJoin));
                double complete = Double.NEGATIVE_INFINITY;
                StringBuilder each = new StringBuilder();
                for (BenchPage page : open) {
                    double at = page.reachedPeersAt(pages - 1) - lastJoin;
                    complete = Math.max(complete, at);
                    each.append(each.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", at));
                }
                System.out.println(stack.label + ", " + pages + " pages: each page had all others at (ms from the last"
                        + " newcomer's join) " + each);
                meshComplete.computeIfAbsent(stack, s -> new ArrayList<>()).add(complete);
            }
            if (pages == mesh && pages > 2) {
                measureMeshCpu(stack, open, cpuBefore);
            }
            if (profileDir != null) {
                profileRun++;
                for (int i = 1; i < pages; i++) {
                    open.get(i).saveProfile(profileDir.resolve(String.format(Locale.ROOT, "%s-%d-pages-newcomer-%d-run-%d.cpuprofile",
                            stack == BenchStack.OURS ? "ours" : "y-webrtc", pages, i, profileRun)));
                }
            }
            if (pages == 2) {
                // the offering side of the same connection, on the newcomer's clock (both pages stamp wall time)
                double newcomerJoin = ((Number) open.get(1).js(stack == BenchStack.OURS ? "return window.joinAt"
                        : "return window.peer.joinAt")).doubleValue();
                Map<String, Double> offerer = open.get(0).timeline(code);
                double offset = ((Number) open.get(0).js(stack == BenchStack.OURS ? "return window.joinAt"
                        : "return window.peer.joinAt")).doubleValue() - newcomerJoin;
                offerer.replaceAll((step, at) -> at + offset);
                offerer.keySet().removeIf(step -> offerer.get(step) < 0);
                System.out.println(stack.label + " offering page (ms from the newcomer's join): " + describe(offerer));
            }
            for (int i = 1; i < pages; i++) {
                Map<String, Double> timeline = open.get(i).timeline(code);
                firstConnections.add(timeline.getOrDefault("dcOpen", Double.NaN));
                System.out.println(stack.label + " newcomer timeline (ms from join): " + describe(timeline));
                timeline.forEach((step, at) -> joinSteps.computeIfAbsent(stack, s -> new java.util.LinkedHashMap<>())
                        .computeIfAbsent(step, s -> new ArrayList<>()).add(at));
            }
            if (stack == BenchStack.OURS) {
                for (BenchPage page : open) {
                    // where the time to the first peer goes: stored state applied, signaling joined, first peer
                    System.out.println(page.js("return 'phases (ms from join): loaded ' + (window.loadedAt - window.joinAt)"
                            + " + ', signaling ' + (window.signalingAt - window.joinAt)"
                            + " + ', first peer ' + (window.firstPeerAt - window.joinAt)"));
                }
            }
            Map<Integer, ProcessCpu.Sample> cpuBeforeEdits = cpu(open);
            List<Double> latencies = new ArrayList<>();
            List<double[]> editSplits = new ArrayList<>(); // 2 pages: total, then the three parts below
            boolean profileEdits = profileDir != null && pages == 2;
            if (profileEdits) { // before the waiters: a driver takes one command at a time, and theirs waits long
                open.get(0).startProfile();
                open.get(1).startProfile();
            }
            List<java.util.concurrent.Future<double[]>> arrivals = new ArrayList<>();
            for (int i = 1; i < pages; i++) {
                BenchPage receiver = open.get(i);
                arrivals.add(waiters.submit(() -> receiver.awaitArrivals(edits)));
            }
            double[][] sent = open.get(0).editRun(edits, EDIT_GAP_MILLIS); // sent at, handed to the channel at
            double[][] received = new double[pages][];
            for (int i = 1; i < pages; i++) {
                received[i] = arrivals.get(i - 1).get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            if (profileEdits) {
                String label = stack == BenchStack.OURS ? "ours" : "y-webrtc";
                open.get(0).saveProfile(profileDir.resolve(String.format(Locale.ROOT, "%s-edits-sender-run-%d.cpuprofile", label, profileRun)));
                open.get(1).saveProfile(profileDir.resolve(String.format(Locale.ROOT, "%s-edits-receiver-run-%d.cpuprofile", label, profileRun)));
            }
            double[] handlerStarts = pages == 2 ? open.get(1).receivedAt(edits) : null;
            for (int edit = 0; edit < edits; edit++) {
                double last = 0;
                for (int i = 1; i < pages; i++) {
                    last = Math.max(last, received[i][edit]);
                }
                double sentAt = sent[0][edit];
                latencies.add(last - sentAt);
                if (pages == 2) {
                    double channelSendAt = sent[1][edit];
                    editSplits.add(new double[] {last - sentAt, channelSendAt - sentAt, handlerStarts[edit] - channelSendAt,
                            last - handlerStarts[edit]});
                }
            }
            if (pages == 2) {
                Map<String, Double> editCpu = ProcessCpu.spent(cpu(open), cpuBeforeEdits);
                editCpu.replaceAll((type, millis) -> millis / edits);
                editCpu.forEach((type, millis) -> pairEditCpuByType.computeIfAbsent(stack, s -> new java.util.LinkedHashMap<>())
                        .computeIfAbsent(type, s -> new ArrayList<>()).add(millis));
                System.out.println(stack.label + ", 2 pages: CPU per edit (ms, both pages, idle gap included) " + editCpu);
                double tail = percentile(latencies, 95);
                for (double[] split : editSplits) {
                    addEditParts(editParts, stack, split);
                    if (split[0] >= tail) {
                        addEditParts(slowEditParts, stack, split);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%s, %d pages: p50 %.1f ms, p95 %.1f ms over %d edits%n", stack.label, pages,
                    percentile(latencies, 50), percentile(latencies, 95), latencies.size());
            return latencies;
        } finally {
            waiters.shutdownNow();
            open.forEach(BenchPage::close);
        }
    }

    private static void addEditParts(Map<BenchStack, Map<String, List<Double>>> into, BenchStack stack, double[] split) {
        Map<String, List<Double>> parts = into.computeIfAbsent(stack, s -> new java.util.LinkedHashMap<>());
        parts.computeIfAbsent("edit to send", s -> new ArrayList<>()).add(split[1]);
        parts.computeIfAbsent("send to message handler", s -> new ArrayList<>()).add(split[2]);
        parts.computeIfAbsent("message handler to observer", s -> new ArrayList<>()).add(split[3]);
    }

    /** Every process of every page's Chromium, by pid (pids are unique across the pages). */
    private static Map<Integer, ProcessCpu.Sample> cpu(List<BenchPage> pages) {
        Map<Integer, ProcessCpu.Sample> all = new java.util.HashMap<>();
        for (BenchPage page : pages) {
            all.putAll(ProcessCpu.snapshot(page.browser.profile()));
        }
        return all;
    }

    /**
     * What the joins cost all pages in CPU, then what the connected mesh costs when nobody edits (timers, awareness,
     * keep-alives): on 2 cores, a page's background work slows every other page's answer to a newcomer.
     */
    private void measureMeshCpu(BenchStack stack, List<BenchPage> open, Map<Integer, ProcessCpu.Sample> before)
            throws InterruptedException {
        Map<Integer, ProcessCpu.Sample> joined = cpu(open);
        Map<String, Double> joins = ProcessCpu.spent(joined, before);
        for (BenchPage page : open) {
            // loading the page (scripts, start-up) against joining and connecting (to every later newcomer too)
            Map<String, Double> loading = ProcessCpu.spent(page.cpuLoaded, page.cpuBeforeLoad);
            Map<String, Double> connecting = ProcessCpu.spent(ProcessCpu.snapshot(page.browser.profile()), page.cpuLoaded);
            loading.forEach((type, millis) -> meshPageCpuByType.computeIfAbsent(stack, s -> new java.util.LinkedHashMap<>())
                    .computeIfAbsent("page load: " + type, s -> new ArrayList<>()).add(millis));
            connecting.forEach((type, millis) -> meshPageCpuByType.computeIfAbsent(stack, s -> new java.util.LinkedHashMap<>())
                    .computeIfAbsent("join and connect: " + type, s -> new ArrayList<>()).add(millis));
        }
        Thread.sleep(IDLE_WINDOW_MILLIS); // a fixed window to measure over, not a wait for a condition
        Map<String, Double> idle = ProcessCpu.spent(cpu(open), joined);
        idle.replaceAll((type, millis) -> millis / open.size() / (IDLE_WINDOW_MILLIS / 1000.0));
        double joinsTotal = joins.values().stream().mapToDouble(Double::doubleValue).sum();
        double idleTotal = idle.values().stream().mapToDouble(Double::doubleValue).sum();
        meshJoinCpu.computeIfAbsent(stack, s -> new ArrayList<>()).add(joinsTotal);
        meshIdleCpu.computeIfAbsent(stack, s -> new ArrayList<>()).add(idleTotal);
        joins.forEach((type, millis) -> meshJoinCpuByType.computeIfAbsent(stack, s -> new java.util.LinkedHashMap<>())
                .computeIfAbsent(type, s -> new ArrayList<>()).add(millis));
        idle.forEach((type, millis) -> meshIdleCpuByType.computeIfAbsent(stack, s -> new java.util.LinkedHashMap<>())
                .computeIfAbsent(type, s -> new ArrayList<>()).add(millis));
        System.out.printf(Locale.ROOT, "%s, %d pages: CPU while joining %.0f ms %s; idle %.1f ms per page per s %s%n",
                stack.label, open.size(), joinsTotal, joins, idleTotal, idle);
    }

    /** A new peer joins a room of {@code items} items: time until it has all of them. */
    private double initialSync(BenchStack stack) throws Exception {
        BenchPage a = new BenchPage(stack, sites);
        BenchPage b = new BenchPage(stack, sites);
        try {
            String code = a.join(null);
            a.fill(items);
            await("filled", () -> a.size() == items);
            b.open();
            b.profiling = profileDir != null;
            double bytesBefore = a.channelBytes();
            long start = System.nanoTime();
            b.enter(code);
            try {
                awaitFor("all items", Duration.ofSeconds(90), () -> b.size() == items);
            } catch (IllegalStateException e) {
                System.out.printf(Locale.ROOT, "%s: the new peer had %d of %d items after 90 s: initial sync failed"
                        + " (the room's page handed %.0f bytes to its data channel, largest message %.0f)%n",
                        stack.label, b.size(), items, a.channelBytes() - bytesBefore, a.largestChannelMessage());
                return Double.NaN;
            }
            double millis = (System.nanoTime() - start) / 1e6;
            double bytes = a.channelBytes() - bytesBefore;
            initialSyncBytes.computeIfAbsent(stack, s -> new ArrayList<>()).add(bytes);
            Object longest = stack == BenchStack.OURS ? b.js("return window.longestTask") : -1;
            System.out.printf(Locale.ROOT, "%s: new peer has %d items after %.0f ms (from join); the room's page sent"
                    + " %.0f bytes, largest message %.0f%s%n", stack.label, items, millis, bytes,
                    a.largestChannelMessage(), stack == BenchStack.OURS ? "; longest task on it " + longest + " ms" : "");
            if (stack == BenchStack.OURS) { // the room's first write to IndexedDB follows the sync and belongs to it
                awaitLong("stored", () -> Boolean.TRUE.equals(b.js("return JSON.parse(window.probe.status()).storeIdle")));
                Object longestUntilStored = b.js("return window.longestTask");
                initialSyncLongestTasks.add(((Number) longestUntilStored).doubleValue());
                System.out.printf(Locale.ROOT, "%s: longest task on the new peer until its room was stored: %s ms%n",
                        stack.label, longestUntilStored);
            }
            if (b.profiling) {
                b.saveProfile(profileDir.resolve(String.format(Locale.ROOT, "%s-initial-sync-newcomer-%d.cpuprofile",
                        stack == BenchStack.OURS ? "ours" : "y-webrtc", items)));
            }
            return millis;
        } finally {
            a.close();
            b.close();
        }
    }

    /** A room of {@code items} items stored on this device; after a reload, time until it is applied. */
    private double storageLoad(BenchStack stack) throws Exception {
        BenchPage page = new BenchPage(stack, sites);
        try {
            if (stack == BenchStack.OURS) {
                page.join(null);
                // edits made before the room's store is open would reach it only with the next compaction
                await("room loaded", () -> page.js("return window.loadedAt || null") != null);
                page.fill(items);
                awaitLong("stored", () -> Boolean.TRUE.equals(page.js("return JSON.parse(window.probe.status()).storeIdle")));
                // one unmeasured reload first: y-indexeddb's store is read once before its measured load too (the
                // check that a fresh reader sees every item), and a store just read comes back far sooner
                page.driver.navigate().refresh();
                await("reloaded once", () -> page.js("return window.loadedAt || null") != null);
                awaitLong("stored again", () -> Boolean.TRUE.equals(page.js("return JSON.parse(window.probe.status()).storeIdle")));
                if (profileDir != null) {
                    page.startProfile(); // the page's process, and so its profiler, stays across the reload
                }
                page.driver.navigate().refresh();
                await("reloaded", () -> page.js("return window.loadedAt || null") != null);
                if (profileDir != null) {
                    page.saveProfile(profileDir.resolve("ours-storage-load-" + items + ".cpuprofile"));
                }
                double millis = ((Number) page.js("return window.loadedAt - window.loadStartAt")).doubleValue();
                double fromNavigation = ((Number) page.js("return window.loadedAt - performance.timeOrigin")).doubleValue();
                if (page.size() != items) {
                    System.out.printf(Locale.ROOT, "%s: only %d of %d items came back from IndexedDB%n", stack.label, page.size(), items);
                    return Double.NaN;
                }
                String db = RoomName.of(org.vaultsync.room.RoomCode.parse((String) page.js(
                        "return JSON.parse(window.probe.status()).room")));
                storageSteps(stack, page, db, "window.loadStartAt", millis);
                storageFromNavigation.computeIfAbsent(stack, s -> new ArrayList<>()).add(fromNavigation);
                storageFromScripts.computeIfAbsent(stack, s -> new ArrayList<>()).add(
                        ((Number) page.js("return window.loadedAt - window.mainStartAt")).doubleValue());
                System.out.printf(Locale.ROOT, "%s: %d-item room loaded from IndexedDB in %.1f ms (%.1f ms from navigation start)%n",
                        stack.label, items, millis, fromNavigation);
                return millis;
            }
            String name = "bench-" + UUID.randomUUID();
            page.driver.get(modules.base().resolve("/peer.html?defer=1&room=unused&signal=" + servers.signalingUrl()).toString());
            await("peer page", () -> Boolean.TRUE.equals(page.js("return !!window.peer")));
            page.js("window.peer.persist('" + name + "')");
            page.fill(items);
            // y-indexeddb writes each update in its own transaction: wait until a fresh reader sees them all.
            awaitLong("stored", () -> {
                Object size = ((JavascriptExecutor) page.driver).executeAsyncScript(""
                        + "const done = arguments[arguments.length - 1];"
                        + "import('yjs').then(Y => import('y-indexeddb').then(({IndexeddbPersistence}) => {"
                        + "  const doc = new Y.Doc(); const p = new IndexeddbPersistence('" + name + "', doc);"
                        + "  p.whenSynced.then(() => { const n = doc.getMap('vault').size; p.destroy(); done(n); });"
                        + "}));");
                return ((Number) size).intValue() == items;
            });
            Object millis;
            if (profileDir != null) {
                // profiled: the storage read starts once the profiler runs, so no figure from navigation start
                page.driver.navigate().refresh();
                await("peer page", () -> Boolean.TRUE.equals(page.js("return !!window.peer")));
                page.startProfile();
                millis = ((JavascriptExecutor) page.driver).executeAsyncScript(""
                        + "const done = arguments[arguments.length - 1];"
                        + "window.peer.persist('" + name + "').then(ms => done(ms));");
            } else {
                page.driver.get(modules.base().resolve("/peer.html?defer=1&room=unused&persist=" + name + "&signal="
                        + servers.signalingUrl()).toString());
                await("stored doc applied", () -> page.js("return (window.peer && window.peer.persistedAt) || null") != null);
                millis = page.js("return window.peer.persistMillis");
                storageFromNavigation.computeIfAbsent(stack, s -> new ArrayList<>()).add(
                        ((Number) page.js("return window.peer.persistedAt - performance.timeOrigin")).doubleValue());
                storageFromScripts.computeIfAbsent(stack, s -> new ArrayList<>()).add(
                        ((Number) page.js("return window.peer.persistedAt - window.peer.moduleStartAt")).doubleValue());
            }
            if (profileDir != null) {
                page.saveProfile(profileDir.resolve("y-webrtc-storage-load-" + items + ".cpuprofile"));
            }
            double value = ((Number) millis).doubleValue();
            if (page.size() != items) {
                System.out.printf(Locale.ROOT, "%s: only %d of %d items came back from IndexedDB%n", stack.label, page.size(), items);
                return Double.NaN;
            }
            storageSteps(stack, page, name, "window.peer.persistStartAt", value);
            System.out.printf(Locale.ROOT, "%s: %d-item room loaded from IndexedDB (y-indexeddb) in %.1f ms%n",
                    stack.label, items, value);
            return value;
        } finally {
            page.close();
        }
    }

    /** Where the time of loading database {@code db} went, from {@code start} (a page expression) to applied. */
    private void storageSteps(BenchStack stack, BenchPage page, String db, String start, double total) {
        Map<String, Double> steps = new java.util.LinkedHashMap<>();
        for (String step : PageTimeline.STORAGE_STEPS) {
            Object at = page.js("return (window.__timeline['" + step + ":" + db + "'] || 0) - " + start);
            steps.put(step, ((Number) at).doubleValue());
        }
        steps.put("applied", total);
        System.out.println(stack.label + " storage load steps (ms from start): " + describe(steps));
        // every database the page touched meanwhile (ours also opens the vault's): they share the browser's IndexedDB
        System.out.println(stack.label + " all IndexedDB steps (ms from start): " + page.js("const out = [];"
                + " for (const [key, at] of Object.entries(window.__timeline)) if (key.startsWith('idb'))"
                + "   out.push(key + ' ' + Math.round(at - " + start + ")); return out.join(', ');"));
        Object stored = ((JavascriptExecutor) page.driver).executeAsyncScript(""
                + "const done = arguments[arguments.length - 1];"
                + "const open = indexedDB.open('" + db + "');"
                + "open.onsuccess = () => { const read = open.result.transaction('updates').objectStore('updates').getAll();"
                + "  read.onsuccess = () => { const sizes = read.result.map(value => value.byteLength);"
                + "    open.result.close(); done(sizes.length + ' records, ' + sizes.reduce((a, b) => a + b, 0) + ' bytes, largest '"
                + "      + Math.max(...sizes) + ', types ' + [...new Set(read.result.map(value => value.constructor.name))].join('/')); }; };"
                + "open.onerror = () => done('cannot open');");
        System.out.println(stack.label + " stored updates: " + stored);
        steps.forEach((step, at) -> loadSteps.computeIfAbsent(stack, s -> new java.util.LinkedHashMap<>())
                .computeIfAbsent(step, s -> new ArrayList<>()).add(at));
    }

    private static double percentile(List<Double> samples, int percentile) {
        if (samples == null || samples.isEmpty()) {
            return Double.NaN;
        }
        if (samples.stream().anyMatch(sample -> Double.isNaN(sample))) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static void await(String what, BooleanSupplier condition) {
        awaitFor(what, Duration.ofSeconds(60), condition);
    }

    private static void awaitLong(String what, BooleanSupplier condition) {
        awaitFor(what, Duration.ofSeconds(180), condition);
    }

    private static void awaitFor(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            try {
                // a pause between polls: on 2 cores a spinning poll keeps a core and the polled page busy
                Thread.sleep(POLL_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }
}
