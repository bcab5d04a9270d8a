package lianshao.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import lianshao.facts.Field.Kind;
import lianshao.facts.RecordDomain.ContextKey;

/**
 * 有偿补课治理: one record of the campaign against paid tutoring by in-service teachers. {@code recordType} says
 * which of four kinds it is — a teacher's declaration not to take part in paid tutoring, an off-campus training
 * institution's registration, a payment by such an institution, or a complaint — and which of the optional
 * fields it carries (see docs/api.md, "Paid tutoring").
 */
@RecordDomain(name = "TUTORING", order = 7, slug = "tutoring", zh = "有偿补课治理", en = "Paid tutoring",
        oneRecord = "一项承诺、机构登记、机构支付或举报",
        keys = {
                // a teacher's declarations, payments to them and complaints about them, wherever recorded
                @ContextKey(name = "TUT_PERSON", fields = {"personRef"}, withinOrg = false),
                // one institution's registration and its payments
                @ContextKey(name = "TUT_INSTITUTION", fields = {"institutionRef"}, withinOrg = false)})
public record Tutoring(
        String recordId,
        String externalId,
        String source,
        String orgCode,
        OffsetDateTime occurredAt,
        LocalDate occurredOn,
        boolean current,
        @Field(kind = Kind.ENUM, required = true, values = {"DECLARATION", "INSTITUTION_REGISTRATION", "INSTITUTION_PAYMENT", "COMPLAINT"}, zh = "记录类型：DECLARATION 教师不参加有偿补课承诺（申报）、INSTITUTION_REGISTRATION 校外培训机构登记、INSTITUTION_PAYMENT 校外培训机构支付、COMPLAINT 有偿补课举报。")
        String recordType,
        @Field(kind = Kind.PARTY, zh = "所涉人员：DECLARATION 为作出承诺的教师，INSTITUTION_PAYMENT 为收款人（个人或单位），COMPLAINT 为被举报的教师；INSTITUTION_REGISTRATION 不填。")
        String personRef,
        @Field(kind = Kind.PARTY, zh = "校外培训机构：INSTITUTION_REGISTRATION、INSTITUTION_PAYMENT 必填；COMPLAINT 为举报所涉的机构（如有）。")
        String institutionRef,
        @Field(kind = Kind.DATE, zh = "承诺（申报）日期（DECLARATION）。")
        LocalDate declaredOn,
        @Field(kind = Kind.CODE, zh = "办学许可证或登记编号（INSTITUTION_REGISTRATION）。")
        String licenceNo,
        @Field(kind = Kind.DATE, zh = "机构登记（审批）日期（INSTITUTION_REGISTRATION）。")
        LocalDate registeredOn,
        @Field(kind = Kind.PARTY, zh = "机构的法定代表人（INSTITUTION_REGISTRATION）。")
        String legalRepresentativeRef,
        @Field(kind = Kind.PARTIES, zh = "机构的股东或举办者（INSTITUTION_REGISTRATION）。")
        List<String> shareholderRefs,
        @Field(kind = Kind.PARTY, zh = "机构的实际控制人（INSTITUTION_REGISTRATION）。")
        String controllerRef,
        @Field(kind = Kind.PARTIES, zh = "机构登记（备案）的授课人员（INSTITUTION_REGISTRATION）。")
        List<String> instructorRefs,
        @Field(kind = Kind.MONEY, zh = "支付金额（INSTITUTION_PAYMENT）。")
        BigDecimal amount,
        @Field(kind = Kind.DATE, zh = "支付日期（INSTITUTION_PAYMENT）。")
        LocalDate paidOn,
        @Field(kind = Kind.ENUM, values = {"TEACHING_FEE", "COURSE_MATERIALS", "REFERRAL", "SALARY", "RENT", "OTHER"}, zh = "支付事由（INSTITUTION_PAYMENT）：TEACHING_FEE 授课课时费、COURSE_MATERIALS 课程研发或资料编写费、REFERRAL 介绍生源费、SALARY 工资薪金、RENT 场地租金、OTHER 其他。")
        String purpose,
        @Field(kind = Kind.PARTIES, zh = "所涉学生：INSTITUTION_PAYMENT 为该笔报酬对应课程的学员，COMPLAINT 为举报所称接受补课的学生。")
        List<String> studentRefs,
        @Field(kind = Kind.DATE, zh = "举报受理日期（COMPLAINT）。")
        LocalDate receivedOn,
        @Field(kind = Kind.ENUM, values = {"PARENT", "STUDENT", "TEACHER", "ANONYMOUS", "OTHER"}, zh = "举报人类别（COMPLAINT）：PARENT 家长、STUDENT 学生、TEACHER 教师、ANONYMOUS 匿名、OTHER 其他。")
        String complainantType,
        @Field(kind = Kind.ENUM, values = {"PAID_TUTORING", "INDUCING_STUDENTS", "INSTITUTION_PART_TIME", "REFERRING_STUDENTS", "OTHER"}, zh = "举报事项（COMPLAINT）：PAID_TUTORING 有偿补课、INDUCING_STUDENTS 组织推荐诱导学生参加有偿补课、INSTITUTION_PART_TIME 在校外培训机构兼职、REFERRING_STUDENTS 为机构介绍生源或提供学生信息、OTHER 其他。")
        String allegation,
        @Field(kind = Kind.BOOLEAN, zh = "所涉学生中是否有该教师本人任教班级的学生（学校核实的结果）。")
        Boolean ownClass,
        @Field(kind = Kind.MONEY, zh = "举报所称收取的补课费用（COMPLAINT）。")
        BigDecimal feeAlleged,
        @Field(kind = Kind.ENUM, values = {"PENDING", "SUBSTANTIATED", "PARTLY_SUBSTANTIATED", "UNFOUNDED"}, zh = "核查结论（COMPLAINT）：PENDING 核查中、SUBSTANTIATED 属实、PARTLY_SUBSTANTIATED 部分属实、UNFOUNDED 不属实。")
        String verification,
        @Field(kind = Kind.PROSE, zh = "说明。")
        String description) implements RecordFact {

    @Override
    public String domain() {
        return "TUTORING";
    }

    /**
     * The day the record's act happened: {@code declaredOn}, {@code registeredOn}, {@code paidOn} or
     * {@code receivedOn} by record type, or the record's own day when that field is absent.
     */
    public LocalDate actDay() {
        LocalDate day = switch (recordType) {
            case "DECLARATION" -> declaredOn;
            case "INSTITUTION_REGISTRATION" -> registeredOn;
            case "INSTITUTION_PAYMENT" -> paidOn;
            case "COMPLAINT" -> receivedOn;
            default -> null;
        };
        return day != null ? day : occurredOn;
    }

    /** True when the given day lies within the given number of months before {@link #actDay()}, or on it. */
    public boolean withinMonthsBefore(LocalDate day, int months) {
        LocalDate end = actDay();
        return day != null && !day.isAfter(end) && !day.isBefore(end.minusMonths(months));
    }

    /** A complaint not found unfounded (still pending or at least partly substantiated). */
    public boolean openComplaint() {
        return "COMPLAINT".equals(recordType) && !"UNFOUNDED".equals(verification);
    }

    /** A complaint found true in whole or in part. */
    public boolean substantiated() {
        return "SUBSTANTIATED".equals(verification) || "PARTLY_SUBSTANTIATED".equals(verification);
    }

    /** True when the school found students of the teacher's own class among those named (absent = not found). */
    public boolean ownClassFound() {
        return Boolean.TRUE.equals(ownClass);
    }

    /** A payment by an institution for teaching work (every purpose except rent of premises). */
    public boolean paymentForWork() {
        return "INSTITUTION_PAYMENT".equals(recordType) && !"RENT".equals(purpose);
    }

    /**
     * The people a registration names as in control of the institution — legal representative, shareholders
     * and actual controller — each once, in that order.
     */
    public List<String> declaredControllerRefs() {
        List<String> refs = new ArrayList<>();
        if (legalRepresentativeRef != null) {
            refs.add(legalRepresentativeRef);
        }
        shareholderRefs.stream().filter(ref -> !refs.contains(ref)).forEach(refs::add);
        if (controllerRef != null && !refs.contains(controllerRef)) {
            refs.add(controllerRef);
        }
        return List.copyOf(refs);
    }

    /**
     * The roles the registration gives the person, as relation kinds (LEGAL_REPRESENTATIVE, SHAREHOLDER,
     * CONTROLLER); empty when it names them in none.
     */
    public List<String> declaredRolesOf(String ref) {
        List<String> roles = new ArrayList<>();
        if (ref.equals(legalRepresentativeRef)) {
            roles.add("LEGAL_REPRESENTATIVE");
        }
        if (shareholderRefs.contains(ref)) {
            roles.add("SHAREHOLDER");
        }
        if (ref.equals(controllerRef)) {
            roles.add("CONTROLLER");
        }
        return List.copyOf(roles);
    }
}
