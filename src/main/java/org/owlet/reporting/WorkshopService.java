package org.owlet.reporting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.owlet.organization.AuditLog;
import org.owlet.organization.Company;
import org.owlet.organization.Member;
import org.owlet.web.Csv;
import org.owlet.web.StoredText;
import org.owlet.web.TimeSource;
import org.owlet.web.errors.FieldError;
import org.owlet.web.errors.InvalidInput;
import org.owlet.web.errors.NotFound;

/** Records workshops and their attendees for the coalition's figures. Every change is in the audit log. */
@ApplicationScoped
public class WorkshopService {

    /** What a workshop form holds, as typed. */
    public record Form(String heldOn, String company, String country, String language, String trainer, String topic, String headCount) {
        public static Form empty() {
            return new Form("", "", "", "", "", "", "0");
        }
    }

    /** One problem of an attendee file: its row (the header is row 1), the column, what is wrong and the value. */
    public record RowError(int row, String column, String messageKey, String value) {
    }

    /** An attendee file with problems: nothing of it was imported. */
    public static class ImportRefused extends RuntimeException {
        public final transient List<RowError> errors;

        ImportRefused(List<RowError> errors) {
            super(errors.size() + " problem(s) in the attendee file");
            this.errors = List.copyOf(errors);
        }
    }

    /** What an import did. */
    public record Imported(int added, int matched) {
    }

    static final int MAX_ROWS = 5_000;
    static final int MAX_HEAD_COUNT = 100_000;
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Inject
    AuditLog audit;

    @Inject
    TimeSource time;

