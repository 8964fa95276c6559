package org.custodia.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every role against every endpoint group: allowed (the answer the endpoint gives), or 403; 401 without
 * credentials. Write calls send an empty body, so an allowed role gets 400 and nothing changes.
 */
class SecurityMatrixTest extends ServiceTest {
    static final List<String> USERS = List.of("oficial", "registro", "salud", "direccion", "finanzas", "inspector",
            "admin");

    long person;
    long cell;
    String pavilion;

    @BeforeEach
    void setUp() {
        person = db.sql("select person_id from booking where facility_code = 'CECOT' and released_at is null "
                + "order by id limit 1").query(Long.class).single();
        cell = db.sql("select id from location where facility_code = 'CECOT' and kind = 'CELL' order by id limit 1")
                .query(Long.class).single();
        pavilion = db.sql("select code from pavilion where facility_code = 'CECOT' order by id limit 1")
                .query(String.class).single();
    }

    record Group(String name, String method, String path, int allowedStatus, Set<String> allowed) {
    }

    List<Group> groups() {
        Set<String> all = Set.copyOf(USERS);
        Set<String> personReaders = Set.of("oficial", "registro", "salud", "direccion", "inspector");
        return List.of(
                new Group("facilities", "GET", "/api/facilities", 200, all),
                new Group("occupancy", "GET", "/api/facilities/CECOT/occupancy", 200, all),
                new Group("pavilion map", "GET", "/api/pavilions/1/occupancy", 200, all),
                new Group("search", "GET", "/api/people/search?q=mart", 200, personReaders),
                new Group("person", "GET", "/api/people/" + person, 200, personReaders),
                new Group("person history", "GET", "/api/people/" + person + "/history", 200, personReaders),
                new Group("cell occupants", "GET", "/api/locations/" + cell + "/people", 200, personReaders),
                new Group("sentences", "GET", "/api/people/" + person + "/sentences", 200, personReaders),
                new Group("record sentence", "POST", "/api/people/" + person + "/sentences", 400,
                        Set.of("registro", "direccion")),
                new Group("charges", "GET", "/api/people/" + person + "/charges", 200, personReaders),
                new Group("record charge", "POST", "/api/people/" + person + "/charges", 400,
                        Set.of("registro", "direccion")),
                new Group("pretrial extension", "POST", "/api/people/" + person + "/pretrial-extensions", 400,
                        Set.of("registro", "direccion")),
                new Group("pretrial worklist", "GET", "/api/worklists/pretrial", 200,
                        Set.of("registro", "direccion", "inspector")),
                new Group("batch status", "GET", "/api/intake/batches/none", 404,
                        Set.of("registro", "direccion", "inspector")),
                new Group("person file", "GET", "/api/people/" + person + "/file", 200, personReaders),
                new Group("add to file", "POST", "/api/people/" + person + "/file/property", 400,
                        Set.of("registro", "direccion")),
                new Group("admission observation", "POST", "/api/people/" + person + "/file/observation", 400,
                        Set.of("registro", "salud")),
                new Group("file completeness", "GET", "/api/facilities/CECOT/completeness", 200, all),
                new Group("transfer figures", "GET", "/api/figures/transfers-in", 200,
                        Set.of("registro", "direccion", "inspector")),
                new Group("release worklist", "GET", "/api/worklists/release", 200,
                        Set.of("registro", "direccion", "inspector")),
                new Group("hearings", "GET", "/api/people/" + person + "/hearings", 200, personReaders),
                new Group("schedule hearing", "POST", "/api/people/" + person + "/hearings", 400,
                        Set.of("registro", "direccion")),
                new Group("representation", "GET", "/api/people/" + person + "/representation", 200, personReaders),
                new Group("resolve held row", "POST", "/api/intake/batches/none/held/1/resolution", 404,
                        Set.of("registro", "direccion")),
                new Group("legal status", "POST", "/api/people/" + person + "/legal-status", 400,
                        Set.of("registro", "direccion")),
                new Group("commitment correction", "POST", "/api/people/" + person + "/commitment", 400,
                        Set.of("registro", "direccion")),
                new Group("groups", "GET", "/api/housing/groups", 200, all),
                new Group("affiliations", "GET", "/api/people/" + person + "/affiliations", 200, personReaders),
                new Group("claim affiliation", "POST", "/api/people/" + person + "/affiliations", 400,
                        Set.of("oficial", "registro", "direccion")),
                new Group("admission", "POST", "/api/people", 400, Set.of("registro", "direccion")),
                new Group("move", "POST", "/api/moves", 400, Set.of("oficial", "direccion")),
                new Group("move check", "POST", "/api/moves/check", 400, Set.of("oficial", "direccion")),
                new Group("bulk move", "POST", "/api/moves/bulk", 400, Set.of("oficial", "direccion")),
                new Group("swap", "POST", "/api/moves/swap", 400, Set.of("oficial", "direccion")),
                new Group("overrides", "GET", "/api/housing/overrides", 200, Set.of("direccion", "inspector")),
                new Group("propose plan", "POST", "/api/housing/plans", 400,
                        Set.of("oficial", "registro", "direccion")),
                new Group("order isolation", "POST", "/api/people/" + person + "/isolation", 400,
                        Set.of("salud", "direccion")),
                new Group("isolation history", "GET", "/api/people/" + person + "/isolation", 200,
                        Set.of("salud", "direccion")),
                new Group("end isolation", "POST", "/api/isolation/0/end", 404, Set.of("salud", "direccion")),
                new Group("define group", "POST", "/api/housing/groups", 400, Set.of("direccion")),
                new Group("set rivalry", "POST", "/api/housing/rivalries", 400, Set.of("direccion")),
                new Group("propose rebalancing", "POST", "/api/housing/plans/rebalance", 400,
                        Set.of("oficial", "registro", "direccion")),
                new Group("plan", "GET", "/api/housing/plans/0", 404, personReaders),
                new Group("apply plan", "POST", "/api/housing/plans/0/apply", 404, Set.of("oficial", "direccion")),
                new Group("discard plan", "POST", "/api/housing/plans/0/discard", 404,
                        Set.of("oficial", "direccion")),
                new Group("record non-association", "POST", "/api/non-associations", 400,
                        Set.of("oficial", "registro", "direccion")),
                new Group("non-association status", "POST", "/api/non-associations/0/status", 404,
                        Set.of("oficial", "registro", "direccion")),
                new Group("non-associations", "GET", "/api/people/" + person + "/non-associations", 200,
                        personReaders),
                new Group("cell", "GET", "/api/cells/" + cell, 200, personReaders),
                new Group("dispatch transfer", "POST", "/api/transfers", 400, Set.of("registro", "direccion")),
                new Group("receive transfer", "POST", "/api/transfers/0/receive", 404, Set.of("registro", "direccion")),
                new Group("transfers", "GET", "/api/transfers", 200, personReaders),
                new Group("authorise cap", "POST", "/api/housing/emergency-caps", 400, Set.of("direccion")),
                new Group("caps", "GET", "/api/housing/emergency-caps", 200, Set.of("direccion", "inspector", "admin")),
                new Group("release", "POST", "/api/people/" + person + "/release", 400,
                        Set.of("registro", "direccion")),
                new Group("ledger verify", "GET", "/api/ledger/verify", 200, Set.of("direccion", "inspector", "admin")),
                new Group("ledger export", "GET", "/api/ledger/export", 200, Set.of("inspector")),
                new Group("ledger checkpoints", "GET", "/api/ledger/checkpoints", 200,
                        Set.of("direccion", "inspector", "admin")),
                new Group("issue checkpoints", "POST", "/api/ledger/checkpoints", 201,
                        Set.of("direccion", "inspector", "admin")),
                new Group("ledger keys", "GET", "/api/ledger/keys", 200, Set.of("direccion", "inspector", "admin")),
                new Group("rotate ledger key", "POST", "/api/ledger/keys/rotate", 400, Set.of("direccion", "admin")),
                new Group("capacity list", "GET", "/api/capacity-requests", 200,
                        Set.of("direccion", "inspector", "admin")),
                new Group("capacity request", "POST", "/api/locations/" + cell + "/capacity-requests", 400,
                        Set.of("direccion", "admin")),
                new Group("capacity approve", "POST", "/api/capacity-requests/999999/approve", 404,
                        Set.of("direccion", "admin")),
                new Group("estate admin", "POST", "/api/facilities", 400, Set.of("admin")),
                new Group("accounts", "GET", "/api/accounts", 200, Set.of("admin")),
                new Group("open account", "POST", "/api/accounts", 400, Set.of("admin")),
                new Group("disable account", "POST", "/api/accounts/oficial/disable", 400, Set.of("admin")),
                new Group("enable account", "POST", "/api/accounts/oficial/enable", 400, Set.of("admin")),
                new Group("reset password", "POST", "/api/accounts/oficial/password", 400, Set.of("admin")),
                new Group("change roles", "POST", "/api/accounts/oficial/roles", 400, Set.of("admin")),
                new Group("change scope", "POST", "/api/accounts/oficial/scope", 400, Set.of("admin")),
                new Group("unlock account", "POST", "/api/accounts/oficial/unlock", 400, Set.of("admin")),
                new Group("own password", "POST", "/api/account/password", 400, all),
                new Group("login blocks", "GET", "/api/login-blocks", 200, Set.of("admin")),
                new Group("create token", "POST", "/api/tokens", 400, all),
                new Group("own tokens", "GET", "/api/tokens", 200, all),
                new Group("revoke token", "DELETE", "/api/tokens/0", 404, all),
                new Group("service token", "POST", "/api/accounts/oficial/tokens", 409, Set.of("admin")),
                new Group("account tokens", "GET", "/api/accounts/oficial/tokens", 200, Set.of("admin")),
                new Group("lift login block", "POST", "/api/login-blocks/lift", 400, Set.of("admin")),
                new Group("access log", "GET", "/api/access-log", 200, Set.of("inspector")),
                new Group("leave cell", "POST", "/api/movements", 400, Set.of("oficial", "direccion")),
                new Group("return to cell", "POST", "/api/movements/0/return", 404, Set.of("oficial", "direccion")),
                new Group("movement", "GET", "/api/movements/0", 404, personReaders),
                new Group("out of cell", "GET", "/api/facilities/CECOT/out-of-cell", 200, personReaders),
                new Group("open count", "POST", "/api/counts", 400, Set.of("oficial", "direccion")),
                new Group("count a cell", "POST", "/api/counts/0/cells/" + cell, 404, Set.of("oficial", "direccion")),
                new Group("explain a count", "POST", "/api/counts/0/cells/" + cell + "/explanation", 404,
                        Set.of("oficial", "direccion")),
                new Group("sign off count", "POST", "/api/counts/0/sign-off", 404, Set.of("direccion")),
                new Group("count", "GET", "/api/counts/0", 404, personReaders),
                new Group("counts of a day", "GET", "/api/facilities/CECOT/counts", 200, all),
                new Group("count schedule", "GET", "/api/facilities/CECOT/count-schedule", 200, all),
                new Group("change count schedule", "PUT", "/api/facilities/CECOT/count-schedule", 400,
                        Set.of("direccion")),
                new Group("roll", "GET", "/api/facilities/CECOT/roll", 200, all),
                new Group("pavilion roll", "GET", "/api/facilities/CECOT/roll/" + pavilion, 200, all),
                new Group("national roll", "GET", "/api/roll", 200, all),
                new Group("exercise figures", "GET", "/api/figures/exercise", 200, all),
                new Group("unlock list", "GET", "/api/facilities/CECOT/unlock-list", 200, personReaders),
                new Group("menu", "GET", "/api/menu-items", 200, all),
                new Group("set menu item", "POST", "/api/menu-items", 400, Set.of("direccion")),
                new Group("record provision", "POST", "/api/provisions", 400, Set.of("oficial", "direccion")),
                new Group("provisions of a day", "GET", "/api/facilities/CECOT/provisions", 200, all),
                new Group("refuse a meal", "POST", "/api/people/" + person + "/meal-refusals", 400,
                        Set.of("oficial", "direccion")),
                new Group("meal refusals", "GET", "/api/people/" + person + "/meal-refusals", 200, personReaders),
                new Group("food refusal worklist", "GET", "/api/worklists/food-refusal", 200,
                        Set.of("salud", "direccion", "inspector")),
                new Group("record diet", "POST", "/api/people/" + person + "/diets", 400,
                        Set.of("salud", "registro", "direccion")),
                new Group("diets", "GET", "/api/people/" + person + "/diets", 200, personReaders),
                new Group("interrupt water", "POST", "/api/water-interruptions", 400, Set.of("oficial", "direccion")),
                new Group("restore water", "POST", "/api/water-interruptions/0/end", 404,
                        Set.of("oficial", "direccion")),
                new Group("water interruptions", "GET", "/api/facilities/CECOT/water-interruptions", 200, all),
                new Group("set up workshop", "POST", "/api/workshops", 400, Set.of("direccion")),
                new Group("workshops", "GET", "/api/facilities/CECOT/workshops", 200, all),
                new Group("workshop", "GET", "/api/workshops/0", 404, all),
                new Group("schedule sessions", "POST", "/api/workshops/0/sessions", 404, Set.of("direccion")),
                new Group("cancel session", "POST", "/api/work-sessions/0/cancel", 404, Set.of("oficial", "direccion")),
                new Group("allocate to work", "POST", "/api/workshops/0/allocations", 404,
                        Set.of("oficial", "direccion")),
                new Group("work allocations", "GET", "/api/workshops/0/allocations", 404, personReaders),
                new Group("end work allocation", "POST", "/api/work-allocations/0/end", 404,
                        Set.of("oficial", "direccion")),
                new Group("session attendance", "POST", "/api/work-sessions/0/attendance", 404,
                        Set.of("oficial", "direccion")),
                new Group("day attendance", "POST", "/api/facilities/CECOT/attendance", 400,
                        Set.of("oficial", "direccion")),
                new Group("work figures", "GET", "/api/figures/work", 200, all),
                new Group("provision shortfalls", "GET", "/api/figures/provision-shortfalls", 200,
                        Set.of("direccion", "inspector")),
                new Group("screen", "POST", "/api/people/" + person + "/screening", 400, Set.of("salud")),
                new Group("screening worklist", "GET", "/api/worklists/screening", 200, Set.of("salud")),
                new Group("receive sick call", "POST", "/api/people/" + person + "/sick-calls", 400,
                        Set.of("oficial", "registro", "salud", "direccion")),
                new Group("sick call", "GET", "/api/sick-calls/0", 404, Set.of("salud")),
                new Group("triage", "POST", "/api/sick-calls/0/triage", 404, Set.of("salud")),
                new Group("seen", "POST", "/api/sick-calls/0/seen", 404, Set.of("salud")),
                new Group("sick call worklist", "GET", "/api/worklists/sick-call", 200, Set.of("salud")),
                new Group("fitness", "GET", "/api/people/" + person + "/fitness", 200, personReaders),
                new Group("decide fitness", "POST", "/api/people/" + person + "/fitness", 400, Set.of("salud")),
                new Group("clinical record", "GET", "/api/people/" + person + "/clinical-record", 200,
                        Set.of("salud")),
                new Group("disclose clinical record", "POST", "/api/people/" + person + "/clinical-record/disclosures",
                        201, Set.of("salud")),
                new Group("clinical note", "POST", "/api/people/" + person + "/clinical-notes", 400, Set.of("salud")),
                new Group("clinical records since", "PUT", "/api/facilities/CECOT/clinical-records-since", 400,
                        Set.of("direccion")),
                new Group("report to the director", "POST", "/api/health-reports", 400, Set.of("salud")),
                new Group("answer a health report", "POST", "/api/health-reports/0/answer", 404,
                        Set.of("direccion")),
                new Group("health reports", "GET", "/api/health-reports", 200,
                        Set.of("salud", "direccion", "inspector")),
                new Group("health figures", "GET", "/api/figures/health", 200,
                        Set.of("salud", "direccion", "inspector")),
                new Group("lay disciplinary charge", "POST", "/api/discipline/charges", 400,
                        Set.of("oficial", "direccion")),
                new Group("disciplinary charge", "GET", "/api/discipline/charges/0", 404, personReaders),
                new Group("schedule disciplinary hearing", "POST", "/api/discipline/charges/0/hearing", 404,
                        Set.of("direccion")),
                new Group("adjudicate", "POST", "/api/discipline/charges/0/decision", 404, Set.of("direccion")),
                new Group("quash", "POST", "/api/discipline/charges/0/quash", 404, Set.of("direccion")),
                new Group("person's discipline", "GET", "/api/people/" + person + "/discipline", 200, personReaders),
                new Group("pending charges", "GET", "/api/facilities/CECOT/discipline/pending", 200, personReaders),
                new Group("place in solitary", "POST", "/api/people/" + person + "/solitary", 400,
                        Set.of("direccion")),
                new Group("person's solitary", "GET", "/api/people/" + person + "/solitary", 200, personReaders),
                new Group("solitary placement", "GET", "/api/solitary/0", 404, personReaders),
                new Group("extend solitary", "POST", "/api/solitary/0/extension", 404, Set.of("direccion")),
                new Group("end solitary", "POST", "/api/solitary/0/end", 404, Set.of("oficial", "salud", "direccion")),
                new Group("solitary health visit", "POST", "/api/solitary/0/health-visits", 404, Set.of("salud")),
                new Group("solitary outdoors", "POST", "/api/solitary/0/outdoors", 404, Set.of("oficial", "direccion")),
                new Group("solitary review", "POST", "/api/solitary/0/reviews", 404, Set.of("direccion")),
                new Group("solitary register", "GET", "/api/facilities/CECOT/solitary", 200, personReaders),
                new Group("report a serious case", "POST", "/api/serious-cases", 400,
                        Set.of("oficial", "registro", "salud", "direccion")),
                new Group("serious cases", "GET", "/api/serious-cases", 200, Set.of("salud", "direccion", "inspector")),
                new Group("serious case", "GET", "/api/serious-cases/0", 404, Set.of("salud", "direccion", "inspector")),
                new Group("acknowledge a serious case", "POST", "/api/serious-cases/0/acknowledgement", 404,
                        Set.of("inspector")),
                new Group("next of kin told", "POST", "/api/serious-cases/0/next-of-kin", 404,
                        Set.of("registro", "direccion")),
                new Group("remains", "POST", "/api/serious-cases/0/remains", 404, Set.of("registro", "direccion")),
                new Group("cause established", "POST", "/api/serious-cases/0/cause", 404, Set.of("salud", "direccion")),
                new Group("serious case addition", "POST", "/api/serious-cases/0/additions", 404,
                        Set.of("salud", "direccion", "inspector")),
                new Group("death figures", "GET", "/api/figures/deaths", 200, Set.of("salud", "direccion", "inspector")),
                new Group("report an incident", "POST", "/api/incidents", 400,
                        Set.of("oficial", "registro", "salud", "direccion")),
                new Group("incident", "GET", "/api/incidents/0", 404, personReaders),
                new Group("incidents", "GET", "/api/facilities/CECOT/incidents", 200, personReaders),
                new Group("submit an incident", "POST", "/api/incidents/0/submit", 404,
                        Set.of("oficial", "registro", "salud", "direccion")),
                new Group("add to an incident", "POST", "/api/incidents/0/additions", 404,
                        Set.of("oficial", "registro", "salud", "direccion")),
                new Group("review an incident", "POST", "/api/incidents/0/review", 404, Set.of("direccion")),
                new Group("reopen an incident", "POST", "/api/incidents/0/reopen", 404, Set.of("direccion")),
                new Group("record use of force", "POST", "/api/incidents/0/use-of-force", 404,
                        Set.of("oficial", "direccion")),
                new Group("use of force", "GET", "/api/use-of-force/0", 404, personReaders),
                new Group("use of force statement", "POST", "/api/use-of-force/0/statements", 404,
                        Set.of("oficial", "direccion")),
                new Group("statements owed", "GET", "/api/facilities/CECOT/use-of-force-statements", 200,
                        Set.of("direccion", "inspector")));
    }

