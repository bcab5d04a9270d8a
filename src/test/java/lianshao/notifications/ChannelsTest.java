package lianshao.notifications;

import static lianshao.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import lianshao.security.Role;
import lianshao.support.Json;

/** E-mail through a real SMTP server and the signed webhook to a real HTTP server, both started by the test. */
class ChannelsTest extends NotificationTestSupport {

    @Autowired
    Mails mails;
    @Autowired
    Webhooks webhooks;

    MimeMessage[] mailTo(String domain) {
        return SMTP.getReceivedMessagesForDomain(domain);
    }

    @Test
    void instantMailSendsEachNotificationInChineseToTheAddressTheRecipientChose() throws Exception {
        String domain = unique("jw") + ".example.test";
        String assigner = person("mail-assigner", null, Role.INSPECTOR);
        String instant = person("mail-instant", WEST, Role.INSPECTOR);
        String quiet = person("mail-none", WEST, Role.INSPECTOR);
        mailSettings(instant, "li@" + domain, "INSTANT");
        mailSettings(quiet, "zhao@" + domain, "NONE");
        String id = newWarning();
        String other = newWarning();
        assign(assigner, id, instant);
        assign(assigner, other, quiet);

        assertThat(mails.sendInstant()).isGreaterThanOrEqualTo(1);
        mails.sendInstant();
        MimeMessage[] received = mailTo(domain);
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly("li@" + domain);
        assertThat(mail.getSubject()).isEqualTo("【廉哨】预警「" + title(id) + "」已分派给您处理");
        String text = mail.getContent().toString();
        assertThat(text).contains("预警「" + title(id) + "」已分派给您处理")
                .contains("https://lianshao.example.test/warnings/" + id)
                .contains("此邮件由廉哨系统自动发送").contains("Warning \"");
        assertThat(jdbc.sql("SELECT mail_state FROM notification WHERE username = ?").param(quiet).query(String.class).single())
                .isEqualTo("NONE");
    }

    @Test
    void theDigestGoesOutOnceADayAtTheDigestTimeInBeijing() throws Exception {
        String domain = unique("digest") + ".example.test";
        String assigner = person("digest-assigner", null, Role.INSPECTOR);
        String reader = person("digest-reader", WEST, Role.INSPECTOR);
        mailSettings(reader, "zhou@" + domain, "DIGEST");
        String first = newWarning();
        String second = newWarning();
        assign(assigner, first, reader);
        assign(assigner, second, reader);
        mails.sendInstant();
        assertThat(mailTo(domain)).isEmpty();

        clock.set(Instant.parse("2031-03-10T23:00:00Z")); // 07:00 on 03-11 in Beijing: not yet
        mails.sendDigests();
        assertThat(mailTo(domain)).isEmpty();

        clock.set(Instant.parse("2031-03-11T00:30:00Z")); // 08:30 in Beijing
        mails.sendDigests();
        mails.sendDigests();
        assertThat(mailTo(domain)).hasSize(1);
        MimeMessage digest = mailTo(domain)[0];
        assertThat(digest.getSubject()).isEqualTo("【廉哨】2031-03-11 通知摘要（2 条）");
        assertThat(digest.getContent().toString()).contains("2031-03-11 您有 2 条新通知")
                .contains("预警「" + title(first) + "」已分派给您处理").contains("/warnings/" + first).contains("/warnings/" + second);

        // what comes later that day waits for the next day's digest
        String third = newWarning();
        assign(assigner, third, reader);
        mails.sendDigests();
        assertThat(mailTo(domain)).hasSize(1);
        clock.advance(Duration.ofDays(1));
        mails.sendDigests();
        assertThat(mailTo(domain)).hasSize(2);
        assertThat(mailTo(domain)[1].getSubject()).isEqualTo("【廉哨】2031-03-12 通知摘要（1 条）");
        assertThat(mailTo(domain)[1].getContent().toString()).contains("/warnings/" + third).doesNotContain("/warnings/" + first);
    }