    @Transactional
    public Workshop record(Member admin, Form form) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate heldOn = null;
        try {
            heldOn = LocalDate.parse(form.heldOn() == null ? "" : form.heldOn().strip());
            if (heldOn.isAfter(time.today())) {
                errors.add(new FieldError("heldOn", "workshop_held_future", form.heldOn().strip()));
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("heldOn", "workshop_held_error", form.heldOn() == null ? "" : form.heldOn().strip()));
        }
        Company company = null;
        if (form.company() != null && !form.company().isBlank()) {
            company = Company.findBySlug(form.company().strip()).orElse(null);
            if (company == null) {
                errors.add(new FieldError("company", "workshop_company_error", form.company().strip()));
            }
        }
        String country = form.country() == null ? "" : form.country().strip().toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(country).matches()) {
            errors.add(new FieldError("country", "workshop_country_error", country));
        }
        String language = form.language() == null ? "" : form.language().strip();
        if (!LANGUAGE.matcher(language).matches()) {
            errors.add(new FieldError("language", "workshop_language_error", language));
        }
        String trainer = text(form.trainer(), "trainer", 200, errors);
        String topic = text(form.topic(), "topic", 300, errors);
        int heads = 0;
        try {
            heads = Integer.parseInt(form.headCount() == null || form.headCount().isBlank() ? "0" : form.headCount().strip());
            if (heads < 0 || heads > MAX_HEAD_COUNT) {
                errors.add(new FieldError("headCount", "workshop_head_count_error", form.headCount().strip()));
            }
        } catch (NumberFormatException e) {
            errors.add(new FieldError("headCount", "workshop_head_count_error", form.headCount().strip()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput("report", errors);
        }
        Workshop w = new Workshop();
        w.heldOn = heldOn;
        w.company = company;
        w.country = country;
        w.language = language;
        w.trainer = trainer;
        w.topic = topic;
        w.headCount = heads;
        w.createdBy = admin == null ? null : Member.findById(admin.id);
        w.createdAt = time.now();
        w.persist();
        audit.record(w.createdBy, "workshop.recorded", company, null,
                "workshop " + w.id + " on " + heldOn + ": " + topic + " (" + heads + " by head count)");
        return w;
    }

    private static String text(String value, String field, int max, List<FieldError> errors) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            errors.add(new FieldError(field, "workshop_" + field + "_error", v.length() > 60 ? v.substring(0, 60) + "…" : v));
        } else if (!StoredText.isReadableLine(v)) {
            errors.add(FieldError.of(field, "text_unreadable"));
        }
        return v;
    }

    public Workshop get(long id) {
        return Optional.ofNullable(Workshop.<Workshop> findById(id)).orElseThrow(() -> new NotFound("workshop " + id));
    }

    public List<Workshop> latest() {
        return Workshop.list("order by heldOn desc, id desc");
    }

    /** Named attendees per workshop id, in one query. */
    public Map<Long, Long> attendeeCounts() {
        Map<Long, Long> counts = new HashMap<>();
        WorkshopAttendee.getEntityManager().createQuery("select a.workshop.id, count(a) from WorkshopAttendee a group by a.workshop.id",
                Object[].class).getResultList().forEach(r -> counts.put((Long) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    public List<WorkshopAttendee> attendees(Workshop workshop) {
        return WorkshopAttendee.list("workshop.id = ?1 order by id", workshop.id);
    }

    /**
     * Adds the attendees of a CSV file (a header row naming the columns {@code email} and optionally {@code name}, in
     * any order and case) to a workshop, matching each to a member by email where one exists. All or nothing: a file with
     * any problem imports no row, and every problem names its row and column.
     */
    @Transactional
    public Imported importAttendees(Member admin, long workshopId, byte[] csv) {
        Workshop workshop = get(workshopId);
        List<RowError> errors = new ArrayList<>();
        List<Csv.Line> lines;
        Map<String, Integer> columns = new HashMap<>();
        try {
            lines = Csv.read(csv == null ? new byte[0] : csv).stream()
                    .filter(l -> l.cells().stream().anyMatch(c -> !c.isBlank())).toList();
        } catch (Csv.Unreadable e) {
            throw new ImportRefused(List.of(new RowError((int) e.line(), "", "import_unreadable", "")));
        }
        if (lines.isEmpty()) {
            throw new ImportRefused(List.of(new RowError(1, "", "import_empty", "")));
        }
        List<List<String>> records = lines.stream().map(Csv.Line::cells).toList();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            int headerRow = (int) lines.get(0).number();
            if (!name.equals("email") && !name.equals("name")) {
                errors.add(new RowError(headerRow, header.get(i), "import_unknown_column", header.get(i)));
            } else if (columns.putIfAbsent(name, i) != null) {
                errors.add(new RowError(headerRow, name, "import_duplicate_column", name));
            }
        }
        if (!columns.containsKey("email")) {
            errors.add(new RowError((int) lines.get(0).number(), "email", "import_no_email_column", ""));
        }
        if (records.size() - 1 > MAX_ROWS) {
            errors.add(
                    new RowError((int) lines.get(MAX_ROWS + 1).number(), "", "import_too_many_rows", Integer.toString(records.size() - 1)));
        }
        if (!errors.isEmpty()) {
            throw new ImportRefused(errors);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (WorkshopAttendee a : attendees(workshop)) {
            seen.put(a.personKey, 0);
        }
        List<WorkshopAttendee> added = new ArrayList<>();
        int matched = 0;
        Map<String, Member> members = membersByEmail(records.subList(1, records.size()).stream()
                .map(record -> cell(record, columns.get("email")).toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty()).distinct().toList());
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            int row = (int) lines.get(r).number();
            String email = cell(record, columns.get("email")).toLowerCase(Locale.ROOT);
            String name = columns.containsKey("name") ? cell(record, columns.get("name")) : "";
            if (!EMAIL.matcher(email).matches() || email.length() > 320) {
                errors.add(new RowError(row, "email", email.isEmpty() ? "import_email_missing" : "import_email_error", email));
                continue;
            }
            if (name.length() > 200) {
                errors.add(new RowError(row, "name", "import_name_too_long", name.substring(0, 60) + "…"));
                continue;
            }
            Member member = members.get(email);
            WorkshopAttendee a = new WorkshopAttendee();
            a.workshop = workshop;
            a.member = member;
            a.personKey = member != null ? member.personKey : emailKey(email);
            a.name = name.isEmpty() ? (member != null ? member.displayName : null) : name;
            a.email = email;
            Integer earlier = seen.putIfAbsent(a.personKey, row);
            if (earlier != null) {
                errors.add(new RowError(row, "email", earlier == 0 ? "import_already_attending" : "import_duplicate_row", email));
                continue;
            }
            if (member != null) {
                matched++;
            }
            added.add(a);
        }
        if (!errors.isEmpty()) {
            throw new ImportRefused(errors);
        }
        added.forEach(a -> a.persist());
        audit.record(admin == null ? null : Member.findById(admin.id), "workshop.attendees_imported", workshop.company, null,
                "workshop " + workshop.id + ": " + added.size() + " attendee(s), " + matched + " matched to members");
        return new Imported(added.size(), matched);
    }

    /** The members with these (lower-case) addresses, in a few queries rather than one per row; the oldest wins a tie. */
    private static Map<String, Member> membersByEmail(List<String> emails) {
        Map<String, Member> found = new HashMap<>();
        for (int from = 0; from < emails.size(); from += 1000) {
            List<String> chunk = emails.subList(from, Math.min(emails.size(), from + 1000));
            for (Member m : Member.<Member> list("lower(email) in ?1 and erasedAt is null order by id", chunk)) {
                found.putIfAbsent(m.email.toLowerCase(Locale.ROOT), m);
            }
        }
        return found;
    }

    private static String cell(List<String> record, int column) {
        return column < record.size() ? record.get(column).strip() : "";
    }

    /** The person key of someone known only by email: the same address gives the same key in every workshop. */
    static String emailKey(String email) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8));
            return "email:" + java.util.HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
