package org.owlet.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.owlet.reporting.TrainedFigures.Dimension;
import org.owlet.web.TimeSource;
import org.owlet.web.errors.FieldError;
import org.owlet.web.errors.InvalidInput;

/**
 * The coalition's figures for its own reporting: trained employees in a period and staff certified on a day, as JSON,
 * or CSV with {@code Accept: text/csv} (or {@code format=csv}, for links). Coalition admins only. Aggregates, never
 * people; {@code audit=true} adds the pseudonymous persons behind each count.
 */
@Path("/api/v1/reports")
@RolesAllowed("coalition-admin")
public class ReportsApi {

    @Inject
    CoalitionReport report;

    @Inject
    TimeSource time;

    @GET
    @Path("/trained")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    public Response trained(@QueryParam("period") String period, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy, @QueryParam("audit") boolean audit, @QueryParam("format") String format,
            @HeaderParam("Accept") String accept) {
        Period p = Period.parse(period, from, to, time.today());
        Map<String, Object> body = report.trained(p, dimension(groupBy), audit);
        if (csv(format, accept)) {
            return report.csv(body, "owlet-trained-" + p.from() + "-" + p.to() + (groupBy == null ? "" : "-by-" + groupBy)
                    + (audit ? "-audit" : "") + ".csv");
        }
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/certified")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    public Response certified(@QueryParam("at") String at, @QueryParam("groupBy") String groupBy, @QueryParam("format") String format,
            @HeaderParam("Accept") String accept) {
        LocalDate day;
        try {
            day = at == null || at.isBlank() ? time.today() : LocalDate.parse(at.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("report", new FieldError("at", "period_date_error", at.strip()));
        }
        Map<String, Object> body = report.certified(day, dimension(groupBy));
        if (csv(format, accept)) {
            return report.csv(body, "owlet-certified-" + day + (groupBy == null ? "" : "-by-" + groupBy) + ".csv");
        }
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    static Dimension dimension(String groupBy) {
        if (groupBy == null || groupBy.isBlank()) {
            return null;
        }
        return Dimension.of(groupBy.strip()).orElseThrow(() -> new InvalidInput("report", new FieldError("groupBy", "group_by_error",
                groupBy.strip())));
    }

    private static boolean csv(String format, String accept) {
        if (format != null && !format.isBlank()) {
            if (!List.of("csv", "json").contains(format)) {
                throw new InvalidInput("report", new FieldError("format", "format_error", format));
            }
            return "csv".equals(format);
        }
        return accept != null && accept.contains("text/csv") && !accept.contains(MediaType.APPLICATION_JSON);
    }
}
