package org.owlet.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The one CSV writer every export uses. UTF-8 with a byte-order mark, so spreadsheets open names in any script; text
 * cells that a spreadsheet would read as a formula (beginning with {@code =}, {@code +}, {@code -}, {@code @}, tab or
 * carriage return) are prefixed with an apostrophe; numbers are written as numbers, untouched. Rows are streamed to
 * the response as they are produced. Uploads are read with {@link #read}.
 */
public final class Csv {

    /** Receives the rows of an export, one call per row. */
    @FunctionalInterface
    public interface Rows {
        void write(Row out) throws IOException;
    }

    /** One export's output: {@link #row} writes a row of cells (text, numbers, dates or null). */
    public static final class Row {
        private final CSVPrinter printer;

        Row(CSVPrinter printer) {
            this.printer = printer;
        }

        public void row(Object... cells) throws IOException {
            List<Object> safe = new ArrayList<>(cells.length);
            for (Object cell : cells) {
                safe.add(cell(cell));
            }
            printer.printRecord(safe);
        }
    }

    private static final char BOM = '\uFEFF';

    private Csv() {
    }

    /** A streamed {@code text/csv} download named {@code filename}. */
    public static Response download(String filename, List<String> header, Rows rows) {
        return download(filename, List.of(), header, rows);
    }

    /**
     * A streamed download that first states what it holds: {@code about} rows (name, value), then an empty row, then
     * the table with its {@code header}.
     */
    public static Response download(String filename, List<List<Object>> about, List<String> header, Rows rows) {
        StreamingOutput body = out -> write(new OutputStreamWriter(out, StandardCharsets.UTF_8), about, header, rows);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .build();
    }

    /** Writes the whole export to {@code target} (closed at the end). */
    public static void write(Writer target, List<String> header, Rows rows) {
        write(target, List.of(), header, rows);
    }

    private static void write(Writer target, List<List<Object>> about, List<String> header, Rows rows) {
        try (Writer writer = new BufferedWriter(target);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            writer.write(BOM);
            Row row = new Row(printer);
            if (!about.isEmpty()) {
                for (List<Object> line : about) {
                    row.row(line.toArray());
                }
                printer.println();
            }
            row.row(header.toArray());
            rows.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One record of an uploaded file: the line of the file it starts on (as a spreadsheet numbers rows) and its cells. */
    public record Line(long number, List<String> cells) {
    }

    /** Why an upload cannot be read as CSV; {@code line} is the record where reading stopped (0: the file as a whole). */
    public static final class Unreadable extends Exception {
        private final long line;
        private final boolean encoding;

        Unreadable(long line, boolean encoding, String message) {
            super(message);
            this.line = line;
            this.encoding = encoding;
        }

        public long line() {
            return line;
        }

        /** True when the file is not UTF-8 text (rather than broken CSV). */
        public boolean encoding() {
            return encoding;
        }
    }

    /**
     * Reads an uploaded CSV file: UTF-8 (a byte-order mark is skipped), separated by commas or, when its first line has
     * semicolons and no commas (spreadsheets in many European locales), by semicolons. An empty line is a record of one empty cell.
     */
    public static List<Line> read(byte[] content) throws Unreadable {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable(0, true, "not UTF-8 text");
        }
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
        List<Line> lines = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            int scanned = 0;
            long line = 1;
            for (CSVRecord record : parser) {
                for (; scanned < record.getCharacterPosition() && scanned < text.length(); scanned++) {
                    if (text.charAt(scanned) == '\n') {
                        line++;
                    }
                }
                lines.add(new Line(line, record.toList()));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            long after = lines.isEmpty() ? 0 : lines.get(lines.size() - 1).number();
            throw new Unreadable(after + 1, false, e.getMessage());
        }
        return lines;
    }

    /** What one cell holds once written: numbers as they are, text neutralised against formula injection. */
    static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
