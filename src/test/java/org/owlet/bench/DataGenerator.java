package org.owlet.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.owlet.catalog.format.CatalogReader;
import org.owlet.catalog.format.LoadedCatalog;
import org.owlet.catalog.model.AnswerKey;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Item;
import org.owlet.catalog.model.Module;
import org.owlet.certification.VerificationCodes;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Fills an Owlet database with a seeded, reproducible population for the benchmark (issue 18): 50 companies across the
 * regions, {@code 100,000 × scale} learners (the first company, {@value #BIG_NAME}, with {@code 10,000 × scale}), the
 * real courses of {@code courses/} in the learners' eight languages (enrolments, lessons read, drill schedules, quiz,
 * final and refresher attempts with every answer), about {@code 5 million × scale} answers and {@code 150,000 × scale}
 * certificates over 28 months (certificates are valid 24 months: the oldest reach their renewal window, are renewed
 * or expire), assignments and workshops.
 * <p>
 * The same seed gives the same rows. The generator applies the app's own Flyway migrations first, refuses a database
 * that already has members, writes each table with PostgreSQL's COPY (batched inserts on other databases), and prints
 * the seconds and rows per table. Ids are given explicitly and the identity columns restarted after them.
 * <p>
 * How benchmark users map onto members: a member's {@code subject} is the identity provider's {@code sub}. Generated
 * subjects are name-based UUIDs ({@link #subjectOf(String)}) of the member's e-mail address, so the benchmark creates
 * the Keycloak user with that id (partial import / realm JSON keeps a given {@code id}) and the address as username
 * and verified e-mail; the address's domain ({@code <slug>.example}) is the company's domain, so a sign-in keeps the
 * member in the generated company. Learners are {@code learner-000001@<slug>.example} (numbered across the whole
 * population), each company's admin {@code admin@<slug>.example} (role {@code company-admin}), individual learners
 * {@code learner-NNNNNN@individual.example}.
 * <p>
 * Run: {@code ./mvnw -B -o -q -Pdatagen -Ddatagen.url=jdbc:postgresql://127.0.0.1:PORT/owlet [-Ddatagen.user=postgres]
 * [-Ddatagen.password=] [-Ddatagen.scale=1] [-Ddatagen.seed=N] [-Ddatagen.today=YYYY-MM-DD] [-Ddatagen.threads=3]}.
 */
public final class DataGenerator {

    public static final String BIG_NAME = "Northwind Logistics";
    public static final String BIG_SLUG = "northwind";
    static final int COMPANIES = 50;
    static final int LEARNERS = 100_000;
    static final int BIG_LEARNERS = 10_000;
    static final int HISTORY_MONTHS = 28;
    static final String[] LANGUAGES = { "en", "fr", "es", "pt", "zh-CN", "vi", "id", "nl" };
    static final int[] LANGUAGE_WEIGHTS = { 30, 12, 14, 10, 12, 8, 8, 6 };
    static final String[] REGIONS = { "AFRICA", "ASIA", "EUROPE", "NORTH_AMERICA", "SOUTH_AMERICA", "OCEANIA" };
    static final String[][] COUNTRIES = { { "KE", "ZA", "NG", "TZ" }, { "CN", "VN", "ID", "TH", "SG" }, { "FR", "ES", "NL", "DE", "GB" },
            { "US", "CA", "MX" }, { "BR", "AR", "CO" }, { "AU", "NZ" } };
    static final String[] NAME_WORDS = { "Acacia", "Baobab", "Cedar", "Delta", "Ember", "Fjord", "Granite", "Harbour", "Indigo",
            "Juniper", "Kestrel", "Lagoon", "Meridian", "Nimbus", "Orchid", "Pelican", "Quartz", "Riverside", "Savanna", "Tundra",
            "Umber", "Valley", "Willow", "Yarrow", "Zephyr" };
    static final String[] NAME_KINDS = { "Market", "Trading", "Commerce", "Marketplace", "Auctions", "Shipping", "Classifieds",
            "Retail", "Search", "Social" };
    static final String[] FIRST = { "Ana", "Bao", "Carla", "Dewi", "Emma", "Farid", "Gabriel", "Hana", "Ines", "Joao", "Kim", "Linh",
            "Mateo", "Nadia", "Olivier", "Putri", "Quang", "Rosa", "Sanne", "Tomas", "Uma", "Vinh", "Wei", "Xin", "Yusuf", "Zoe" };
    static final String[] LAST = { "Alves", "Bakker", "Chen", "Dubois", "Evans", "Fernandez", "Garcia", "Hidayat", "Jansen", "Khan",
            "Le", "Martin", "Nguyen", "Okafor", "Pereira", "Rossi", "Santoso", "Tran", "Visser", "Wang", "Yilmaz", "Zhang" };

    /** The tables written, in the order their foreign keys need. */
    enum Table {
        COMPANY("company", "id, name, slug, region, country, org_alias, joined_on, active, created_at"), COMPANY_DOMAIN("company_domain",
                "id, company_id, domain"), MEMBER("member",
                        "id, subject, display_name, email, preferred_language, first_seen_at, last_seen_at, company_id, "
                                + "company_source, company_since, person_key, roles"), ENROLMENT(
                                        "enrolment",
                                        "id, member_id, course_id, content_hash, enrolled_at, last_path, last_activity_at, completed_at, "
                                                + "completion_language"), ASSIGNMENT("assignment",
                                                        "id, company_id, member_id, course_id, due_on, created_by, created_at"), LESSON_READ(
                                                                "lesson_read",
                                                                "id, member_id, course_id, lesson_id, read_at"), ATTEMPT("attempt",
                                                                        "id, member_id, company_id, course_id, course_version, content_hash, module_id, module_kind, language, "
                                                                                + "item_ids, seed, started_at, submitted_at, score, passed, open_key"), RENDERED_QUESTION(
                                                                                        "rendered_question",
                                                                                        "id, question_key, member_id, course_id, content_hash, module_kind, module_id, "
                                                                                                + "attempt_id, item_id, option_order, shown_at, answered"), ANSWER(
                                                                                                        "answer",
                                                                                                        "id, member_id, person_key, company_id, course_id, course_version, content_hash, module_kind, module_id, "
                                                                                                                + "attempt_id, item_id, item_hash, language, response, score, correct, shown_at, answered_at, question_id, counted, "
                                                                                                                + "counted_item_id"), CARD_SCHEDULE(
                                                                                                                        "card_schedule",
                                                                                                                        "id, member_id, course_id, item_id, repetitions, easiness, interval_days, due, last_reviewed, "
                                                                                                                                + "last_answered_at, first_correct_at, mastered_at, version"), CERTIFICATE(
                                                                                                                                        "certificate",
                                                                                                                                        "id, code, code_hash, member_id, person_key, holder_name, company_id, company_name, course_id, "
                                                                                                                                                + "course_version, content_hash, course_title, language, score, attempt_id, refresher, renews_id, issued_on, "
                                                                                                                                                + "expires_on, renewal_opens_on, issued_at, edition, revoked_at, revoked_reason, status_index"), WORKSHOP(
                                                                                                                                                        "workshop",
                                                                                                                                                        "id, held_on, company_id, country, language, trainer, topic, head_count, created_by, created_at"), WORKSHOP_ATTENDEE(
                                                                                                                                                                "workshop_attendee",
                                                                                                                                                                "id, workshop_id, member_id, person_key, name, email");

        final String table;
        final String columns;

        Table(String table, String columns) {
            this.table = table;
            this.columns = columns;
        }

        int width() {
            return columns.split(",").length;
        }
    }

    /** What to generate. */
    public record Options(double scale, long seed, LocalDate today, Path coursesDir, Path assetsDir) {
    }

    /** What was generated: the figures the benchmark and the tests need. */
    public record Summary(long seed, double scale, String bigCompanyName, long bigCompanyId, int bigCompanyMembers, String adminEmail,
            String adminSubject, String coalitionAdminEmail, String coalitionAdminSubject, String sampleLearnerEmail,
            String sampleLearnerSubject, String sampleCertificateCode, Map<String, Long> rows, double seconds) {
    }

    // ------------------------------------------------------------------------------------------ the command

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("datagen.url");
        if (url == null || url.isBlank()) {
            System.err.println("datagen: set -Ddatagen.url=jdbc:postgresql://HOST:PORT/DATABASE (and -Ddatagen.user, -Ddatagen.password)");
            System.exit(2);
        }
        double scale = Double.parseDouble(System.getProperty("datagen.scale", "1"));
        if (!(scale > 0 && scale <= 100)) {
            System.err.println("datagen: datagen.scale must be a number above 0 and at most 100, e.g. 0.1, 1 or 10");
            System.exit(2);
        }
        String seedText = System.getProperty("datagen.seed");
        long seed = seedText == null || seedText.isBlank() ? new java.security.SecureRandom().nextLong() & 0xffffffffL
                : Long.parseLong(seedText);
        String todayText = System.getProperty("datagen.today");
        LocalDate today = todayText == null || todayText.isBlank() ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(todayText);
        String user = System.getProperty("datagen.user", "postgres");
        String password = System.getProperty("datagen.password", "");
        Path courses = Path.of(System.getProperty("datagen.courses", "courses"));
        Path assets = Path.of(System.getProperty("datagen.assets", "assets"));
        System.out.printf("datagen: seed %d (replay with -Ddatagen.seed=%d), scale %s, today %s, %s%n", seed, seed, scale, today, url);
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
        int threads = Integer.parseInt(System.getProperty("datagen.threads", "3"));
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            Summary summary = new DataGenerator(new Options(scale, seed, today, courses, assets)).generate(connection,
                    () -> DriverManager.getConnection(url, user, password), threads);
            print(summary);
        }
    }

    /** Applies the migrations to {@code dataSource} and generates into it (tests: the app's own datasource). */
    public static Summary migrateAndGenerate(DataSource dataSource, Options options) throws SQLException {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        try (Connection connection = dataSource.getConnection()) {
            return new DataGenerator(options).generate(connection, dataSource::getConnection, 1);
        }
    }

    static void print(Summary s) {
        System.out.printf("datagen: done in %.1f s (seed %d, scale %s)%n", s.seconds(), s.seed(), s.scale());
        System.out.printf("datagen: big company \"%s\" (id %d, %d members); its admin signs in as %s (sub %s)%n", s.bigCompanyName(),
                s.bigCompanyId(), s.bigCompanyMembers(), s.adminEmail(), s.adminSubject());
        System.out.printf("datagen: coalition admin %s (sub %s); a learner: %s (sub %s); a valid certificate: %s%n",
                s.coalitionAdminEmail(), s.coalitionAdminSubject(), s.sampleLearnerEmail(), s.sampleLearnerSubject(),
                s.sampleCertificateCode());
    }

    /** The member's subject: a name-based UUID of the e-mail address, so the benchmark can create the same Keycloak user. */
    public static String subjectOf(String email) {
        return UUID.nameUUIDFromBytes(("owlet-datagen:" + email).getBytes(StandardCharsets.UTF_8)).toString();
    }

    // ------------------------------------------------------------------------------------------ the population

    private final Options options;
    private final List<CourseInfo> courses;
    private final int learners;
    private final int bigLearners;
    private final Instant start;
    private final Instant now;
    private final Company[] companies = new Company[COMPANIES];

    record Company(long id, String name, String slug, String region, String country, LocalDate joinedOn) {
    }

    /** A course with what the generator needs of it, precomputed. */
    record CourseInfo(Course course, List<String> lessons, List<Module.Drill> drills, List<Module.Quiz> quizzes, Module.FinalAssessment fin,
            Map<String, String> itemHash, Map<String, String[]> responses) {
    }

    public DataGenerator(Options options) {
        this.options = options;
        LoadedCatalog catalog = CatalogReader.read(options.coursesDir(), options.assetsDir());
        if (catalog.courses().isEmpty()) {
            throw new IllegalArgumentException("no course could be read from " + options.coursesDir().toAbsolutePath());
        }
        this.courses = catalog.courses().stream().filter(c -> c.finalAssessment().isPresent()).map(DataGenerator::info).toList();
        this.learners = Math.max(COMPANIES * 4, (int) Math.round(LEARNERS * options.scale()));
        this.bigLearners = Math.max(4, (int) Math.round(BIG_LEARNERS * options.scale()));
        this.now = options.today().atTime(12, 0).toInstant(ZoneOffset.UTC);
        this.start = options.today().minusMonths(HISTORY_MONTHS).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static CourseInfo info(Course course) {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> hashes = new LinkedHashMap<>();
        Map<String, String[]> responses = new LinkedHashMap<>();
        course.items().forEach((id, item) -> {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(item));
                hashes.put(id, HexFormat.of().formatHex(digest, 0, 16));
            } catch (NoSuchAlgorithmException | JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            responses.put(id, responses(item));
        });
        List<String> lessons = course.modules().stream().filter(Module.Lesson.class::isInstance).map(Module::id).toList();
        List<Module.Drill> drills = course.modules().stream().filter(Module.Drill.class::isInstance).map(Module.Drill.class::cast)
                .toList();
        List<Module.Quiz> quizzes = course.modules().stream().filter(Module.Quiz.class::isInstance).map(Module.Quiz.class::cast).toList();
        return new CourseInfo(course, lessons, drills, quizzes, course.finalAssessment().orElseThrow(), hashes, responses);
    }

    /** The stored response of a right answer (index 0) and of a wrong one (index 1), as the app's Submission JSON. */
    private static String[] responses(Item item) {
        String right;
        String wrong;
        AnswerKey key = item.key();
        if (key instanceof AnswerKey.Choice choice) {
            List<String> all = optionIds(item);
            String other = all.stream().filter(o -> !choice.correct().contains(o)).findFirst().orElse("x");
            right = submission(quoted(choice.correct()), null, null, null, null);
            wrong = submission("[\"" + other + "\"]", null, null, null, null);
        } else if (key instanceof AnswerKey.Regions regions) {
            String other = item instanceof Item.Hotspot h
                    ? h.regions().stream().map(Item.Region::id).filter(r -> !regions.targets().contains(r)).findFirst().orElse(null)
                    : null;
            right = submission("[]", regions.targets().iterator().next(), null, null, null);
            wrong = submission("[]", other, null, null, null);
        } else if (key instanceof AnswerKey.Triage triage) {
            right = submission("[]", null, triage.decision().name(), quoted(triage.redFlags()), null);
            AnswerKey.Decision other = triage.decision() == AnswerKey.Decision.ALLOW ? AnswerKey.Decision.REMOVE : AnswerKey.Decision.ALLOW;
            wrong = submission("[]", null, other.name(), "[]", null);
        } else {
            boolean value = ((AnswerKey.Truth) key).value();
            right = submission("[]", null, null, "[]", value);
            wrong = submission("[]", null, null, "[]", !value);
        }
        return new String[] { right, wrong };
    }

    private static List<String> optionIds(Item item) {
        List<Item.Option> options = item instanceof Item.ImageChoice i ? i.options()
                : item instanceof Item.CodedTerm i ? i.options()
                        : item instanceof Item.SingleChoice i ? i.options() : item instanceof Item.MultiChoice i ? i.options() : List.of();
        return options.stream().map(Item.Option::id).toList();
    }

    private static String quoted(java.util.Collection<String> ids) {
        return ids.stream().sorted().map(id -> "\"" + id + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private static String submission(String options, String region, String decision, String phrases, Boolean truth) {
        return "{\"options\":" + options + ",\"region\":" + (region == null ? "null" : "\"" + region + "\"")
                + ",\"x\":null,\"y\":null,\"shownWidth\":null,\"decision\":" + (decision == null ? "null" : "\"" + decision + "\"")
                + ",\"phrases\":" + (phrases == null ? "[]" : phrases) + ",\"truth\":" + truth + "}";
    }

    // ------------------------------------------------------------------------------------------ generating

    /** Opens another connection to the same database (PostgreSQL: tables are written in parallel). */
    public interface Connections {
        Connection open() throws SQLException;
    }

    /**
     * Writes every table into {@code connection} (migrated, without members), each in its own transaction. On PostgreSQL,
     * when the user may (a superuser), the tables are written by {@code threads} connections at once with
     * {@code session_replication_role = replica}, which skips the foreign-key triggers: the rows are consistent by
     * construction (the H2 test inserts them with every constraint checked). Otherwise one table after another.
     */
    public Summary generate(Connection connection, Connections more, int threads) throws SQLException {
        long t0 = System.nanoTime();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM member")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new IllegalStateException("the database already has " + rs.getLong(1) + " members: generate into an empty, "
                        + "migrated database (a fresh one)");
            }
        }
        makeCompanies();
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        boolean replica = false;
        if (postgres) {
            try (Statement st = connection.createStatement()) {
                st.execute("SET session_replication_role = replica");
                replica = true;
            } catch (SQLException e) {
                System.out.println("datagen: not a superuser (" + e.getMessage().lines().findFirst().orElse("") + "): one table after "
                        + "another, foreign keys checked");
            }
        }
        Map<String, Long> rows = new java.util.concurrent.ConcurrentHashMap<>();
        if (replica && more != null && threads > 1) {
            System.out.printf("datagen: %d connections, session_replication_role = replica (no foreign-key triggers while loading)%n",
                    threads);
            // the largest tables first, so that the small ones fill the gaps
            List<Table> order = new ArrayList<>(List.of(Table.ANSWER, Table.RENDERED_QUESTION, Table.CARD_SCHEDULE, Table.LESSON_READ,
                    Table.ATTEMPT, Table.ENROLMENT, Table.CERTIFICATE, Table.MEMBER, Table.WORKSHOP_ATTENDEE, Table.WORKSHOP,
                    Table.ASSIGNMENT, Table.COMPANY_DOMAIN, Table.COMPANY));
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                for (Table table : order) {
                    done.add(pool.submit(() -> {
                        try (Connection c = more.open()) {
                            try (Statement st = c.createStatement()) {
                                st.execute("SET session_replication_role = replica");
                            }
                            c.setAutoCommit(false);
                            rows.put(table.table, write(c, table, true));
                            c.commit();
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> f : done) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof SQLException sql) {
                    throw sql;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
            try (Statement st = connection.createStatement()) {
                st.execute("SET session_replication_role = DEFAULT");
            }
        } else {
            if (replica) {
                try (Statement st = connection.createStatement()) {
                    st.execute("SET session_replication_role = DEFAULT");
                }
            }
            connection.setAutoCommit(false);
            for (Table table : Table.values()) {
                rows.put(table.table, write(connection, table, postgres));
                connection.commit();
            }
        }
        long t = System.nanoTime();
        connection.setAutoCommit(false);
        for (Table table : Table.values()) {
            restartIdentity(connection, table.table, postgres);
        }
        connection.commit();
        if (postgres) {
            connection.setAutoCommit(true);
            try (Statement st = connection.createStatement()) {
                st.execute("VACUUM ANALYZE");
            }
        }
        connection.setAutoCommit(true);
        System.out.printf("datagen: identities restarted%s in %.1f s%n", postgres ? " and VACUUM ANALYZE" : "",
                (System.nanoTime() - t) / 1e9);
        String sampleCode = sampleCertificate();
        String learnerEmail = "learner-" + String.format("%06d", 2) + "@" + BIG_SLUG + ".example";
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (Table table : Table.values()) {
            ordered.put(table.table, rows.get(table.table));
        }
        return new Summary(options.seed(), options.scale(), BIG_NAME, 1, bigLearners, adminEmail(0), subjectOf(adminEmail(0)),
                COALITION_ADMIN, subjectOf(COALITION_ADMIN), learnerEmail, subjectOf(learnerEmail), sampleCode, ordered,
                (System.nanoTime() - t0) / 1e9);
    }

    private long write(Connection connection, Table table, boolean postgres) throws SQLException {
        long t = System.nanoTime();
        long n;
        try (Sink sink = postgres ? new CopySink(connection, table) : new BatchSink(connection, table)) {
            emit(table, sink);
            n = sink.rows();
        }
        System.out.printf("datagen: %-18s %,12d rows %8.1f s%n", table.table, n, (System.nanoTime() - t) / 1e9);
        return n;
    }

    static final String COALITION_ADMIN = "coalition-admin@coalition.example";

    private static String adminEmail(int company) {
        return "admin@" + (company == 0 ? BIG_SLUG : "company-" + (company + 1)) + ".example";
    }

    private void makeCompanies() {
        SplittableRandom r = new SplittableRandom(options.seed());
        for (int i = 0; i < COMPANIES; i++) {
            int region = i == 0 ? 2 : r.nextInt(REGIONS.length);
            String[] countries = COUNTRIES[region];
            String name = i == 0 ? BIG_NAME
                    : NAME_WORDS[i % NAME_WORDS.length] + " " + NAME_KINDS[(i / NAME_WORDS.length + i) % NAME_KINDS.length] + " " + (i + 1);
            String slug = i == 0 ? BIG_SLUG : "company-" + (i + 1);
            companies[i] = new Company(i + 1, name, slug, REGIONS[region], countries[r.nextInt(countries.length)],
                    options.today().minusMonths(HISTORY_MONTHS + 1 + r.nextInt(24)));
        }
        java.util.Arrays.fill(firstLearner, -2);
        firstLearner[0] = 0;
        for (int i = bigLearners; i < learners; i++) {
            int c = companyOf(i);
            if (c > 0 && firstLearner[c] == -2) {
                firstLearner[c] = i;
            }
        }
    }

    /** The member's company (index), or -1 for an individual learner: the big company first, then the rest unevenly. */
    private int companyOf(int learner) {
        if (learner < bigLearners) {
            return 0;
        }
        long h = mix(options.seed() ^ 0x5eedL, learner);
        if (Math.floorMod(h, 100) < 5) {
            return -1;
        }
        // companies 2..50 share the rest with a skew: a few large, many small
        double u = (Math.floorMod(h >>> 8, 1_000_000)) / 1_000_000.0;
        return 1 + (int) Math.min(COMPANIES - 2, Math.floor(Math.pow(u, 1.3) * (COMPANIES - 1)));
    }

    private static long mix(long seed, long n) {
        long z = seed + n * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private void emit(Table table, Sink out) throws SQLException {
        switch (table) {
            case COMPANY -> {
                for (Company c : companies) {
                    out.row(c.id(), c.name(), c.slug(), c.region(), c.country(), c.slug(), c.joinedOn(), true, time(c.joinedOn()));
                }
            }
            case COMPANY_DOMAIN -> {
                for (Company c : companies) {
                    out.row(c.id(), c.id(), c.slug() + ".example");
                }
            }
            case WORKSHOP, WORKSHOP_ATTENDEE -> workshops(table, out);
            default -> {
                Ids ids = new Ids();
                for (int learner = 0; learner < learners; learner++) {
                    learner(learner, ids, table, out);
                }
                if (table == Table.MEMBER) {
                    // the coalition's own admin, in no company
                    String email = COALITION_ADMIN;
                    out.row((long) learners + 1, subjectOf(email), "Cora Coalition", email, "en", time(start), time(now), null, null, null,
                            uuid(new SplittableRandom(options.seed())), "coalition-admin,learner");
                }
                if (table == Table.ASSIGNMENT) {
                    assignments(ids, out);
                }
            }
        }
    }

    /** Running ids of the rows a learner adds; every pass walks the learners in the same order, so ids agree. */
    static final class Ids {
        long enrolment;
        long lessonRead;
        long attempt;
        long question;
        long card;
        long certificate;
        long assignment;
    }

    private static OffsetDateTime time(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime time(LocalDate d) {
        return d.atTime(9, 0).atOffset(ZoneOffset.UTC);
    }

    private static String uuid(SplittableRandom r) {
        return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    private static int weighted(SplittableRandom r, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private Instant between(SplittableRandom r, Instant from, Instant to) {
        long span = Math.max(1, to.getEpochSecond() - from.getEpochSecond());
        return from.plusSeconds(r.nextLong(span));
    }

    /**
     * One learner's rows of {@code table}. Every random draw happens whatever the table, so the learner's history is
     * the same in every pass; only the rows of {@code table} are formatted and written.
     */
    private void learner(int learner, Ids ids, Table table, Sink out) throws SQLException {
        SplittableRandom r = new SplittableRandom(mix(options.seed(), learner + 1L));
        long memberId = learner + 1L;
        int companyIndex = companyOf(learner);
        Company company = companyIndex < 0 ? null : companies[companyIndex];
        Long companyId = company == null ? null : company.id();
        boolean admin = company != null && (learner == 0 || learner == firstOf(companyIndex));
        String domain = company == null ? "individual.example" : company.slug() + ".example";
        String email = admin ? adminEmail(companyIndex) : "learner-" + String.format("%06d", learner + 1) + "@" + domain;
        String name = FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)];
        String language = LANGUAGES[weighted(r, LANGUAGE_WEIGHTS)];
        Instant firstSeen = between(r, start, now.minus(7, ChronoUnit.DAYS));
        Instant lastSeen = between(r, firstSeen, now);
        String personKey = uuid(r);
        if (table == Table.MEMBER) {
            out.row(memberId, subjectOf(email), name, email, language, time(firstSeen), time(lastSeen), companyId,
                    company == null ? null : "EMAIL_DOMAIN", company == null ? null : time(firstSeen), personKey,
                    admin ? "company-admin,learner" : "learner");
        }
        // courses: 1 to all, most learners one or two
        int wanted = 1 + weighted(r, new int[] { 45, 30, 15, 10 });
        List<CourseInfo> mine = new ArrayList<>(courses);
        for (int i = mine.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            CourseInfo tmp = mine.get(i);
            mine.set(i, mine.get(j));
            mine.set(j, tmp);
        }
        mine = mine.subList(0, Math.min(wanted, mine.size()));
        for (CourseInfo info : mine) {
            Course course = info.course();
            String lang = course.languageFor(language);
            Instant enrolled = between(r, firstSeen, now.minus(1, ChronoUnit.DAYS));
            double age = (now.getEpochSecond() - enrolled.getEpochSecond()) / (86400.0 * 120); // 1 = four months
            // how far the learner got: 0 lessons only, 1 drills and quizzes, 2 final failed, 3 passed
            double p = r.nextDouble();
            double pass = Math.min(0.80, 0.30 + 0.45 * age);
            int stage = p < pass ? 3 : p < pass + 0.08 ? 2 : p < pass + 0.30 ? 1 : 0;
            long enrolmentId = ++ids.enrolment;
            Instant t = enrolled;
            // lessons read, in order, a few hours apart
            int reads = stage == 0 ? r.nextInt(info.lessons().size() + 1) : info.lessons().size();
            for (int i = 0; i < reads; i++) {
                t = t.plusSeconds(600 + r.nextInt(6 * 3600));
                long id = ++ids.lessonRead;
                if (table == Table.LESSON_READ) {
                    out.row(id, memberId, course.id(), info.lessons().get(i), time(t));
                }
            }
            if (stage >= 1) {
                // drills: a few cards, each answered one to five times, days apart
                java.util.Set<String> drilled = new java.util.HashSet<>();
                for (Module.Drill drill : info.drills()) {
                    int cards = Math.min(drill.deck().size(), r.nextInt(drill.deck().size() + 1));
                    int first = r.nextInt(drill.deck().size());
                    for (int c = 0; c < cards; c++) {
                        String itemId = drill.deck().get((first + c) % drill.deck().size());
                        if (!drilled.add(itemId)) {
                            continue;
                        }
                        int times = 1 + r.nextInt(3);
                        Instant a = t.plusSeconds(r.nextInt(3 * 86400));
                        Instant firstCorrect = null;
                        Instant mastered = null;
                        int repetitions = 0;
                        for (int k = 0; k < times && a.isBefore(now); k++) {
                            boolean correct = r.nextDouble() < 0.55 + 0.1 * k;
                            if (correct) {
                                repetitions++;
                                if (firstCorrect == null) {
                                    firstCorrect = a;
                                } else if (mastered == null && a.isAfter(firstCorrect.plus(8, ChronoUnit.HOURS))) {
                                    mastered = a;
                                }
                            } else {
                                repetitions = 0;
                            }
                            question(ids, table, out, r, memberId, personKey, companyId, info, "drill", drill.id(), null, itemId, lang, a,
                                    correct, false);
                            if (k + 1 < times) {
                                a = a.plusSeconds(86400L * (1 + r.nextInt(6)) + r.nextInt(3600));
                            }
                        }
                        long id = ++ids.card;
                        int interval = repetitions == 0 ? 1 : repetitions == 1 ? 6 : 6 * repetitions * 2;
                        if (table == Table.CARD_SCHEDULE) {
                            Instant last = a.isBefore(now) ? a : now;
                            out.row(id, memberId, course.id(), itemId, repetitions, 1.3 + r.nextInt(13) / 10.0, interval,
                                    time(last.plus(interval, ChronoUnit.DAYS)), time(last), time(last), time(firstCorrect), time(mastered),
                                    (long) times - 1);
                        }
                    }
                }
                // quizzes: one attempt each
                for (Module.Quiz quiz : info.quizzes()) {
                    t = t.plusSeconds(3600 + r.nextInt(2 * 86400));
                    if (t.isBefore(now)) {
                        t = attempt(ids, table, out, r, memberId, personKey, companyId, info, "quiz", quiz.id(), quiz.pool(), quiz.draw(),
                                lang,
                                t, 0.75, null).at();
                    }
                }
            }
            Instant completed = null;
            Cert cert = null;
            if (stage >= 2 && t.isAfter(now.minus(2, ChronoUnit.DAYS))) {
                stage = 1; // not yet: too recent to have reached the final
            }
            if (stage >= 2) {
                boolean failFirst = stage == 2 || r.nextDouble() < 0.25;
                if (failFirst) {
                    t = t.plusSeconds(3600 + r.nextInt(3 * 86400));
                    t = attempt(ids, table, out, r, memberId, personKey, companyId, info, "final", info.fin().id(), info.fin().pool(),
                            info.fin().draw(), lang, t.isAfter(now) ? now.minusSeconds(86400) : t, 0.45, Boolean.FALSE).at();
                }
                if (stage == 3) {
                    t = t.plusSeconds(86400L * info.fin().coolDownHours() / 24 + 3600 + r.nextInt(5 * 86400));
                    if (t.isAfter(now)) {
                        t = now.minusSeconds(3600 + r.nextInt(86400));
                    }
                    long attemptId = ids.attempt + 1;
                    Done passed = attempt(ids, table, out, r, memberId, personKey, companyId, info, "final", info.fin().id(),
                            info.fin().pool(), info.fin().draw(), lang, t, 0.93, Boolean.TRUE);
                    completed = passed.at();
                    cert = certificate(ids, table, out, r, memberId, personKey, name, company, info, lang, attemptId, passed, null);
                    // renewal: a refresher in the renewal window, or the certificate expires
                    while (cert != null && !cert.renewalOpens().isAfter(options.today()) && r.nextDouble() < 0.65) {
                        Instant opens = cert.renewalOpens().atTime(8, 0).toInstant(ZoneOffset.UTC);
                        Instant latest = cert.expires().plusDays(45).atTime(18, 0).toInstant(ZoneOffset.UTC);
                        Instant at = between(r, opens, latest.isBefore(now) ? latest : now);
                        long refresherId = ids.attempt + 1;
                        int draw = Math.min(info.fin().pool().size(), Math.max(5, info.fin().draw() * 4 / 5));
                        Done done = attempt(ids, table, out, r, memberId, personKey, companyId, info, "refresher", info.fin().id(),
                                info.fin().pool(), draw, lang, at, 0.93, Boolean.TRUE);
                        cert = certificate(ids, table, out, r, memberId, personKey, name, company, info, lang, refresherId, done, cert);
                    }
                }
            }
            if (table == Table.ENROLMENT) {
                Instant last = t.isAfter(now) ? now : t;
                out.row(enrolmentId, memberId, course.id(), course.contentHash(), time(enrolled), "/courses/" + course.id(), time(last),
                        time(completed), completed == null ? null : lang);
            }
        }
    }

    /** The first learner of a company (its admin), or -2 for a company without learners. */
    private int firstOf(int companyIndex) {
        return firstLearner[companyIndex];
    }

    private final int[] firstLearner = new int[COMPANIES];

    record Cert(long id, LocalDate issued, LocalDate expires, LocalDate renewalOpens) {
    }

    private Cert certificate(Ids ids, Table table, Sink out, SplittableRandom r, long memberId, String personKey, String name,
            Company company, CourseInfo info, String lang, long attemptId, Done passed, Cert renews) throws SQLException {
        Instant passedAt = passed.at();
        Course course = info.course();
        long id = ++ids.certificate;
        LocalDate issued = LocalDate.ofInstant(passedAt, ZoneOffset.UTC);
        LocalDate startOn = renews != null && !renews.expires().isBefore(issued) ? renews.expires().plusDays(1) : issued;
        LocalDate expires = startOn.plusMonths(course.certificateValidityMonths()).minusDays(1);
        LocalDate opens = expires.minusDays(course.renewalWindowDays());
        String code = code(r);
        boolean revoked = r.nextInt(1000) < 3;
        double score = passed.score();
        if (table == Table.CERTIFICATE) {
            out.row(id, code, VerificationCodes.hash(code), memberId, personKey, name,
                    company == null ? null : company.id(), company == null ? null : company.name(), course.id(), course.version(),
                    course.contentHash(), course.title().in(lang, course.defaultLanguage()), lang, score, attemptId, renews != null,
                    renews == null ? null : renews.id(), issued, expires, opens, time(passedAt), 1,
                    revoked ? time(passedAt.plus(30, ChronoUnit.DAYS).isBefore(now) ? passedAt.plus(30, ChronoUnit.DAYS) : now) : null,
                    revoked ? "Issued in error (generated)" : null, id);
        }
        return new Cert(id, issued, expires, opens);
    }

    private static final char[] CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private static String code(SplittableRandom r) {
        char[] code = new char[16];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[r.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }

    record Done(Instant at, double score) {
    }

    /** A submitted attempt with every item answered once (counted): when it was submitted, and its score. */
    private Done attempt(Ids ids, Table table, Sink out, SplittableRandom r, long memberId, String personKey, Long companyId,
            CourseInfo info, String kind, String moduleId, List<String> pool, int draw, String lang, Instant startedAt, double skill,
            Boolean passed) throws SQLException {
        Course course = info.course();
        long id = ++ids.attempt;
        long seed = r.nextLong();
        List<String> items = new ArrayList<>(pool);
        for (int i = items.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            String tmp = items.get(i);
            items.set(i, items.get(j));
            items.set(j, tmp);
        }
        items = items.subList(0, Math.min(draw, items.size()));
        Instant a = startedAt;
        int right = 0;
        int pass = Math.max(info.fin().passMark(), 1);
        int needed = passed == null ? -1 : (int) Math.ceil(items.size() * pass / 100.0);
        for (int i = 0; i < items.size(); i++) {
            a = a.plusSeconds(15 + r.nextInt(90));
            boolean correct = r.nextDouble() < skill;
            int left = items.size() - i;
            if (Boolean.TRUE.equals(passed) && right + left <= needed) {
                correct = true; // a pass must reach the pass mark
            } else if (Boolean.FALSE.equals(passed) && right >= needed - 1) {
                correct = false; // a fail must stay below it
            }
            right += correct ? 1 : 0;
            question(ids, table, out, r, memberId, personKey, companyId, info, kind, moduleId, id, items.get(i), lang, a, correct, true);
        }
        Instant submitted = a.plusSeconds(5 + r.nextInt(30));
        double score = items.isEmpty() ? 0.0 : (double) right / items.size();
        if (table == Table.ATTEMPT) {
            out.row(id, memberId, companyId, course.id(), course.version(), course.contentHash(), moduleId, kind, lang,
                    String.join(",", items),
                    seed, time(startedAt), time(submitted), score, passed, null);
        }
        return new Done(submitted, score);
    }

    /** One rendered question and its answer (the same id). */
    private void question(Ids ids, Table table, Sink out, SplittableRandom r, long memberId, String personKey, Long companyId,
            CourseInfo info, String kind, String moduleId, Long attemptId, String itemId, String lang, Instant answeredAt, boolean correct,
            boolean counted) throws SQLException {
        long id = ++ids.question;
        long keyHigh = r.nextLong();
        long keyLow = r.nextLong();
        int seconds = 4 + r.nextInt(60);
        Course course = info.course();
        Instant shown = answeredAt.minusSeconds(seconds);
        if (table == Table.RENDERED_QUESTION) {
            out.row(id, new UUID(keyHigh, keyLow).toString(), memberId, course.id(), course.contentHash(), kind, moduleId, attemptId,
                    itemId,
                    optionOrder(course.items().get(itemId), keyLow), time(shown), true);
        } else if (table == Table.ANSWER) {
            out.row(id, memberId, personKey, companyId, course.id(), course.version(), course.contentHash(), kind, moduleId, attemptId,
                    itemId, info.itemHash().get(itemId), lang, info.responses().get(itemId)[correct ? 0 : 1], correct ? 1.0 : 0.0, correct,
                    time(shown), time(answeredAt), id, counted, counted ? itemId : null);
        }
    }

    private static String optionOrder(Item item, long bits) {
        List<String> ids = optionIds(item);
        if (item instanceof Item.Hotspot h) {
            ids = h.regions().stream().map(Item.Region::id).toList();
        } else if (item instanceof Item.ListingTriage l) {
            ids = l.phrases().stream().map(Item.Phrase::id).toList();
        }
        List<String> order = new ArrayList<>(ids);
        java.util.Collections.rotate(order, (int) Math.floorMod(bits, Math.max(1, order.size())));
        return String.join(",", order);
    }

    /** Every company assigns one or two courses to everyone; the big company also assigns a course to 2 % of its members. */
    private void assignments(Ids ids, Sink out) throws SQLException {
        SplittableRandom r = new SplittableRandom(options.seed() ^ 0xa551L);
        for (int i = 0; i < COMPANIES; i++) {
            Company c = companies[i];
            int n = 1 + r.nextInt(2);
            int adminLearner = i == 0 ? 0 : firstOf(i);
            Long by = adminLearner < 0 ? null : adminLearner + 1L;
            for (int k = 0; k < n; k++) {
                CourseInfo course = courses.get((i + k) % courses.size());
                Instant created = between(r, start, now.minus(30, ChronoUnit.DAYS));
                LocalDate due = LocalDate.ofInstant(created, ZoneOffset.UTC).plusDays(60 + r.nextInt(120));
                out.row(++ids.assignment, c.id(), null, course.course().id(), due, by, time(created));
            }
        }
        for (int learner = 0; learner < bigLearners; learner += 50) {
            Instant created = between(r, start, now.minus(10, ChronoUnit.DAYS));
            LocalDate due = LocalDate.ofInstant(created, ZoneOffset.UTC).plusDays(14 + r.nextInt(90));
            out.row(++ids.assignment, 1L, learner + 1L, courses.get(learner / 50 % courses.size()).course().id(), due, 1L, time(created));
        }
    }

    /** About 14 workshops a month: most with named attendees (matched to members where possible), some a head count. */
    private void workshops(Table table, Sink out) throws SQLException {
        SplittableRandom r = new SplittableRandom(options.seed() ^ 0x3035L);
        int workshops = (int) Math.max(10, Math.round(HISTORY_MONTHS * 14 * Math.min(1, Math.max(0.1, options.scale()))));
        long attendeeId = 0;
        for (int w = 1; w <= workshops; w++) {
            int ci = r.nextInt(COMPANIES + 5);
            Company c = ci < COMPANIES ? companies[ci] : null;
            LocalDate held = LocalDate.ofInstant(between(r, start, now), ZoneOffset.UTC);
            String language = LANGUAGES[weighted(r, LANGUAGE_WEIGHTS)];
            boolean headCount = r.nextInt(5) == 0;
            int heads = headCount ? 8 + r.nextInt(40) : 0;
            String topic = courses.get(r.nextInt(courses.size())).course().title().in("en");
            String country = c == null ? COUNTRIES[2][r.nextInt(5)] : c.country();
            String trainer = FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)];
            if (table == Table.WORKSHOP) {
                out.row((long) w, held, c == null ? null : c.id(), country, language, trainer, "Workshop: " + topic, heads,
                        (long) learners + 1, time(held));
            }
            if (headCount) {
                continue;
            }
            int n = 5 + r.nextInt(25);
            TreeSet<String> keys = new TreeSet<>();
            for (int a = 0; a < n; a++) {
                boolean matched = r.nextInt(3) > 0;
                int learner = r.nextInt(learners);
                String name = FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)];
                String email = "guest-" + w + "-" + a + "@workshop.example";
                String personKey = matched ? personKeyOf(learner) : "email:" + email;
                if (!keys.add(personKey)) {
                    continue;
                }
                if (table == Table.WORKSHOP_ATTENDEE) {
                    out.row(++attendeeId, (long) w, matched ? learner + 1L : null, personKey, name, matched ? null : email);
                }
            }
        }
    }

    /** The learner's person key, drawn as {@link #learner} draws it. */
    private String personKeyOf(int learner) {
        SplittableRandom r = new SplittableRandom(mix(options.seed(), learner + 1L));
        r.nextInt(FIRST.length);
        r.nextInt(LAST.length);
        weighted(r, LANGUAGE_WEIGHTS);
        Instant firstSeen = between(r, start, now.minus(7, ChronoUnit.DAYS));
        between(r, firstSeen, now);
        return uuid(r);
    }

    /** A valid, unrevoked certificate's code (the verification check of the benchmark and the tests). */
    private String sampleCertificate() {
        String[] found = new String[1];
        Sink probe = new Sink() {
            long n;

            @Override
            public void row(Object... values) {
                n++;
                if (found[0] == null && values[22] == null && !((LocalDate) values[18]).isBefore(options.today())) {
                    found[0] = (String) values[1];
                }
            }

            @Override
            public long rows() {
                return n;
            }

            @Override
            public void close() {
            }
        };
        try {
            Ids ids = new Ids();
            for (int learner = 0; learner < learners && found[0] == null; learner++) {
                learner(learner, ids, Table.CERTIFICATE, probe);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found[0];
    }

    private static void restartIdentity(Connection connection, String table, boolean postgres) throws SQLException {
        long next;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
            rs.next();
            next = rs.getLong(1);
        }
        try (Statement st = connection.createStatement()) {
            if (postgres) {
                st.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
            } else {
                st.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ writing rows

    /** Where a table's rows go. */
    interface Sink extends AutoCloseable {
        void row(Object... values) throws SQLException;

        long rows();

        @Override
        void close() throws SQLException;
    }

    /** PostgreSQL: COPY … FROM STDIN in text format, written in 256 KiB chunks. */
    static final class CopySink implements Sink {
        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(1 << 19);
        private long rows;

        CopySink(Connection connection, Table table) throws SQLException {
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table.table + " (" + table.columns + ") FROM STDIN");
        }

        @Override
        public void row(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append('\t');
                }
                Object v = values[i];
                if (v == null) {
                    buffer.append("\\N");
                } else if (v instanceof String s) {
                    for (int k = 0; k < s.length(); k++) {
                        char c = s.charAt(k);
                        switch (c) {
                            case '\\' -> buffer.append("\\\\");
                            case '\t' -> buffer.append("\\t");
                            case '\n' -> buffer.append("\\n");
                            case '\r' -> buffer.append("\\r");
                            default -> buffer.append(c);
                        }
                    }
                } else {
                    buffer.append(v);
                }
            }
            buffer.append('\n');
            rows++;
            if (buffer.length() > 1 << 18) {
                flush();
            }
        }

        private void flush() throws SQLException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }

        @Override
        public long rows() {
            return rows;
        }

        @Override
        public void close() throws SQLException {
            flush();
            copy.endCopy();
        }
    }

    /** Other databases (H2 in the tests): batched prepared inserts. */
    static final class BatchSink implements Sink {
        private final PreparedStatement insert;
        private long rows;

        BatchSink(Connection connection, Table table) throws SQLException {
            String marks = String.join(", ", java.util.Collections.nCopies(table.width(), "?"));
            this.insert = connection.prepareStatement("INSERT INTO " + table.table + " (" + table.columns + ") VALUES (" + marks + ")");
        }

        @Override
        public void row(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.addBatch();
            if (++rows % 1000 == 0) {
                insert.executeBatch();
            }
        }

        @Override
        public long rows() {
            return rows;
        }

        @Override
        public void close() throws SQLException {
            insert.executeBatch();
            insert.close();
        }
    }

}