    @TestFactory
    Stream<DynamicTest> everyRoleAgainstEveryEndpointGroup() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Group g : groups()) {
            tests.add(DynamicTest.dynamicTest(g.name() + " without credentials -> 401", () -> {
                Api.Response r = call(g, null);
                assertThat(r.status()).isEqualTo(401);
                assertThat(r.contentType()).contains("application/problem+json");
            }));
            for (String user : USERS) {
                int expected = g.allowed().contains(user) ? g.allowedStatus() : 403;
                tests.add(DynamicTest.dynamicTest(g.name() + " as " + user + " -> " + expected, () -> {
                    Api.Response r = call(g, user);
                    assertThat(r.status()).as(g.path() + " as " + user + ": " + r.body()).isEqualTo(expected);
                }));
            }
        }
        return tests.stream();
    }

    /**
     * Each official calls with a bearer token of their own, which carries the same authorities as their password
     * (both make the principal from the account): the rules are the same, and a password checked per request
     * (bcrypt) was nine tenths of this test's time. Without credentials the call is anonymous; issuing a token
     * takes the password (a token never mints another), so those calls give it.
     */
    private Api.Response call(Group g, String user) {
        if (user == null || g.method().equals("POST") && g.path().endsWith("/tokens")) {
            return switch (g.method()) {
                case "GET" -> api.get(g.path(), user);
                case "DELETE" -> api.delete(g.path(), user);
                case "PUT" -> api.put(g.path(), user, java.util.Map.of());
                default -> api.post(g.path(), user, "{}");
            };
        }
        String token = TOKENS.computeIfAbsent(user, u -> api.post("/api/tokens", u, java.util.Map.of("name",
                "security-matrix", "expiresAt", java.time.Instant.now().plus(java.time.Duration.ofDays(1)).toString()))
                .json().get("token").asString());
        return switch (g.method()) {
            case "GET" -> api.getWithToken(g.path(), token);
            case "DELETE" -> api.deleteWithToken(g.path(), token);
            case "PUT" -> api.putWithToken(g.path(), token, java.util.Map.of());
            default -> api.postWithToken(g.path(), token, java.util.Map.of());
        };
    }

    private static final java.util.Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();
}
