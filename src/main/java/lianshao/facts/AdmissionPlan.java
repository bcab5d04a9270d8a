package lianshao.facts;

/** The admission quota of an organisation for one year and stage. */
public record AdmissionPlan(String orgCode, int year, String stage, int quota) {
}
