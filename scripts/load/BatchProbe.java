import java.net.URI;
import java.net.http.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.regex.*;

/**
 * The exchange alone under load: C callers each sending POST /exchange/v1/batch (the login's 2 items: hukou and births
 * of a demo guardian) back to back for S seconds through one JDK HttpClient (HTTP/1.1, as the platform), 2 s timeout;
 * prints batches/s, failures and latency percentiles. Loopback only, at most 500 callers and 120 s. Needs the demo
 * profile (demo secrets, guardian listing).
 *
 *   java scripts/load/BatchProbe.java http://127.0.0.1:8090 200 20
 */
public class BatchProbe {
    public static void main(String[] a) throws Exception {
        String base = a[0]; int c = Integer.parseInt(a[1]); int seconds = Integer.parseInt(a[2]);
        if (!base.matches("http://(127\\.0\\.0\\.1|localhost):\\d+") || c < 1 || c > 500 || seconds < 1 || seconds > 120) {
            System.err.println("usage: BatchProbe http://127.0.0.1:PORT callers(1-500) seconds(1-120); loopback only");
            System.exit(2);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String basic = Base64.getEncoder().encodeToString("xuewei-platform:demo-platform-secret".getBytes());
        String tok = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=registry.read")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(tok); m.find(); String token = m.group(1);
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/exchange/admin/demo/guardians?offset=0&limit=1000")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        List<String> ids = new ArrayList<>(); Matcher im = Pattern.compile("\"idNumber\":\"([0-9X]{18})\"").matcher(page); while (im.find()) ids.add(im.group(1));
        System.out.println("guardians " + ids.size());
        List<Long> lat = Collections.synchronizedList(new ArrayList<>()); AtomicInteger fail = new AtomicInteger(); AtomicInteger n = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(c);
        for (int t = 0; t < c; t++) pool.submit(() -> {
            while (System.nanoTime() < end) {
                String id = ids.get(n.getAndIncrement() % ids.size());
                String body = "{\"timeoutMs\":1900,\"items\":[{\"registry\":\"HUKOU\",\"operation\":\"households-of-person\",\"key\":\"" + id + "\"},{\"registry\":\"BIRTH\",\"operation\":\"births-of-parent\",\"key\":\"" + id + "\"}]}";
                long s = System.nanoTime();
                try {
                    HttpResponse<String> r = http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/exchange/v1/batch")).timeout(java.time.Duration.ofSeconds(2))
                            .header("Authorization", "Bearer " + token).header("purpose", "load-probe").header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).join();
                    if (r.statusCode() != 200) fail.incrementAndGet(); else lat.add((System.nanoTime() - s) / 1_000_000);
                } catch (Exception e) { fail.incrementAndGet(); }
            }
            return null;
        });
        pool.shutdown(); pool.awaitTermination(seconds + 30, TimeUnit.SECONDS);
        List<Long> l = new ArrayList<>(lat); Collections.sort(l);
        System.out.printf("ok %d fail %d in %ds = %.1f/s; p50 %d p90 %d p99 %d max %d ms%n", l.size(), fail.get(), seconds, l.size() / (double) seconds,
                l.get(l.size() / 2), l.get(l.size() * 9 / 10), l.get(Math.max(0, l.size() * 99 / 100 - 1)), l.get(l.size() - 1));
        System.exit(0);
    }
}
