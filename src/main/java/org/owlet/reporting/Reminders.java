package org.owlet.reporting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.owlet.organization.Company;
import org.owlet.web.TimeSource;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The daily reminders: members with an assignment due within 7 days, overdue, or a certificate expiring within 30
 * days. At most one reminder per member, course and reason per week (a unique key decides, so two replicas running
 * at once cannot both send), and the day's run itself is claimed by one replica through the {@code job_run} row.
 * Email goes out through the Quarkus Mailer when {@code owlet.reminders.email} is on (the mock mailer in dev and
 * tests); otherwise the company admin's dashboard lists them.
 */
@ApplicationScoped
public class Reminders {

    private static final Logger LOG = Logger.getLogger(Reminders.class);

    /** Why a member is reminded. */
    public enum Reason {
        DUE_SOON, OVERDUE, EXPIRING;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** A member to remind about a course, and when the date in question is. */
    public record Due(long memberId, String memberName, String email, String courseId, String courseTitle, Reason reason,
            LocalDate on) {
    }

    /** What one run did. */
    public record Run(boolean ran, int found, int recorded, int emailed) {
    }

    @Inject
    TeamFigures figures;

    @Inject
    EntityManager em;

    @Inject
    TimeSource time;

    @Inject
    Mailer mailer;

    @ConfigProperty(name = "owlet.reminders.email", defaultValue = "false")
    boolean email;

    @ConfigProperty(name = "owlet.public-url")
    String publicUrl;

    /** Who should be reminded in this company today, by date (one statement whatever the size of the team). */
    public List<Due> dueFor(Company company, LocalDate today) {
        return figures.reminders(company, today);
    }

    /**
     * Runs today's reminders if no replica has run them today: claims the day with one conditional update, then records
     * (and emails) each reminder not yet sent this week.
     */
    public Run runDaily(String runner) {
        LocalDate today = time.today();
        int claimed = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "UPDATE job_run SET last_run_on = ?1, last_run_at = ?2, last_run_by = ?3 WHERE name = 'reminders' AND last_run_on < ?1")
                .setParameter(1, today).setParameter(2, time.now()).setParameter(3, runner).executeUpdate());
        if (claimed == 0) {
            LOG.debugf("reminders for %s already run by another replica", today);
            return new Run(false, 0, 0, 0);
        }
        return send(today);
    }

    /** Records and emails every reminder due today that was not sent this week (also used by tests). */
    public Run send(LocalDate today) {
        LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Company> companies = QuarkusTransaction.requiringNew().call(() -> Company.<Company> list("active", true));
        int found = 0, recorded = 0, emailed = 0;
        for (Company company : companies) {
            for (Due due : QuarkusTransaction.requiringNew().call(() -> dueFor(company, today))) {
                found++;
                boolean sendMail = email && due.email() != null && !due.email().isBlank();
                if (!record(company, due, week, sendMail)) {
                    continue;
                }
                recorded++;
                if (sendMail) {
                    mailer.send(Mail.withText(due.email(), subject(due), body(due)));
                    emailed++;
                }
            }
        }
        LOG.infof("reminders %s: %d due, %d recorded, %d emailed", today, found, recorded, emailed);
        return new Run(true, found, recorded, emailed);
    }

    /** Inserts the week's reminder; false when it exists (sent earlier this week, or by another replica just now). */
    private boolean record(Company company, Due due, LocalDate week, boolean emailedNow) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Number exists = (Number) em.createNativeQuery(
                        "SELECT COUNT(*) FROM reminder WHERE member_id = ?1 AND course_id = ?2 AND reason = ?3 AND week_of = ?4")
                        .setParameter(1, due.memberId()).setParameter(2, due.courseId()).setParameter(3, due.reason().code())
                        .setParameter(4, week).getSingleResult();
                if (exists.intValue() > 0) {
                    return false;
                }
                em.createNativeQuery("INSERT INTO reminder (member_id, company_id, course_id, reason, week_of, due_on, created_at, emailed)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                        .setParameter(1, due.memberId()).setParameter(2, company.id).setParameter(3, due.courseId())
                        .setParameter(4, due.reason().code()).setParameter(5, week).setParameter(6, due.on()).setParameter(7, time.now())
                        .setParameter(8, emailedNow).executeUpdate();
                return true;
            });
        } catch (RuntimeException e) {
            if (org.owlet.web.Transactions.isViolationOf(e, java.util.Set.of("reminder_unique"))) {
                return false; // another replica recorded it first
            }
            throw e;
        }
    }

    private static String subject(Due due) {
        return switch (due.reason()) {
            case DUE_SOON -> "Owlet: \"" + due.courseTitle() + "\" is due on " + due.on();
            case OVERDUE -> "Owlet: \"" + due.courseTitle() + "\" was due on " + due.on();
            case EXPIRING -> "Owlet: your \"" + due.courseTitle() + "\" certificate expires on " + due.on();
        };
    }

    private String body(Due due) {
        String link = publicUrl.replaceAll("/+$", "") + "/learn/" + due.courseId();
        return subject(due).substring("Owlet: ".length()) + ".\n\nContinue or renew here: " + link
                + "\n\nYou receive at most one reminder a week for each course.\n";
    }
}
