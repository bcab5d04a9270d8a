package lianshao.facts;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import lianshao.facts.Field.Kind;

/** One bid of a tender; {@code index} is its position in the record's {@code bids}. */
public record Bid(
        String recordId,
        int index,
        @Field(kind = Kind.PARTY, required = true, zh = "投标人。")
        String bidderRef,
        @Field(kind = Kind.MONEY, required = true, zh = "投标报价。")
        BigDecimal price,
        @Field(kind = Kind.BOOLEAN, required = true, zh = "该投标是否被否决。")
        boolean disqualified,
        @Field(kind = Kind.PROSE, zh = "否决投标的理由。")
        String disqualificationReason,
        @Field(kind = Kind.TIMESTAMP, zh = "投标文件的递交时间。")
        OffsetDateTime submittedAt,
        @Field(kind = Kind.CODE, personal = "Bid.maskedContactPhone()", zh = "投标联系人电话。")
        String contactPhone,
        @Field(kind = Kind.CODE, personal = "Bid.maskedDepositAccount()", zh = "投标保证金的汇出账户。")
        String depositAccount,
        @Field(kind = Kind.PARTY, zh = "投标人的委托代理人。")
        String agentRef,
        @Field(kind = Kind.PARTY, zh = "投标文件编制人。")
        String preparerRef,
        @Field(kind = Kind.PARTY, zh = "拟派项目负责人（项目经理）。")
        String projectManagerRef,
        @Field(kind = Kind.CODE, zh = "投标文件特征码：编制投标文件的电脑机器码、加密锁（CA 锁）序列号或文件创建者标识。")
        String fileFingerprint,
        @Field(kind = Kind.CODE, personal = "Bid.sharedIdentifiers(other)（只给出共有标识的名称 / names the shared identifiers only）", zh = "递交投标文件所用的 IP 地址。")
        String submittedFromIp) {

    /** The identifying fields this bid shares with another (file fingerprint, preparer, agent...). */
    public java.util.List<String> sharedIdentifiers(Bid other) {
        java.util.List<String> shared = new java.util.ArrayList<>();
        same(shared, "fileFingerprint", fileFingerprint, other.fileFingerprint);
        same(shared, "preparerRef", preparerRef, other.preparerRef);
        same(shared, "agentRef", agentRef, other.agentRef);
        same(shared, "projectManagerRef", projectManagerRef, other.projectManagerRef);
        same(shared, "depositAccount", depositAccount, other.depositAccount);
        same(shared, "contactPhone", contactPhone, other.contactPhone);
        same(shared, "submittedFromIp", submittedFromIp, other.submittedFromIp);
        return shared;
    }

    /** The contact phone masked to its last 4 digits, for messages and evidence. */
    public String maskedContactPhone() {
        return Masks.lastFour(contactPhone);
    }

    /** The deposit account masked to its last 4 characters, for messages and evidence. */
    public String maskedDepositAccount() {
        return Masks.lastFour(depositAccount);
    }

    public boolean sharesIdentifierWith(Bid other) {
        return !sharedIdentifiers(other).isEmpty();
    }

    public boolean samePriceAs(Bid other) {
        return price.compareTo(other.price) == 0;
    }

    private static void same(java.util.List<String> shared, String name, String a, String b) {
        if (a != null && !a.isBlank() && a.trim().equalsIgnoreCase(b == null ? "" : b.trim())) {
            shared.add(name);
        }
    }
}
