package org.owlet.organization.invitation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.owlet.organization.invitation.InvitationService.Candidate;
import org.owlet.web.Csv;

/**
 * An uploaded list of people to invite: CSV with a column {@code email} and optionally {@code name}, a header row
 * naming them (in any order, any case), or no header and the address first. Rows are numbered as the file's lines
 * (a spreadsheet's row numbers), so that every problem can be found where the admin typed it.
 */
public final class InvitationCsv {

    /** Why the file as a whole was refused; nothing of it was imported. */
    public enum FileProblem {
        MISSING("invitations_csv_missing"), TOO_BIG("invitations_csv_too_big"), NOT_UTF8("invitations_csv_not_utf8"), NOT_CSV(
                "invitations_csv_not_csv"), EMPTY("invitations_csv_empty"), NO_EMAIL_COLUMN(
                        "invitations_csv_no_email_column"), TOO_MANY_ROWS("invitations_csv_too_many_rows");

        private final String messageKey;

        FileProblem(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** The candidates, or the problem with the file (and the line where reading stopped, for NOT_CSV). */
    public record Parsed(List<Candidate> candidates, FileProblem problem, long line) {
    }

    private InvitationCsv() {
    }

    static Parsed parse(byte[] content, int maxRows) {
        List<Csv.Line> lines;
        try {
            lines = Csv.read(content);
        } catch (Csv.Unreadable e) {
            return new Parsed(List.of(), e.encoding() ? FileProblem.NOT_UTF8 : FileProblem.NOT_CSV, e.line());
        }
        lines = lines.stream().filter(l -> l.cells().stream().anyMatch(c -> !c.isBlank())).toList();
        if (lines.isEmpty()) {
            return new Parsed(List.of(), FileProblem.EMPTY, 0);
        }
        List<String> first = lines.get(0).cells();
        int email = 0;
        int name = 1;
        boolean header = first.stream().noneMatch(c -> c.contains("@"));
        if (header) {
            List<String> columns = first.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
            email = columns.indexOf("email") >= 0 ? columns.indexOf("email") : columns.indexOf("e-mail");
            name = columns.indexOf("name");
            if (email < 0) {
                return new Parsed(List.of(), FileProblem.NO_EMAIL_COLUMN, lines.get(0).number());
            }
        }
        List<Csv.Line> rows = header ? lines.subList(1, lines.size()) : lines;
        if (rows.isEmpty()) {
            return new Parsed(List.of(), FileProblem.EMPTY, 0);
        }
        if (rows.size() > maxRows) {
            return new Parsed(List.of(), FileProblem.TOO_MANY_ROWS, 0);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Csv.Line row : rows) {
            String address = cell(row.cells(), email);
            String person = name < 0 ? null : cell(row.cells(), name);
            candidates.add(
                    new Candidate(row.number(), Invitation.normalize(address), person == null || person.isBlank() ? null : person.strip()));
        }
        return new Parsed(candidates, null, 0);
    }

    private static String cell(List<String> cells, int index) {
        return index < cells.size() ? cells.get(index) : "";
    }
}
