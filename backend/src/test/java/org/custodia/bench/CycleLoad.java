package org.custodia.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop HTTP load over the running service, for {@code scripts/bench-cycle.sh}: {@code users} virtual users
 * each send a request, wait for its answer, and send the next, for a fixed time after a warm-up. Prints one line of
 * figures per operation. Depends on the JDK only, so the script runs it as a single source file.
 *
 * <p>The warm-up lasts until the service runs at its steady rate: a fresh JVM interprets the request path and compiles
 * it while it serves, and on two cores shared with the load and PostgreSQL that takes minutes, during which it serves
 * a quarter of its steady rate. A service in production runs warm, so the warm-up goes on in windows of {@link
 * #WINDOW_SECONDS} until the best rate of the last two windows is within {@link #PLATEAU} of the best one before them
 * (at least {@code minWarmupSeconds}, at most {@code maxWarmupSeconds}). It prints the rate of each window on a
 * {@code warm-up} line, then {@code measuring}, when the measured period begins.
 *
 * <p>Scenarios: {@code read} fetches a random prisoner's case file; {@code submit} runs one assessment per loop
 * (start, save answers, submit with an idempotency key). A status other than the expected one counts as an error.
 *
 * <p>The token file is read again every {@link #TOKEN_READ_SECONDS}, so the script can replace the token before it
 * expires.
 *
 * <p>Arguments: {@code <baseUrl> <tokenFile> <scenario> <idsFile> <users> <minWarmupSeconds> <maxWarmupSeconds>
 * <seconds> [answersFile instrumentVersionId]}
 */
public final class CycleLoad {

    private static final int WINDOW_SECONDS = 30;
    private static final double PLATEAU = 1.05;
    private static final int TOKEN_READ_SECONDS = 10;

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private final Path tokenFile;
    private volatile String token;
    private final List<String> prisoners;
    private final Map<String, Latencies> latencies = new ConcurrentHashMap<>();
    private final AtomicLong completed = new AtomicLong();
    private volatile boolean measuring;
    private volatile boolean stopping;

    private CycleLoad(String base, Path tokenFile, List<String> prisoners) throws IOException {
        this.base = base;
        this.tokenFile = tokenFile;
        this.token = readToken();
        this.prisoners = prisoners;
        Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "token-reader");
                    thread.setDaemon(true);
                    return thread;
                })
                .scheduleWithFixedDelay(this::rereadToken, TOKEN_READ_SECONDS, TOKEN_READ_SECONDS, TimeUnit.SECONDS);
    }

    private String readToken() throws IOException {
        return Files.readString(tokenFile).strip();
    }

    /** Keeps the last token while the file is being replaced or empty. */
    private void rereadToken() {
        try {
            String read = readToken();
            if (!read.isEmpty()) {
                token = read;
            }
        } catch (IOException e) {
            System.err.println("could not read the token file: " + e.getMessage());
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 8) {
            System.err.println("usage: CycleLoad <baseUrl> <tokenFile> <read|submit> <idsFile> <users>"
                    + " <minWarmupSeconds> <maxWarmupSeconds> <seconds> [answersFile instrumentVersionId]");
            System.exit(2);
        }
        CycleLoad load = new CycleLoad(
                args[0],
                Path.of(args[1]),
                Files.readAllLines(Path.of(args[3])).stream()
                        .filter(line -> !line.isBlank())
                        .toList());
        Scenario scenario = switch (args[2]) {
            case "read" -> load.new Read();
            case "submit" -> load.new Submit(Files.readString(Path.of(args[8])).strip(), args[9]);
            default -> throw new IllegalArgumentException("unknown scenario " + args[2]);
        };
        load.run(
                scenario,
                Integer.parseInt(args[4]),
                Integer.parseInt(args[5]),
                Integer.parseInt(args[6]),
                Integer.parseInt(args[7]));
    }

    private void run(Scenario scenario, int users, int minWarmupSeconds, int maxWarmupSeconds, int seconds)
            throws InterruptedException {
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            loops.add(loop(scenario));
        }
        warmUp(minWarmupSeconds, maxWarmupSeconds);
        latencies.clear();
        measuring = true;
        System.out.println("measuring");
        System.out.flush();
        long started = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring = false;
        double elapsed = (System.nanoTime() - started) / 1e9;
        stopping = true;
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).join();
        latencies.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.println(e.getValue().summary(e.getKey(), elapsed)));
    }

    private void warmUp(int minSeconds, int maxSeconds) throws InterruptedException {
        long started = System.nanoTime();
        List<Double> rates = new ArrayList<>();
        double elapsed;
        do {
            long before = completed.get();
            long windowStarted = System.nanoTime();
            Thread.sleep(WINDOW_SECONDS * 1000L);
            rates.add((completed.get() - before) / ((System.nanoTime() - windowStarted) / 1e9));
            elapsed = (System.nanoTime() - started) / 1e9;
        } while (elapsed < maxSeconds && (elapsed < minSeconds || !plateaued(rates)));
        System.out.println(String.format(
                Locale.ROOT,
                "warm-up %.0fs %s rates/s=%s",
                elapsed,
                plateaued(rates) ? "steady" : "NOT-STEADY",
                rates.stream()
                        .map(rate -> String.format(Locale.ROOT, "%.1f", rate))
                        .toList()));
    }

    /** Whether the best of the last two windows is within {@link #PLATEAU} of the best one before them. */
    private static boolean plateaued(List<Double> rates) {
        int n = rates.size();
        if (n < 3) {
            return false;
        }
        double before = rates.subList(0, n - 2).stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElseThrow();
        double last = Math.max(rates.get(n - 2), rates.get(n - 1));
        return last <= before * PLATEAU;
    }

    private CompletableFuture<Void> loop(Scenario scenario) {
        if (stopping) {
            return CompletableFuture.completedFuture(null);
        }
        return scenario.once()
                .thenRun(completed::incrementAndGet)
                .exceptionally(error -> null)
                .thenCompose(ignored -> loop(scenario));
    }

    private interface Scenario {
        CompletableFuture<?> once();
    }

    /** Reads of a random prisoner's case file. */
    private final class Read implements Scenario {
        @Override
        public CompletableFuture<?> once() {
            return send(
                    "case-file",
                    200,
                    request("/api/prisoners/" + randomPrisoner() + "/case-file").GET());
        }
    }

    /** One assessment of a random prisoner per loop: start it, save the answers, submit. */
    private final class Submit implements Scenario {
        private final String answers;
        private final String instrumentVersionId;

        Submit(String answers, String instrumentVersionId) {
            this.answers = answers;
            this.instrumentVersionId = instrumentVersionId;
        }

        @Override
        public CompletableFuture<?> once() {
            long started = System.nanoTime();
            String start = "{\"prisonerId\":\"" + randomPrisoner() + "\",\"instrumentVersionId\":\""
                    + instrumentVersionId + "\"}";
            return send("1-start", 201, json(request("/api/assessments"), "POST", start))
                    .thenCompose(created -> {
                        String id = first(ID, created);
                        String patch = "{\"version\":" + first(VERSION, created) + ",\"answers\":" + answers + "}";
                        return send("2-answer", 200, json(request("/api/assessments/" + id), "PATCH", patch))
                                .thenApply(answered -> Map.of("id", id, "body", answered));
                    })
                    .thenCompose(answered -> {
                        String submit = "{\"version\":" + first(VERSION, answered.get("body")) + "}";
                        return send(
                                "3-submit",
                                200,
                                json(request("/api/assessments/" + answered.get("id") + "/submission"), "POST", submit)
                                        .header(
                                                "Idempotency-Key",
                                                UUID.randomUUID().toString()));
                    })
                    .thenRun(() -> record("submission", System.nanoTime() - started, true));
        }
    }

    private String randomPrisoner() {
        return prisoners.get(ThreadLocalRandom.current().nextInt(prisoners.size()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private static HttpRequest.Builder json(HttpRequest.Builder request, String method, String body) {
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    private CompletableFuture<String> send(String operation, int expected, HttpRequest.Builder request) {
        long started = System.nanoTime();
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    boolean ok = response.statusCode() == expected;
                    record(operation, System.nanoTime() - started, ok);
                    if (!ok) {
                        throw new IllegalStateException(operation + " answered " + response.statusCode());
                    }
                    return response.body();
                });
    }

    private void record(String operation, long nanos, boolean ok) {
        if (measuring) {
            latencies.computeIfAbsent(operation, o -> new Latencies()).add(nanos, ok);
        }
    }

    private static String first(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in the answer");
        }
        return matcher.group(1);
    }

    /** Every latency of one operation, kept whole so the percentiles are exact. */
    private static final class Latencies {
        private long[] nanos = new long[1 << 16];
        private int count;
        private final AtomicLong errors = new AtomicLong();

        synchronized void add(long value, boolean ok) {
            if (!ok) {
                errors.incrementAndGet();
                return;
            }
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = value;
        }

        synchronized String summary(String operation, double seconds) {
            long[] sorted = Arrays.copyOf(nanos, count);
            Arrays.sort(sorted);
            return String.format(
                    Locale.ROOT,
                    "%s ok=%d errors=%d rate=%.1f/s p50=%.2fms p99=%.2fms",
                    operation,
                    count,
                    errors.get(),
                    count / seconds,
                    percentile(sorted, 0.50),
                    percentile(sorted, 0.99));
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }
}
