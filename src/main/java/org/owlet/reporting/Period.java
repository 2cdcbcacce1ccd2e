package org.owlet.reporting;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.owlet.web.errors.FieldError;
import org.owlet.web.errors.InvalidInput;

/**
 * A reporting period, both days included: a year ({@code 2025}), a quarter ({@code 2025-Q3}), a month
 * ({@code 2025-07}) or custom dates ({@code from}, {@code to}). Without any, the last calendar year.
 */
public record Period(LocalDate from, LocalDate to, String name) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    /** The longest period a report covers, so a typo such as 0202 cannot ask for two thousand years. */
    static final int MAX_YEARS = 20;

    public static Period lastYear(LocalDate today) {
        return year(today.getYear() - 1);
    }

    static Period year(int year) {
        return new Period(Year.of(year).atDay(1), Year.of(year).atMonth(12).atEndOfMonth(), Integer.toString(year));
    }

    /**
     * The period a request names. {@code period} wins over {@code from}/{@code to}; custom dates need both. Errors
     * name the parameter ({@code period}, {@code from}, {@code to}) and the value given.
     */
    public static Period parse(String period, String from, String to, LocalDate today) {
        if (period != null && !period.isBlank()) {
            String p = period.strip();
            Matcher m;
            if ((m = YEAR.matcher(p)).matches()) {
                return year(Integer.parseInt(m.group(1)));
            }
            if ((m = QUARTER.matcher(p)).matches()) {
                int q = Integer.parseInt(m.group(2));
                YearMonth first = YearMonth.of(Integer.parseInt(m.group(1)), 3 * q - 2);
                return new Period(first.atDay(1), first.plusMonths(2).atEndOfMonth(), p);
            }
            if ((m = MONTH.matcher(p)).matches() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 12) {
                YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return new Period(month.atDay(1), month.atEndOfMonth(), p);
            }
            throw new InvalidInput("report", new FieldError("period", "period_error", p));
        }
        boolean hasFrom = from != null && !from.isBlank();
        boolean hasTo = to != null && !to.isBlank();
        if (!hasFrom && !hasTo) {
            return lastYear(today);
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (errors.isEmpty() && end.isBefore(start)) {
            errors.add(new FieldError("to", "period_to_before_from", to.strip()));
        }
        if (errors.isEmpty() && start.plusYears(MAX_YEARS).isBefore(end)) {
            errors.add(new FieldError("from", "period_too_long", from.strip()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput("report", errors);
        }
        return new Period(start, end, start + "/" + end);
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "period_date_missing", ""));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "period_date_error", value.strip()));
            return null;
        }
    }

    /** The months a trend chart shows: the period's months, or the twelve ending with its last month if it is shorter. */
    public List<YearMonth> trendMonths() {
        YearMonth last = YearMonth.from(to);
        YearMonth first = YearMonth.from(from);
        if (first.plusMonths(11).isAfter(last)) {
            first = last.minusMonths(11);
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }
}
