package org.vaultsync.e2e;

import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vaultsync.json.Json;

/** One tab running the sync probe: calls {@code window.probe} and waits for conditions on it. */
public final class ProbePage {
    private final ChromeDriver driver;
    private final String name;

    public ProbePage(ChromeDriver driver, String name) {
        this.driver = driver;
        this.name = name;
    }

    public ProbePage open(String url) {
        driver.get(url);
        return awaitReady();
    }

    public ProbePage awaitReady() {
        await("probe ready", Duration.ofSeconds(20), () -> Boolean.TRUE.equals(js("return !!(window.probe && window.probe.ready)")));
        return this;
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public String call(String function, Object... args) {
        StringBuilder script = new StringBuilder("return window.probe." + function + "(");
        for (int i = 0; i < args.length; i++) {
            script.append(i == 0 ? "" : ", ").append("arguments[").append(i).append("]");
        }
        script.append(");");
        Object result = js(script.toString(), args);
        return result == null ? null : result.toString();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> status() {
        try {
            return (Map<String, Object>) Json.parse(call("status"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public String state() {
        return (String) status().get("state");
    }

    public int peers() {
        return ((Number) status().get("peers")).intValue();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> stats() {
        try {
            return (Map<String, Object>) Json.parse(call("stats"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public void awaitState(String state) {
        await("state " + state, Duration.ofSeconds(30), () -> state.equals(state()));
    }

    public void awaitValue(String key, String value) {
        await(key + " = " + value, Duration.ofSeconds(30), () -> value.equals(call("get", key)));
    }

    public void awaitPeers(int count) {
        await(count + " peers", Duration.ofSeconds(30), () -> peers() == count);
    }

    /** {@code a} creates an open room, {@code b} joins it by code; returns the code once both count one peer. */
    public static String pairInNewRoom(ProbePage a, ProbePage b) {
        String code = a.call("create");
        b.call("join", code);
        awaitPeers(1, a, b);
        return code;
    }

    /** Waits until every page counts {@code count} peers; a timeout reports every page's status. */
    public static void awaitPeers(int count, ProbePage... pages) {
        for (ProbePage page : pages) {
            try {
                page.awaitPeers(count);
            } catch (AssertionError e) {
                StringBuilder all = new StringBuilder(e.getMessage());
                for (ProbePage other : pages) {
                    all.append("\n").append(other.name).append(": ").append(other.call("status"))
                            .append(" stats ").append(other.call("stats")).append(" events ").append(other.call("events"));
                }
                throw new AssertionError(all.toString(), e);
            }
        }
    }

    public void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(driver, timeout, Duration.ofMillis(50)).until(d -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(name + ": timed out waiting for " + what + "; status " + call("status")
                    + "; events " + call("events"), e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }
}
