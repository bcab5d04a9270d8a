package lianshao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rule author may not read personal data of stored records through a draft's output: the hit's
 * message, English text, evidence, subjects, reasons — what a backtest stores and shows. Each draft
 * below copies one personal-data member of the fact model into a consequence, directly, through text
 * operations, a ternary, {@code toString}, a variable bound in the conditions, an accumulated list, a
 * {@code from}, a derived fact or the text form of the whole fact; each is refused before the builder
 * runs, with file, the consequence's line and a bilingual reason naming the member and its masked
 * form. Conditions over the same members, and the masked forms in consequences, are accepted.
 */
class PersonalDataRuleTest {

    private static final String FILE = "drafts/PII-01.drl";
    private static final String HEADER = """
            package lianshao.rules.drafts;

            import lianshao.facts.*;

            global Hits hits;

            """;

    /** One personal-data member: the patterns binding its fact as {@code $v}, the member and its masked form. */
    private record Member(String when, String type, String name, String masked) {

        String read() {
            return "$v." + name + "()";
        }

        String label() {
            return type + "." + name + "()";
        }
    }

    private static final List<Member> MEMBERS = List.of(
            new Member("$v : Admission( current )", "Admission", "identityHash", "Admission.maskedIdentityHash()"),
            new Member("$t : Tender( current )\n    $v : Bid( recordId == $t.recordId )", "Bid", "contactPhone",
                    "Bid.maskedContactPhone()"),
            new Member("$t : Tender( current )\n    $v : Bid( recordId == $t.recordId )", "Bid", "depositAccount",
                    "Bid.maskedDepositAccount()"),
            new Member("$t : Tender( current )\n    $v : Bid( recordId == $t.recordId )", "Bid", "submittedFromIp",
                    "Bid.sharedIdentifiers(other)"),
            new Member("$a : Admission( current )\n    $v : Party( id == $a.approverRef )", "Party", "name", "Party.maskedName()"),
            new Member("$a : Admission( current )\n    $v : Party( id == $a.approverRef )", "Party", "phone", "Party.maskedPhone()"),
            new Member("$a : Admission( current )\n    $v : Party( id == $a.approverRef )", "Party", "address",
                    "Party.maskedAddress()"),
            new Member("$a : Admission( current )\n    $v : Party( id == $a.approverRef )", "Party", "bankAccount",
                    "Party.maskedBankAccount()"),
            new Member("$v : ResearchExpense( current )", "ResearchExpense", "payeeAccount", "ResearchExpense.maskedPayeeAccount()"));

    /** Ways a consequence can carry a value out; {@code V} stands for the read of the member. */
    private static final List<String> DIRECT = List.of(
            "hits.raise(\"号码 \" + V + \"。\");",
            "hits.raise(\"x\").inEnglish(\"number \" + V);",
            "hits.raise(\"x\").evidence(\"v\", V);",
            "hits.raise(\"x\").subject(V);",
            "hits.raise(\"x\").counterparty(V);",
            "hits.raise(\"x\").related(V);",
            "hits.raise(\"x\").escalate(2, \"原因 \" + V);",
            "hits.raise(\"x\").suspectedCrime(\"原因 \" + V);",
            "hits.raise(\"x\").benefit(V, $v.hashCode() > 0 ? 1B : 2B);",
            "hits.raise(\"x\").evidence(\"v\", V != null ? V : \"-\");",
            "hits.raise(\"x\").evidence(\"v\", V.startsWith(\"138\") ? \"a\" : \"b\");",
            "hits.raise(\"x\").evidence(\"v\", V.toString());",
            "hits.raise(\"x\").evidence(\"v\", V.substring(0, 3));",
            "hits.raise(\"x\").evidence(\"v\", V.trim().toUpperCase());",
            "hits.raise(\"x\").evidence(\"v\", V.charAt(0));",
            "hits.raise(\"x\").evidence(\"v\", V.length());",
            "hits.raise(\"x\").evidence(\"v\", V.hashCode());",
            "hits.raise(\"x\").evidence(\"v\", \"\".concat(V));",
            "hits.raise(\"x\").evidence(\"v\", \"前缀\".concat(\"\" + V.indexOf(\"8\")));",
            "hits.raise(\"x\").escalateIf(V.endsWith(\"1\"), 2, \"x\");");

