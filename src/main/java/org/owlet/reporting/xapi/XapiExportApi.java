package org.owlet.reporting.xapi;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.owlet.web.Roles;
import org.owlet.web.errors.FieldError;
import org.owlet.web.errors.InvalidInput;

/**
 * The xAPI statements of a period as one JSON array, ready to POST to any LRS: attempts at finals and refreshers
 * submitted, courses completed and certificates issued from {@code from} to {@code to} (UTC days, both included, at
 * most 366 days). Coalition admins only.
 */
@RolesAllowed(Roles.COALITION_ADMIN)
@Path("/api/v1/reports/xapi")
public class XapiExportApi {

    static final int MAX_DAYS = 366;

    @Inject
    XapiStatements statements;

    @GET
    @RolesAllowed("coalition-admin")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate first = date("from", from, errors);
        LocalDate last = date("to", to, errors);
        if (first != null && last != null && (last.isBefore(first) || ChronoUnit.DAYS.between(first, last) >= MAX_DAYS)) {
            errors.add(new FieldError("to", "xapi_period_error", to));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput("report", errors);
        }
        var found = statements.inPeriod(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        return Response.ok(statements.array(found)).header("X-Experience-API-Version", XapiStatements.VERSION).build();
    }

    private static LocalDate date(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(name, "xapi_" + name + "_error", ""));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "xapi_" + name + "_error", value));
            return null;
        }
    }
}
