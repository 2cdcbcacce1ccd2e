package org.owlet.organization.invitation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
import org.owlet.organization.Member;
import org.owlet.organization.invitation.InvitationCsv.FileProblem;
import org.owlet.organization.invitation.InvitationService.Outcome;
import org.owlet.organization.invitation.InvitationService.Problem;
import org.owlet.organization.invitation.InvitationService.Resend;
import org.owlet.web.Roles;
import org.owlet.web.errors.FieldError;
import org.owlet.web.errors.InvalidInput;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A company admin invites staff by email, one at a time or from a CSV upload, and follows, resends or withdraws the
 * invitations: their own company's only (the company comes from the admin's membership, never from the request; another
 * company's invitation is not found). Access: company-admin.
 */
@RolesAllowed(Roles.COMPANY_ADMIN)
@Path("/team/invitations")
@Produces(MediaType.TEXT_HTML)
public class InvitationResource {

    /** What the single-invitation form holds (kept as typed when it is refused). */
    public record InviteForm(String email, String name, boolean outside) {
        static InviteForm blank() {
            return new InviteForm("", "", false);
        }
    }

    /** A message at the top of the page about what was just done. */
    public enum NoticeKind {
        SENT, NOT_SENT, RESENT, RESEND_FAILED, TOO_SOON, TOO_MANY, WITHDRAWN, WITHDRAWN_NOT_CANCELLED
    }

    public record Notice(NoticeKind kind, String email, SendFailure failure, Instant at) {
        public boolean error() {
            return kind == NoticeKind.NOT_SENT || kind == NoticeKind.RESEND_FAILED || kind == NoticeKind.TOO_SOON
                    || kind == NoticeKind.TOO_MANY || kind == NoticeKind.WITHDRAWN_NOT_CANCELLED;
        }
    }

    /** The result of an upload: the file's problem, the rows' problems (nothing imported), or every row's outcome. */
    public record UploadView(FileProblem fileProblem, long line, List<Problem> problems, List<Outcome> outcomes) {
        public long sentCount() {
            return outcomes.stream().filter(Outcome::sent).count();
        }

        public List<Outcome> notSent() {
            return outcomes.stream().filter(o -> !o.sent()).toList();
        }
    }

