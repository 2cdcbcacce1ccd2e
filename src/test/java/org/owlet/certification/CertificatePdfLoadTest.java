package org.owlet.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;

/**
 * Certificate PDFs under load, without the web server: 64 threads draw distinct certificates (first render) and then the
 * same ones again (repeat downloads, from the cache). Prints the rates and latencies; checks that the pooled fonts give
 * exactly the bytes of a document drawn alone, that the cache hands back the same bytes, that a revoked certificate is
 * never served from what was cached while it was valid, and that the cache stays within its configured size.
 * Names are drawn from a fixed seed (printed; -Dowlet.pdf-load.seed=N for others), in Latin, Vietnamese and Chinese script, so both font families are used.
 */
class CertificatePdfLoadTest {

    static final int THREADS = 64;
    /** Distinct certificates per run (-Dowlet.pdf-load.certificates=640 for a longer run). */
    static final int CERTIFICATES = Integer.getInteger("owlet.pdf-load.certificates", 256);

    @Test
    void sixtyFourDownloadsAtOnceGiveTheBytesOfOneAloneAndRepeatsComeFromTheCache() throws Exception {
        // a fixed seed, printed; -Dowlet.pdf-load.seed=N tries other names
        long seed = Long.getLong("owlet.pdf-load.seed", 20261207L);
        System.out.println("CertificatePdfLoadTest seed " + seed + " (replay with -Dowlet.pdf-load.seed=" + seed + ")");
        Random random = new Random(seed);
        CertificatePdf pdf = new CertificatePdf(new CertificateFonts(config(0, "64M")), config(0, "64M"));
        List<CertificatePdf.Content> contents = new ArrayList<>();
        for (int i = 0; i < CERTIFICATES; i++) {
            contents.add(content("C" + seed + "-" + i, name(random), random.nextInt(3) == 0 ? "zh-CN" : "en", false));
        }
        // reference bytes, drawn one at a time before any load (the first with fonts parsed just for it)
        List<byte[]> alone = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            alone.add(pdf.draw(contents.get(i)));
        }
        pdf.draw(contents.get(0)); // warm

        long[] first = run(pdf, contents);
        long[] repeat = run(pdf, contents);
        print("first render", first);
        print("repeat download (cached)", repeat);

