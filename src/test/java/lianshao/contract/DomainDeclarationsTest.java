package lianshao.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import lianshao.facts.Field;
import lianshao.facts.Field.Kind;
import lianshao.facts.RecordDomain;
import lianshao.facts.RecordDomain.ContextKey;
import lianshao.facts.RecordDomain.DatePair;
import lianshao.facts.RecordFact;

/** A wrong declaration stops the service at start-up with every problem named, instead of dropping data. */
class DomainDeclarationsTest {

    @RecordDomain(name = "GOOD", order = 90, slug = "good", zh = "好", en = "Good", oneRecord = "一条",
            keys = @ContextKey(name = "GOOD_CASE", fields = "caseNo"), datesInOrder = @DatePair(first = "from", second = "to"))
    record Good(String recordId, String externalId, String source, String orgCode, OffsetDateTime occurredAt,
            LocalDate occurredOn, boolean current,
            @Field(kind = Kind.CODE, required = true, zh = "案号。") String caseNo,
            @Field(kind = Kind.ENUM, values = {"A", "B"}, zh = "类别：A 甲、B 乙。") String type,
            @Field(kind = Kind.PARTY, zh = "经办人。") String handlerRef,
            @Field(kind = Kind.DATE, zh = "起。") LocalDate from,
            @Field(kind = Kind.DATE, zh = "止。") LocalDate to) implements RecordFact {
    }

    @RecordDomain(name = "bad name", order = 90, slug = "Bad_Slug", zh = "坏", en = "Bad", oneRecord = "一条",
            keys = @ContextKey(name = "BAD_KEY", fields = "nowhere"), datesInOrder = @DatePair(first = "type", second = "to"))
    record Bad(String recordId, String externalId, String source, String orgCode, OffsetDateTime occurredAt,
            LocalDate occurredOn, boolean current,
            String undeclared,
            @Field(kind = Kind.DATE, zh = "案号。") String caseNo,
            @Field(kind = Kind.ENUM, values = {"A", "C"}, zh = "类别：A 甲、B 乙。") String type,
            @Field(kind = Kind.CODE, zh = "") String note,
            @Field(kind = Kind.CODE, personal = "Bad.noSuchMethod()", zh = "电话。") String phone,
            @Field(kind = Kind.DATE, zh = "止。") LocalDate to) implements RecordFact {
    }

    @Test
    void theDeclaredDomainsAreValidAndInOrder() {
        assertThat(Domain.values()).extracting(Domain::name).startsWith("ADMISSION", "RECRUITMENT", "TENDER", "PROCUREMENT",
                "RESEARCH_FUND");
        assertThat(Domain.valueOf("TENDER").itemTypes()).extracting(Class::getSimpleName)
                .containsExactly("Bid", "TenderEvaluator", "ContractVariation", "Subcontract");
        assertThat(Domain.valueOf("TENDER").partyField("bidderRef")).isTrue();
        assertThat(Domain.valueOf("PROCUREMENT").partyField("collectiveDecisionRef")).as("a document number").isFalse();
    }

    @Test
    void aGoodDeclarationPassesAndGivesItsSchema() {
        Domain good = Domain.domain(Good.class);
        DomainDeclarations.check(List.of(good));
        ObjectSchema schema = DomainDeclarations.schema(good);
        assertThat(schema.fields().keySet()).containsExactly("caseNo", "type", "handlerRef", "from", "to");
        assertThat(schema.fields().get("caseNo").required()).isTrue();
        assertThat(schema.crossFieldChecks()).hasSize(1);
        assertThat(good.partyField("handlerRef")).isTrue();
        assertThat(good.partyField("caseNo")).isFalse();
        assertThat(DomainDeclarations.descriptions(List.of(good))).containsEntry("GOOD.type", "类别：A 甲、B 乙。");
    }

    @Test
    void aBadDeclarationIsRefusedWithEveryProblemNamed() {
        assertThatThrownBy(() -> DomainDeclarations.check(List.of(Domain.domain(Bad.class))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("name bad name is not UPPER_SNAKE")
                .hasMessageContaining("slug Bad_Slug is not lower-kebab")
                .hasMessageContaining("undeclared: a payload component without @Field")
                .hasMessageContaining("caseNo: Java type java.lang.String does not fit DATE")
                .hasMessageContaining("type: the description does not name the value C")
                .hasMessageContaining("note: no description")
                .hasMessageContaining("phone: personal = \"Bad.noSuchMethod()\" must start with Bad.")
                .hasMessageContaining("key BAD_KEY names nowhere")
                .hasMessageContaining("date pair names type, not a DATE field");
    }

    @Test
    void twoDomainsMayNotShareANameASlugOrAPlace() {
        Domain good = Domain.domain(Good.class);
        assertThatThrownBy(() -> DomainDeclarations.check(List.of(good, good)))
                .hasMessageContaining("name GOOD is not UPPER_SNAKE or not unique")
                .hasMessageContaining("order 90 is not unique");
    }
}
