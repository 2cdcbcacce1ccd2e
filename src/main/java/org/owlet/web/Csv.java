package org.owlet.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one CSV writer every export uses. UTF-8 with a byte-order mark, so spreadsheets open names in any script; text
 * cells that a spreadsheet would read as a formula (beginning with {@code =}, {@code +}, {@code -}, {@code @}, tab or
 * carriage return) are prefixed with an apostrophe; numbers are written as numbers, untouched. Rows are streamed to
 * the response as they are produced.
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

    /**
     * Reads an uploaded CSV file (RFC 4180, a leading byte-order mark ignored, empty lines skipped): one list of cells
     * per row. Throws {@link IOException} when the text is not valid CSV (e.g. a quote never closed).
     */
    public static List<List<String>> read(String text) throws IOException {
        String body = text.startsWith(String.valueOf(BOM)) ? text.substring(1) : text;
        try (org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVParser.parse(new java.io.StringReader(body),
                CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get())) {
            List<List<String>> rows = new ArrayList<>();
            for (org.apache.commons.csv.CSVRecord record : parser) {
                rows.add(record.toList());
            }
            return rows;
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
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