    /** Everything the page shows. */
    public record Page(Company company, boolean sendsEmail, String domains, List<Invitation> invitations, InviteForm form,
            List<FieldError> errors, Notice notice, UploadView upload, boolean uploadOutside, long maxKb, int maxRows,
            long resendMinutes, int maxSends) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance invitations(Page view);
    }

    @Inject
    InvitationService invitations;

    @Inject
    InvitationConfig config;

    @Inject
    Caller caller;

    private Page page(Member admin, InviteForm form, List<FieldError> errors, Notice notice, UploadView upload, boolean uploadOutside) {
        Company company = invitations.companyOf(admin);
        return new Page(company, invitations.sendsEmail(company), String.join(", ", invitations.domainsOf(company)),
                invitations.list(admin),
                form, errors, notice, upload, uploadOutside, config.csvMaxBytes() / 1024, config.csvMaxRows(),
                config.resendAfter().toMinutes(), config.maxSends());
    }

    @GET
    public TemplateInstance list(@QueryParam("invited") Long invited, @QueryParam("resent") Long resent,
            @QueryParam("withdrawn") Long withdrawn, @QueryParam("failure") String failure) {
        Member admin = caller.member();
        Notice notice = null;
        if (invited != null) {
            notice = invitations.find(admin, invited).map(i -> i.sendFailure == null
                    ? new Notice(NoticeKind.SENT, i.email, null, i.lastSentAt)
                    : new Notice(NoticeKind.NOT_SENT, i.email, i.sendFailure, null)).orElse(null);
        } else if (resent != null) {
            notice = invitations.find(admin, resent).map(i -> i.sendFailure == null
                    ? new Notice(NoticeKind.RESENT, i.email, null, i.lastSentAt)
                    : new Notice(NoticeKind.RESEND_FAILED, i.email, i.sendFailure, null)).orElse(null);
        } else if (withdrawn != null) {
            Optional<SendFailure> cancelFailure = parse(failure);
            notice = invitations.find(admin, withdrawn)
                    .map(i -> new Notice(cancelFailure.isPresent() ? NoticeKind.WITHDRAWN_NOT_CANCELLED : NoticeKind.WITHDRAWN, i.email,
                            cancelFailure.orElse(null), null))
                    .orElse(null);
        }
        return Templates.invitations(page(admin, InviteForm.blank(), List.of(), notice, null, false));
    }

    @POST
    public Response invite(@RestForm String email, @RestForm String name, @RestForm String outside) {
        Member admin = caller.member();
        InviteForm form = new InviteForm(email == null ? "" : email, name == null ? "" : name, "on".equals(outside));
        try {
            Outcome outcome = invitations.invite(admin, form.email(), form.name(), form.outside());
            return Response.seeOther(URI.create("/team/invitations?invited=" + outcome.invitation().id)).build();
        } catch (InvalidInput invalid) {
            return Response.status(400).entity(Templates.invitations(page(admin, form, invalid.errors(), null, null, false))).build();
        }
    }

    @POST
    @Path("/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @RestForm String outside) {
        Member admin = caller.member();
        boolean confirmed = "on".equals(outside);
        InvitationCsv.Parsed parsed;
        if (file == null || file.uploadedFile() == null || file.size() == 0 && (file.fileName() == null || file.fileName().isBlank())) {
            parsed = new InvitationCsv.Parsed(List.of(), FileProblem.MISSING, 0);
        } else if (file.size() > config.csvMaxBytes()) {
            parsed = new InvitationCsv.Parsed(List.of(), FileProblem.TOO_BIG, 0);
        } else {
            parsed = InvitationCsv.parse(read(file), config.csvMaxRows());
        }
        UploadView view;
        if (parsed.problem() != null) {
            view = new UploadView(parsed.problem(), parsed.line(), List.of(), List.of());
        } else {
            InvitationService.Upload upload = invitations.inviteAll(admin, parsed.candidates(), confirmed);
            view = new UploadView(null, 0, upload.problems(), upload.outcomes());
        }
        boolean refused = view.fileProblem() != null || !view.problems().isEmpty();
        return Response.status(refused ? 400 : 200)
                .entity(Templates.invitations(page(admin, InviteForm.blank(), List.of(), null, view, confirmed))).build();
    }

    @POST
    @Path("/{id}/resend")
    public Response resend(@PathParam("id") long id) {
        Member admin = caller.member();
        Resend resend = invitations.resend(admin, id);
        if (resend.refusal().isPresent()) {
            Invitation invitation = resend.invitation();
            Notice notice = resend.refusal().get() == InvitationService.ResendRefusal.TOO_MANY
                    ? new Notice(NoticeKind.TOO_MANY, invitation.email, null, null)
                    : new Notice(NoticeKind.TOO_SOON, invitation.email, null,
                            invitation.lastSentAt == null ? null : invitation.lastSentAt.plus(config.resendAfter()));
            return Response.status(409).entity(Templates.invitations(page(admin, InviteForm.blank(), List.of(), notice, null, false)))
                    .build();
        }
        return Response.seeOther(URI.create("/team/invitations?resent=" + id)).build();
    }

    @POST
    @Path("/{id}/withdraw")
    public Response withdraw(@PathParam("id") long id) {
        Optional<SendFailure> failure = invitations.withdraw(caller.member(), id);
        return Response.seeOther(URI.create("/team/invitations?withdrawn=" + id + failure.map(f -> "&failure=" + f.name()).orElse("")))
                .build();
    }

    private static Optional<SendFailure> parse(String failure) {
        if (failure == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SendFailure.valueOf(failure));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