    /**
     * The digest asks again, when it goes out, whether the reader may still see each warning: one moved to an
     * organisation of another district is left out (its notification withheld, not mailed), and a reader whose scope
     * moved to another district gets no digest of the earlier district's warnings at all.
     */
    @Test
    void theDigestLeavesOutWhatTheReaderMayNoLongerSeeWhenItIsSent() throws Exception {
        String domain = unique("digest-scope") + ".example.test";
        String assigner = person("scope-assigner", null, Role.INSPECTOR);
        String reader = person("scope-reader", WEST, Role.INSPECTOR);
        String moved = person("scope-moved", WEST, Role.INSPECTOR);
        mailSettings(reader, "wu@" + domain, "DIGEST");
        mailSettings(moved, "zheng@" + domain, "DIGEST");
        String kept = newWarning();
        String elsewhere = newWarning();
        String forMoved = newWarning();
        assign(assigner, kept, reader);
        assign(assigner, elsewhere, reader);
        assign(assigner, forMoved, moved);

        String eastSchool = unique("SCH");
        putJson("/api/v1/orgs/" + eastSchool, "{ \"name\": \"东区学校\", \"type\": \"SCHOOL\", \"district\": \"测试东区\" }");
        jdbc.sql("UPDATE warning SET org_code = ? WHERE id = ?").params(eastSchool, elsewhere).update();
        jdbc.sql("UPDATE app_user SET scope_district = '测试东区' WHERE username = ?").param(moved).update();

        clock.set(Instant.parse("2031-05-20T00:30:00Z")); // 08:30 in Beijing
        mails.sendDigests();

        MimeMessage[] received = mailTo(domain);
        assertThat(received).hasSize(1);
        assertThat(received[0].getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly("wu@" + domain);
        assertThat(received[0].getSubject()).isEqualTo("【廉哨】2031-05-20 通知摘要（1 条）");
        assertThat(received[0].getContent().toString()).contains("/warnings/" + kept).doesNotContain("/warnings/" + elsewhere);
        assertThat(mailState(reader, elsewhere)).isEqualTo("WITHHELD");
        assertThat(mailState(reader, kept)).isEqualTo("SENT");
        assertThat(mailState(moved, forMoved)).isEqualTo("WITHHELD");
    }

    String mailState(String username, String warningId) {
        return jdbc.sql("SELECT mail_state FROM notification WHERE username = ? AND warning_id = ?").params(username, warningId)
                .query(String.class).single();
    }

    /** Posts everything that is due now. */
    void deliverDue() {
        for (int i = 0; i < 100 && webhooks.deliver() > 0; i++) {
            // until nothing due is left
        }
    }

    List<NotificationTestSupport.Received> postsAbout(String warningId) {
        return POSTS.stream().filter(p -> new String(p.body(), StandardCharsets.UTF_8).contains(warningId)).toList();
    }

    static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void theWebhookIsSignedCarriesNoPersonalDataAndIsRetriedAfterAFailure() throws Exception {
        clock.set(Instant.parse("2031-04-01T02:00:00Z"));
        String assigner = person("hook-assigner", null, Role.INSPECTOR);
        String assignee = person("hook-assignee", WEST, Role.INSPECTOR);
        String id = newWarning();
        FAILURES.put(id, new AtomicInteger(1));
        assign(assigner, id, assignee);

        deliverDue();
        assertThat(postsAbout(id)).hasSize(1);
        deliverDue(); // the retry waits for its backoff
        assertThat(postsAbout(id)).hasSize(1);
        clock.advance(Duration.ofMinutes(1));
        deliverDue();
        assertThat(postsAbout(id)).hasSize(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE payload LIKE ? AND delivered_at IS NOT NULL AND attempts = 2")
                .param("%" + id + "%").query(Long.class).single()).isEqualTo(1);

        Received post = postsAbout(id).get(1);
        assertThat(post.signature()).isEqualTo(hmac(post.body()));
        JsonNode event = Json.parse(post.body());
        assertThat(event.get("kind").asString()).isEqualTo("ASSIGNED");
        assertThat(event.get("warningId").asString()).isEqualTo(id);
        assertThat(event.get("sentAt").asLong()).isEqualTo(Long.parseLong(post.timestamp()));
        String body = new String(post.body(), StandardCharsets.UTF_8);
        assertThat(body).doesNotContain(assignee).doesNotContain(assigner).doesNotContain(title(id)).doesNotContain("测试");
        // a body altered on the way would not match its signature
        byte[] altered = body.replace("ASSIGNED", "OVERDUE").getBytes(StandardCharsets.UTF_8);
        assertThat(post.signature()).isNotEqualTo(hmac(altered));
    }

    @Test
    void aReceiverThatKeepsFailingIsGivenUpAfterTheLastAttempt() throws Exception {
        clock.set(Instant.parse("2031-05-01T02:00:00Z"));
        String assigner = person("hook-fail-a", null, Role.INSPECTOR);
        String assignee = person("hook-fail-b", WEST, Role.INSPECTOR);
        String id = newWarning();
        FAILURES.put(id, new AtomicInteger(100));
        assign(assigner, id, assignee);

        deliverDue();
        clock.advance(Duration.ofMinutes(1)); // first backoff
        deliverDue();
        clock.advance(Duration.ofMinutes(2)); // doubled
        deliverDue();
        assertThat(postsAbout(id)).hasSize(3);
        clock.advance(Duration.ofDays(1));
        deliverDue();
        assertThat(postsAbout(id)).hasSize(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE payload LIKE ? AND delivered_at IS NULL"
                + " AND next_attempt_at IS NULL AND attempts = 3 AND last_error = 'HTTP 500'").param("%" + id + "%")
                .query(Long.class).single()).isEqualTo(1);
    }
}
