package org.vaultsync.ui;

import java.util.function.Function;
import org.vaultsync.vault.VaultImport;

/**
 * Runs the page's one big import ({@link VaultImport}) in slices, each in its own turn of the event loop, so the
 * page keeps answering clicks and keys and re-renders "Importing 1,200 of 5,000 items" between slices; the result
 * is shown and read out when it ends. A slice lasts as long as the page's own work between two slices took
 * (re-rendering a list of thousands is most of it), from {@value #SLICE_MS} to {@value #MAX_SLICE_MS} ms: about
 * half of the time goes to the import, and no slice keeps a click waiting longer than that. The job outlives the screen that started
 * it: the shell shows its progress above every page ({@link #running}).
 */
public final class ImportProgress {
    private static final int SLICE_MS = 12;
    private static final int MAX_SLICE_MS = 100;
    private static ImportProgress current;

    private final VaultImport job;
    private final Function<VaultImport, String> result;
    private double sliceMs = SLICE_MS;
    private double lastSliceEnd;

    private ImportProgress(VaultImport job, Function<VaultImport, String> result) {
        this.job = job;
        this.result = result;
    }

    /** The import under way, or null. */
    static ImportProgress running() {
        return current;
    }

    /**
     * Starts {@code job} unless another import runs (then says so and returns false); {@code result} words what
     * the finished import did, for a toast and the live region.
     */
    static boolean start(VaultImport job, Function<VaultImport, String> result) {
        if (current != null) {
            Toasts.show("An import is already running (" + current.getText() + ")");
            return false;
        }
        current = new ImportProgress(job, result);
        Toasts.announce("Importing " + Numbers.count(job.total(), "item", "items"));
        current.nextSlice();
        return true;
    }

    private void nextSlice() {
        AppServices.later(() -> {
            double start = AppServices.now();
            if (lastSliceEnd > 0) {
                // as long as the page's own work between two slices (rendering, input, peers), within bounds
                sliceMs = Math.min(MAX_SLICE_MS, Math.max(SLICE_MS, start - lastSliceEnd));
            }
            boolean finished = job.step();
            while (!finished && AppServices.now() < start + sliceMs) {
                finished = job.step();
            }
            lastSliceEnd = AppServices.now();
            if (finished) {
                current = null;
                Toasts.show(result.apply(job));
            }
            AppServices.get().changed(); // the re-render goes first in the queue, the next slice after it
            if (!finished) {
                nextSlice();
            }
        });
    }

    public int getDone() {
        return job.done();
    }

    public int getTotal() {
        return job.total();
    }

    public String getText() {
        return "Importing " + Numbers.grouped(job.done()) + " of " + Numbers.count(job.total(), "item", "items");
    }
}
