package org.custodia;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each module owns its tables; another module reads them only through the owner's published API. This test reads
 * the SQL in each module's sources (string literals that are SQL) and fails when it names a table the module does
 * not own; what others read in bulk, the owner publishes as a read-only view ({@link #PUBLISHED}). Every table
 * created by a migration must have an owner here.
 */
class ModuleDataOwnershipTest {
    static final Map<String, Set<String>> OWNED = Map.ofEntries(
            Map.entry("ledger", Set.of("ledger_entry", "ledger_head", "ledger_key", "ledger_signing_key", "ledger_checkpoint")),
            Map.entry("accounts", Set.of("account", "account_role", "account_facility", "account_change", "api_token",
                    "login_throttle", "access_log")),
            Map.entry("estate", Set.of("facility", "pavilion", "location", "capacity_change_request")),
            Map.entry("people", Set.of("person", "person_alias", "booking", "person_search", "search_word", "record_entry",
                    "person_identity_version", "commitment_version")),
            Map.entry("intake", Set.of("intake_batch")),
            Map.entry("legal", Set.of("sentence", "charge", "pretrial_extension", "transfer_grounds", "hearing",
                    "legal_representation")),
            Map.entry("housing", Set.of("housing_group", "group_rivalry", "affiliation_claim", "affiliation_claim_event",
                    "non_association", "non_association_event", "isolation_order", "isolation_end", "emergency_cap",
                    "housing_override", "housing_plan", "housing_plan_move", "housing_plan_unplaced", "transfer",
                    "cell_occupancy_snapshot")),
            Map.entry("regime", Set.of("movement", "movement_person", "menu_item", "diet", "provision", "provision_item",
                    "water_interruption", "meal_refusal")),
            Map.entry("counts", Set.of("count_schedule", "count_round", "count_submission", "count_explanation")),
            Map.entry("work", Set.of("workshop", "work_session", "work_allocation", "work_attendance")),
            Map.entry("health", Set.of("clinical_note", "clinical_records_since", "health_screening", "sick_call",
                    "health_fitness", "health_report")),
            Map.entry("discipline", Set.of("discipline_charge", "discipline_sanction", "solitary_placement",
                    "solitary_visit")),
            Map.entry("oversight", Set.of("serious_case", "serious_case_staff", "serious_case_addition")),
            Map.entry("incidents", Set.of("incident", "incident_person", "incident_staff", "incident_event",
                    "use_of_force", "use_of_force_statement", "use_of_force_injury")));

    /**
     * Read-only views a module publishes for others to read in bulk (V21): each is named after its owner and may be
     * named by any module; the tables behind it may not.
     */
    static final Map<String, String> PUBLISHED = Map.ofEntries(
            Map.entry("people_in_custody", "people"), Map.entry("people_name", "people"),
            Map.entry("people_stay", "people"), Map.entry("estate_place", "estate"),
            Map.entry("estate_pavilion", "estate"), Map.entry("legal_case", "legal"),
            Map.entry("legal_hearing", "legal"), Map.entry("housing_transfer", "housing"),
            Map.entry("regime_out_of_cell", "regime"), Map.entry("work_session_person", "work"),
            Map.entry("health_appointment", "health"));

    static final Path SOURCES = Path.of("src/main/java/org/custodia");
    static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    static final Pattern SQL = Pattern.compile("\\b(select|insert into|update \\w+ set|delete from|copy \\w+ \\()");
    static final Pattern TABLE = Pattern.compile("\\b(?:from|join|into|update|table|copy)\\s+([a-z_][a-z0-9_]*)");

    Set<String> tablesNamedBy(String module) {
        try (Stream<Path> files = Files.walk(SOURCES.resolve(module))) {
            Set<String> named = new TreeSet<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher literal = LITERAL.matcher(Files.readString(f));
                while (literal.find()) {
                    String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
                    if (SQL.matcher(text).find()) {
                        Matcher table = TABLE.matcher(text);
                        while (table.find()) {
                            named.add(table.group(1));
                        }
                    }
                }
            }
            return named;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noModuleNamesAnotherModulesTableInItsSql() {
        Set<String> owned = OWNED.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        Set<String> found = new TreeSet<>();
        for (String module : OWNED.keySet()) {
            for (String table : tablesNamedBy(module)) {
                if (owned.contains(table) && !OWNED.get(module).contains(table)) {
                    found.add(module + " -> " + table);
                }
            }
        }
        assertThat(found).as("SQL on another module's tables: use the owner's API or a view it publishes").isEmpty();
    }

    @Test
    void everyViewIsPublishedByTheModuleItIsNamedAfter() throws IOException {
        assertThat(createdByMigrations("create (?:or replace )?view ([a-z_]+)")).containsExactlyInAnyOrderElementsOf(PUBLISHED.keySet());
        PUBLISHED.forEach((view, owner) -> assertThat(view).startsWith(owner + "_"));
    }

    @Test
    void everyTableHasAnOwner() throws IOException {
        Set<String> created = createdByMigrations("create table (?:if not exists )?([a-z_]+)");
        created.removeAll(OWNED.values().stream().flatMap(Set::stream).collect(Collectors.toSet()));
        assertThat(created).as("tables without an owning module").isEmpty();
    }

    /** The names a pattern's first group finds in all migrations. */
    static Set<String> createdByMigrations(String pattern) throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path m : migrations.toList()) {
                Matcher t = Pattern.compile(pattern).matcher(Files.readString(m));
                while (t.find()) {
                    created.add(t.group(1));
                }
            }
        }
        return created;
    }
}
