package lianshao.warnings;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import lianshao.grading.SupervisionForm;
import lianshao.reference.ReferenceQueries;
import lianshao.support.DisplayFormat;

/**
 * The referral letter (线索移交函) of a handed-over warning, as a printable HTML document built from its dossier:
 * number, addressee, the organisation, rule, facts, basis, the forms suggested and decided, and who decided and
 * approved the handover. Every value is escaped; the page has no script and no style of its own.
 */
@Component
public class ReferralLetter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** An id in brackets after a name, as the warning's explanation gives it: "曹思远（P-0025）". */
    private static final java.util.regex.Pattern BRACKETED_CODE =
            java.util.regex.Pattern.compile("（([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)）");

    private final ReferenceQueries reference;
    private final DisplayFormat format;
    private final WarningWords words;

    ReferralLetter(ReferenceQueries reference, DisplayFormat format, WarningWords words) {
        this.words = words;
        this.reference = reference;
        this.format = format;
    }

    public String html(WarningView w, List<WarningView.Action> history) {
        WarningView.Disposal d = w.disposal();
        HandoverTarget target = HandoverTarget.valueOf(d.handoverTarget());
        String orgName = reference.org(w.orgCode()).map(lianshao.facts.Org::name).orElse(w.orgCode());
        String day = format.local(d.handedOverAt()).format(DAY);
        WarningView.Action approval = history.stream().filter(a -> "APPROVE".equals(a.action())
                && "HAND_OVER".equals(a.details().get("approved"))).reduce((a, b) -> b).orElse(null);
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n<title>线索移交函 ")
                .append(e(d.referralNo())).append("</title>\n</head>\n<body>\n");
        html.append("<h1>问题线索移交函</h1>\n<p>").append(e(d.referralNo())).append("</p>\n");
        html.append("<p>").append(e(target.chineseName())).append("：</p>\n");
        html.append("<p>经核查并经双人复核批准，现将以下问题线索移交你单位依规依纪依法处理，请于收到后出具回执，并将处理结果函告我们。</p>\n");
        html.append("<table>\n");
        row(html, "预警编号", w.id());
        codedRow(html, "涉及单位", orgName + "（" + w.orgCode() + "）");
        row(html, "风险规则", w.ruleId() + " " + w.title());
        codedRow(html, "问题情况", w.message());
        row(html, "条款", w.clause());
        html.append("<tr><th>依据</th><td><cite>").append(e(w.basis() == null ? "" : w.basis())).append("</cite></td></tr>\n");
        row(html, "建议形态", SupervisionForm.of(w.form()).chineseName());
        row(html, "认定形态", w.decidedForm() == null ? "" : SupervisionForm.of(w.decidedForm()).chineseName());
        row(html, "发生时间", w.occurredAt() == null ? "" : format.local(w.occurredAt()).format(DAY));
        row(html, "移交对象", target.chineseName());
        if (approval != null) {
            Object proposer = approval.details().get("proposedBy");
            row(html, "提议人", proposer == null ? "" : words.userName(proposer.toString(), java.util.Locale.SIMPLIFIED_CHINESE));
            row(html, "批准人", words.userName(approval.actor(), java.util.Locale.SIMPLIFIED_CHINESE));
        }
        row(html, "移交日期", day);
        html.append("</table>\n");
        html.append("<p>附：预警卷宗（可在系统中按预警编号导出）</p>\n");
        html.append("<p>").append(e(day)).append("</p>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><th>").append(e(label)).append("</th><td>").append(e(value == null ? "" : value)).append("</td></tr>\n");
    }

    /** A row whose ids stand in small print after the names they identify. */
    private static void codedRow(StringBuilder html, String label, String value) {
        String cell = BRACKETED_CODE.matcher(e(value == null ? "" : value)).replaceAll("<small class=\"code\">（$1）</small>");
        html.append("<tr><th>").append(e(label)).append("</th><td>").append(cell).append("</td></tr>\n");
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    public static String fileName(WarningView w) {
        return "referral-" + w.id() + ".html";
    }

}