    static Stream<Arguments> leaks() {
        List<Arguments> leaks = new ArrayList<>();
        for (Member m : MEMBERS) {
            for (String then : DIRECT) {
                String consequence = then.replace("V", m.read());
                leaks.add(Arguments.of(m.label() + " in " + consequence, draft(m.when(), consequence), m.label(), m.masked()));
            }
            // the member bound to a variable in the conditions, or something computed from it
            String bound = m.when().replaceFirst("\\)$", ", \\$s : " + m.name() + " )");
            leaks.add(Arguments.of(m.label() + " through a bound variable", draft(bound, "hits.raise(\"x \" + $s);"), "$s",
                    m.masked()));
            String length = m.when().replaceFirst("\\)$", ", \\$n : " + m.name() + ".length() )");
            leaks.add(Arguments.of(m.label() + " through a bound length", draft(length, "hits.raise(\"x\").evidence(\"n\", $n);"),
                    m.label(), m.masked()));
            // a variable bound to another one, in a later pattern
            String chained = bound + "\n    Thresholds( $s2 : $s )";
            leaks.add(Arguments.of(m.label() + " through a variable bound to a bound variable", draft(chained,
                    "hits.raise(\"x\").subject($s2);"), m.label(), m.masked()));
            // from: the member as a pattern of its own
            String from = m.when() + "\n    $f : String( length > 0 ) from $v." + m.name();
            leaks.add(Arguments.of(m.label() + " through from", draft(from, "hits.raise(\"x \" + $f);"), m.label(), m.masked()));
            String fromThis = m.when() + "\n    String( $g : this ) from $v." + m.name();
            leaks.add(Arguments.of(m.label() + " through this of a from", draft(fromThis, "hits.raise(\"x \" + $g);"), m.label(),
                    m.masked()));
            // a derived fact would carry it to another rule's message
            leaks.add(Arguments.of(m.label() + " into a derived fact", derivation(m.when(),
                    "insertLogical(new RecruitmentRelative(\"r\", " + m.read() + ", \"PANEL\", null, \"SPOUSE\"));"), m.label(),
                    m.masked()));
        }
        // the text form of a whole fact holds its personal data
        for (String then : List.of("hits.raise(\"x \" + $v);", "hits.raise(\"x\").evidence(\"bid\", $v);",
                "hits.raise(\"x\").evidence(\"bid\", $v.toString());", "hits.raise(\"x\").evidence(\"bid\", $v.hashCode());",
                "hits.raise(\"x\").evidence(\"bids\", $t.bids());", "hits.raise(\"x\" + $t.bids().get(0));",
                "hits.raise(\"x\").inEnglish(\"tender \" + $t);", "hits.raise(\"x\").subject(\"\".concat(\"\" + $t));",
                "hits.raise(\"x\").related($t.bids());")) {
            leaks.add(Arguments.of("the text of a whole fact: " + then, draft(MEMBERS.get(1).when(), then), "personal data",
                    "masked"));
        }
        // accumulated personal data
        String accumulated = "$t : Tender( current )\n    accumulate( Bid( recordId == $t.recordId, $ph : contactPhone ), "
                + "$phones : collectList( $ph ), $top : max( $ph ) )";
        leaks.add(Arguments.of("a collected list of phones", draft(accumulated, "hits.raise(\"x\").evidence(\"p\", $phones);"),
                "Bid.contactPhone()", "Bid.maskedContactPhone()"));
        leaks.add(Arguments.of("the largest phone", draft(accumulated, "hits.raise(\"x\" + $top);"), "Bid.contactPhone()",
                "Bid.maskedContactPhone()"));
        String resultPattern = "$t : Tender( current )\n    $top : String() from accumulate( Bid( recordId == $t.recordId, "
                + "$ph : contactPhone ), max( $ph ) )";
        leaks.add(Arguments.of("the result pattern of an accumulate of phones", draft(resultPattern, "hits.raise(\"x\" + $top);"),
                "Bid.contactPhone()", "Bid.maskedContactPhone()"));
        String collectedFrom = "$a : Admission( current )\n    $p : Party( id == $a.approverRef )\n"
                + "    $phones : java.util.List() from collect( String() from $p.phone )";
        leaks.add(Arguments.of("a collected list of a from over a phone", draft(collectedFrom,
                "hits.raise(\"x\").evidence(\"p\", $phones);"), "Party.phone()", "Party.maskedPhone()"));
        String collected = "$t : Tender( current )\n    $bids : java.util.List() from collect( Bid( recordId == $t.recordId ) )";
        leaks.add(Arguments.of("a collected list of bids", draft(collected, "hits.raise(\"x\").evidence(\"b\", $bids);"),
                "personal data", "masked"));
        return leaks.stream();
    }