        for (int i = 0; i < alone.size(); i++) {
            assertThat(pdf.render(contents.get(i))).as("certificate %d under load = drawn alone", i).isEqualTo(alone.get(i));
        }
        try (PDDocument doc = Loader.loadPDF(pdf.render(contents.get(1)))) {
            assertThat(new PDFTextStripper().getText(doc)).contains(contents.get(1).holder());
        }
    }

    @Test
    void aRevokedCertificateIsDrawnAfreshNotTakenFromTheCacheOfItsValidDays() throws IOException {
        CertificatePdf pdf = new CertificatePdf(new CertificateFonts(config(2, "4M")), config(2, "4M"));
        byte[] valid = pdf.render(content("REVOKE-1", "Ana Acme", "en", false));
        assertThat(pdf.render(content("REVOKE-1", "Ana Acme", "en", false))).as("repeat download").isSameAs(valid);

        byte[] revoked = pdf.render(content("REVOKE-1", "Ana Acme", "en", true));
        assertThat(revoked).isNotEqualTo(valid);
        try (PDDocument doc = Loader.loadPDF(revoked)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("REVOKED", "Revoked on").doesNotContain("Valid until");
        }
        byte[] withheld = pdf.render(content("REVOKE-1", null, "en", true));
        try (PDDocument doc = Loader.loadPDF(withheld)) {
            assertThat(new PDFTextStripper().getText(doc)).as("an erased name is not served from the cache")
                    .contains("Name withheld").doesNotContain("Ana Acme");
        }
    }

    @Test
    void theCacheKeepsToItsSize() throws IOException {
        CertificationConfig small = config(2, "256K");
        CertificatePdf pdf = new CertificatePdf(new CertificateFonts(small), small);
        List<CertificatePdf.Content> contents = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < 40; i++) {
            contents.add(content("SIZE-" + i, "Member " + i, "en", false));
            total += pdf.render(contents.get(i)).length;
        }
        assertThat(total).as("more drawn than fits").isGreaterThan(256 * 1024);
        int kept = 0;
        long keptBytes = 0;
        for (CertificatePdf.Content content : contents) {
            byte[] cached = pdf.cached(content);
            if (cached != null) {
                kept++;
                keptBytes += cached.length + 2048;
            }
        }
        System.out.printf("CertificatePdfLoadTest cache: %d of 40 PDFs (%d bytes drawn) kept in 256 KB: %d bytes%n", kept, total,
                keptBytes);
        assertThat(keptBytes).isLessThanOrEqualTo(256 * 1024);
        assertThat(kept).as("some are kept").isPositive();

        CertificationConfig none = config(2, "0");
        CertificatePdf uncached = new CertificatePdf(new CertificateFonts(none), none);
        byte[] once = uncached.render(contents.get(0));
        assertThat(uncached.render(contents.get(0))).as("cache size 0: drawn every time, same bytes").isNotSameAs(once)
                .isEqualTo(once);
    }

    /** Renders every content once on {@link #THREADS} threads; returns the latencies in nanoseconds and, last, the wall time. */
    private static long[] run(CertificatePdf pdf, List<CertificatePdf.Content> contents) throws Exception {
        long[] latencies = new long[contents.size() + 2];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < contents.size(); i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    byte[] bytes = pdf.render(contents.get(i));
                    latencies[i] = System.nanoTime() - t0;
                    assertThat(bytes.length).isPositive();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        latencies[contents.size()] = System.nanoTime() - start;
        latencies[contents.size() + 1] = processCpuNanos() - cpu;
        pool.shutdown();
        return latencies;
    }

    /**
     * Prints the rate and latencies, and the CPU time per PDF with the rate it allows on this machine's cores (all of this
     * JVM's CPU time counts: on a machine shared with other work the wall-clock figures say more about the others).
     */
    private static void print(String what, long[] latencies) {
        int n = latencies.length - 2;
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        double seconds = latencies[n] / 1e9;
        double cpuMs = latencies[n + 1] / 1e6 / n;
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("CertificatePdfLoadTest %s: %d PDFs, %d threads, %d cores: %.0f/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
                + " CPU %.2f ms per PDF (at most %.0f/s on %d cores)%n", what, n, THREADS, cores, n / seconds, sorted[n / 2] / 1e6,
                sorted[(int) Math.ceil(n * 0.99) - 1] / 1e6, sorted[n - 1] / 1e6, cpuMs, cores * 1000 / cpuMs, cores);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String name(Random random) {
        String[][] parts = { { "Amelia", "Nguyễn", "Zoë", "Łukasz", "Ana", "Carl" }, { "Ó Súilleabháin", "Thị Minh", "Faÿ-Lefèvre",
                "Acme", "Globex" }, { "王小明", "李华", "张伟" } };
        String[] family = parts[random.nextInt(parts.length)];
        return family[random.nextInt(family.length)] + " " + family[random.nextInt(family.length)] + " " + random.nextInt(1000);
    }

    static CertificatePdf.Content content(String code, String holder, String language, boolean revoked) {
        return new CertificatePdf.Content(language, "Coalition to End Wildlife Trafficking Online", "Certificate of completion",
                "This certifies that", holder == null ? "Name withheld" : holder, "has completed", "Ivory, horn and casque",
                "Version 1.0, score 90 %", "Acme Trading", "Issued on 5 March 2026",
                revoked ? "Revoked on 6 March 2026" : "Valid until 4 March 2028", "Code " + code,
                "Verify at https://owlet.example/verify/" + code, "https://owlet.example/verify/" + code,
                "QR code linking to https://owlet.example/verify/" + code, "Certificate", LocalDate.of(2026, 3, 5), code + "/1",
                revoked ? "REVOKED" : null, "owlet.example/verify");
    }

    static CertificationConfig config(int renderers, String cacheSize) {
        return new CertificationConfig() {
            @Override
            public String issuerName() {
                return "Coalition to End Wildlife Trafficking Online";
            }

            @Override
            public String badgeKey() {
                return "";
            }

            @Override
            public Optional<String> previousBadgeKeys() {
                return Optional.empty();
            }

            @Override
            public RateLimit rateLimit() {
                return null;
            }

            @Override
            public Pdf pdf() {
                return new Pdf() {
                    @Override
                    public int renderers() {
                        return renderers;
                    }

                    @Override
                    public MemorySize cacheSize() {
                        return new MemorySizeConverter().convert(cacheSize);
                    }
                };
            }
        };
    }
}
