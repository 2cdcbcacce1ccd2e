package org.owlet.reporting;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.owlet.organization.Caller;
import org.owlet.organization.Company;
import org.owlet.web.errors.FieldError;
import org.owlet.web.errors.InvalidInput;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Workshops for the coalition's figures: coalition admins record a workshop (date, company, country, language, trainer,
 * topic, head count) and import its named attendees from a CSV file; every problem of the file names its row and
 * column, and a file with problems imports nothing.
 */
@Path("/admin/workshops")
@RolesAllowed("coalition-admin")
public class WorkshopResource {

    /** A file larger than this is refused before it is read (5,000 rows of name and email fit many times over). */
    static final long MAX_FILE_BYTES = 2 * 1024 * 1024;

    /** A workshop as listed. */
    public record Row(Workshop workshop, long attendees) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance workshops(List<Row> workshops, List<Company> companies, WorkshopService.Form form,
                List<FieldError> errors);

        static native TemplateInstance workshop(Workshop workshop, List<WorkshopAttendee> attendees, String csv,
                List<WorkshopService.RowError> rowErrors, Integer added, Integer matched);
    }

    @Inject
    WorkshopService workshops;

    @Inject
    Caller caller;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return listPage(WorkshopService.Form.empty(), List.of());
    }

    private TemplateInstance listPage(WorkshopService.Form form, List<FieldError> errors) {
        java.util.Map<Long, Long> counts = workshops.attendeeCounts();
        List<Row> rows = workshops.latest().stream().map(w -> new Row(w, counts.getOrDefault(w.id, 0L))).toList();
        return Templates.workshops(rows, Company.listByName(), form, errors);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response record(@RestForm String heldOn, @RestForm String company, @RestForm String country, @RestForm String language,
            @RestForm String trainer, @RestForm String topic, @RestForm String headCount) {
        WorkshopService.Form form = new WorkshopService.Form(heldOn, company, country, language, trainer, topic, headCount);
        try {
            Workshop w = workshops.record(caller.member(), form);
            return Response.seeOther(URI.create("/admin/workshops/" + w.id)).build();
        } catch (InvalidInput invalid) {
            return Response.status(400).entity(listPage(form, invalid.errors())).build();
        }
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance one(@PathParam("id") long id, @QueryParam("added") Integer added, @QueryParam("matched") Integer matched) {
        Workshop w = workshops.get(id);
        return Templates.workshop(w, workshops.attendees(w), "", List.of(), added, matched);
    }

    /** Attendees from an uploaded CSV file or from CSV text pasted into the form (the file wins when both are given). */
    @POST
    @Path("/{id}/attendees")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response attendees(@PathParam("id") long id, @RestForm("file") FileUpload file, @RestForm("csv") String csv) {
        Workshop w = workshops.get(id);
        String text = csv == null ? "" : csv;
        try {
            byte[] content = text.getBytes(StandardCharsets.UTF_8);
            if (file != null && file.size() > 0) {
                if (file.size() > MAX_FILE_BYTES) {
                    throw new WorkshopService.ImportRefused(List.of(new WorkshopService.RowError(0, "", "import_too_large",
                            Long.toString(file.size()))));
                }
                content = Files.readAllBytes(file.uploadedFile());
                text = "";
            }
            WorkshopService.Imported done = workshops.importAttendees(caller.member(), id, content);
            return Response.seeOther(URI.create("/admin/workshops/" + id + "?added=" + done.added() + "&matched=" + done.matched()))
                    .build();
        } catch (WorkshopService.ImportRefused refused) {
            return Response.status(400).entity(Templates.workshop(w, workshops.attendees(w), text, refused.errors, null, null)).build();
        } catch (IOException e) { // the upload could not be read from disk
            return Response.status(400).entity(Templates.workshop(w, workshops.attendees(w), "", List.of(new WorkshopService.RowError(0, "",
                    "import_unreadable", "")), null, null)).build();
        }
    }
}