    private final RuleCompiler compiler = new RuleCompiler();

    @ParameterizedTest(name = "{0}")
    @MethodSource("leaks")
    void personalDataCannotLeaveThroughAConsequence(String name, String drl, String member, String masked) {
        RuleSetInvalidException e = RuleRefusals.refusedBeforeTheBuilder(compiler, FILE, drl, name);
        int consequenceLine = lineOf(drl, "then") + 1;
        assertThat(e.problems()).as(name).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(FILE);
            assertThat(p.line()).isEqualTo(consequenceLine);
            assertThat(p.message()).contains(member).contains(masked).contains(" / ");
        });
    }

    /**
     * Conditions may test personal data for equality, emptiness and length, nothing finer: a prefix, a
     * character, an order or a computation would let a draft spell the value out, one hit or miss per rule.
     */
    static Stream<Arguments> oracles() {
        String party = "$a : Admission( current )\n    $p : Party( id == $a.approverRef, ORACLE )";
        List<String> oracles = List.of("phone.startsWith(\"138\")", "phone.endsWith(\"1\")", "phone.contains(\"8\")",
                "phone.charAt(0) == '1'", "phone.substring(0, 3) == \"138\"", "phone.indexOf(\"8\") == 1",
                "phone.compareTo(\"15\") < 0", "phone < \"15\"", "phone >= \"15\"", "\"15\".compareTo(phone) > 0",
                "\"13800\".startsWith(phone)", "phone + \"\" == \"x\"", "phone.toUpperCase() == \"x\"",
                "bankAccount.trim().length() > 0", "address.strip() == \"x\"", "this.toString().contains(\"138\")",
                "toString() != null", "hashCode() % 2 == 0", "(phone != null ? phone : \"\").startsWith(\"1\")");
        List<Arguments> cases = new ArrayList<>();
        for (String oracle : oracles) {
            cases.add(Arguments.of(oracle, draft(party.replace("ORACLE", oracle), "hits.raise(\"x\");"), oracle));
        }
        cases.add(Arguments.of("a bound phone tested later", draft(party.replace("ORACLE", "$ph : phone")
                + "\n    Thresholds( $ph.startsWith(\"138\") )", "hits.raise(\"x\");"), "$ph.startsWith"));
        cases.add(Arguments.of("this of a from over a phone", draft("$a : Admission( current )\n    $p : Party( id == $a.approverRef )"
                + "\n    String( this.startsWith(\"138\") ) from $p.phone", "hits.raise(\"x\");"), "this.startsWith"));
        cases.add(Arguments.of("an order of a from over an account", draft("$e : ResearchExpense( current )"
                + "\n    String( this > \"6\" ) from $e.payeeAccount", "hits.raise(\"x\");"), "this >"));
        cases.add(Arguments.of("the identity hash of an earlier admission ordered", draft("$a : Admission( current )"
                + "\n    Admission( !current, identityHash > $a.identityHash )", "hits.raise(\"x\");"), "identityHash >"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oracles")
    void conditionsCannotTakePersonalDataApart(String name, String drl, String where) {
        RuleSetInvalidException e = catchThrowableOfType(RuleSetInvalidException.class, () -> compiler.compile(source(drl)));

        assertThat(e).as(name + " should be refused").isNotNull();
        int line = drl.lines().toList().indexOf(drl.lines().filter(l -> l.contains(where)).findFirst().orElseThrow()) + 1;
        assertThat(e.problems()).as(name).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(FILE);
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains("personal data").contains(" / ");
        });
    }

    @Test
    void aBoundVariableIsNamedWithTheMemberItCameFrom() {
        String drl = draft("$v : ResearchExpense( current, $acct : payeeAccount )", "hits.raise(\"x\").evidence(\"a\", $acct);");

        RuleSetInvalidException e = catchThrowableOfType(RuleSetInvalidException.class, () -> compiler.compile(source(drl)));

        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("$acct", "ResearchExpense.payeeAccount()", "ResearchExpense.maskedPayeeAccount()", "个人信息",
                        "personal data"));
    }

    /** Conditions may compare, join and test personal data; consequences show its masked forms. */
    @Test
    void conditionsOverPersonalDataAndMaskedFormsInConsequencesAreAccepted() {
        String drl = HEADER
                + rule("1", """
                        $a : Admission( current, identityHash != null, identityHash.length() > 4, !identityHash.isBlank() )
                            $o : Admission( !current, identityHash == $a.identityHash, identityHash.equalsIgnoreCase($a.identityHash) )""",
                        "hits.raise(\"身份 \" + $a.maskedIdentityHash()).evidence(\"identityHash\", $o.maskedIdentityHash())"
                                + ".counterparty($o.studentRef());")
                + rule("2", """
                        $t : Tender( current )
                            $x : Bid( recordId == $t.recordId, contactPhone != null, $ph : contactPhone, $acct : depositAccount )
                            $y : Bid( recordId == $t.recordId, index != $x.index, contactPhone == $ph || depositAccount == $acct
                                      || submittedFromIp == $x.submittedFromIp )""",
                        "hits.raise(\"同一电话 \" + $x.maskedContactPhone() + \"，账户 \" + $y.maskedDepositAccount())"
                                + ".subject($x.bidderRef()).subject(($x.index() < $y.index() ? $x : $y).bidderRef())"
                                + ".evidence(\"shared\", $x.sharedIdentifiers($y)).escalateIf($x == $y, 2, \"x\");")
                + rule("3", """
                        $e : ResearchExpense( current, payeeAccount != null )
                            $p : Party( id == $e.piRef, $e.paidInto(bankAccount), bankAccount == $e.payeeAccount,
                                        phone != null, address != null, address != "", name != "张三" )""",
                        "hits.raise(\"账户 \" + $e.maskedPayeeAccount() + \" 属于 \" + $p.maskedName()).evidence(\"phone\", $p.maskedPhone())"
                                + ".evidence(\"address\", $p.maskedAddress()).evidence(\"account\", $p.maskedBankAccount());")
                + rule("4", """
                        $t : Tender( current )
                            accumulate( Bid( recordId == $t.recordId, $ph : contactPhone ), $n : count( $ph ) )""",
                        "hits.raise(\"x\").evidence(\"bidders\", $t.bidderRefs());");

        assertThatCode(() -> compiler.compile(source(drl))).doesNotThrowAnyException();
    }

    private static String rule(String name, String when, String then) {
        return "rule \"r" + name + "\"\n" + metadata() + "when\n    " + when + "\nthen\n    " + then + "\nend\n\n";
    }

    private static String metadata() {
        return """
                    @id("PII-01")
                    @title("测试规则")
                    @form(2)
                    @clause("M9")
                    @basis("测试 [INF]")
                    @departments("纪检组")
                """;
    }

    static String draft(String when, String then) {
        return HEADER + rule("", when, then);
    }

    private static String derivation(String when, String then) {
        return HEADER + "rule \"d\"\n    @kind(\"derivation\")\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n";
    }

    private static RuleSource source(String drl) {
        return RuleRefusals.oneFile(FILE, drl);
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line " + needle);
    }
}
