package org.custodia.people;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodia.ledger.Actor;
import org.custodia.ledger.CanonicalJson;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerRecord;
import org.custodia.ledger.LedgerService;
import org.custodia.platform.BulkCopy;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MANDELA-7 file beside identity and commitment: identity details, what was seen at admission, property,
 * family, contacts. Every addition and correction is a new version with its ledger entry; nothing is overwritten.
 * Completeness of items (a)-(g) is computed from the records, per person and per facility.
 */
@Service
public class PersonFileService {
    /** Items (a)-(g) of MANDELA-7, each complete or not. */
    public record Completeness(Map<String, Boolean> items, int complete, int of) {
    }

    public record PersonFile(long personId, List<RecordEntry> current, List<RecordEntry> history,
                             Completeness completeness) {
    }

    public record FacilityCompleteness(String facilityCode, long people, Map<String, Long> completeByItem,
                                       long fullyComplete) {
    }

    private static final Set<String> KINDS = Set.of("EMERGENCY", "NEXT_OF_KIN");
    private static final List<String> ITEMS = List.of("a", "b", "c", "d", "e", "f", "g");

    private final JdbcClient client;
    private final PeopleService people;
    private final LedgerService ledger;
    private final JsonMapper json;
    private final Clock clock;

    private final BulkCopy bulk;

    PersonFileService(JdbcClient client, PeopleService people, LedgerService ledger, JsonMapper json, Clock clock,
                      BulkCopy bulk) {
        this.bulk = bulk;
        this.client = client;
        this.people = people;
        this.ledger = ledger;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public RecordEntry record(long personId, RecordSection section, Map<String, Object> content, String itemKey,
                              boolean noneDeclared, Official official) {
        people.requireNotHeldAsEvidence(personId);
        PersonRecord p = people.find(personId, official);
        if (section == null) {
            throw new InvalidRequestException("section", "one of " + List.of(RecordSection.values()));
        }
        if (!section.writableBy(official)) {
            throw new AccessDeniedException("Your duties do not include writing the " + section + " section");
        }
        Map<String, Object> clean = validate(section, content == null ? Map.of() : content, noneDeclared);
        if (section == RecordSection.OBSERVATION && !official.has(Role.HEALTH)) {
            // MANDELA-7(d) recorded by records staff: no clinician was present, and the entry says so
            clean = new java.util.TreeMap<>(clean);
            clean.put("recordedWithoutClinician", true);
        }
        String key;
        Long supersedes = null;
        if (!section.list) {
            key = "main";
        } else if (itemKey == null || itemKey.isBlank()) {
            key = UUID.randomUUID().toString();
        } else {
            key = itemKey;
        }
        if (!section.list || (itemKey != null && !itemKey.isBlank())) {
            supersedes = client.sql("""
                            select e.id from record_entry e where e.person_id = ? and e.section = ? and e.item_key = ?
                               and not exists (select 1 from record_entry s where s.supersedes = e.id) for update""")
                    .params(personId, section.name(), key).query(Long.class).optional().orElse(null);
            if (section.list && supersedes == null) {
                throw new NotFoundException("No " + section + " item " + itemKey + " for person " + personId);
            }
        }
        Instant now = clock.instant();
        long id = client.sql("""
                        insert into record_entry (person_id, section, item_key, content, none_declared, supersedes,
                                                  recorded_by, recorded_at)
                        values (?, ?, ?, ?::jsonb, ?, ?, ?, ?) returning id""")
                .params(personId, section.name(), key, CanonicalJson.write(clean), noneDeclared, supersedes,
                        official.username(), Timestamp.from(now))
                .query(Long.class).single();
        Map<String, Object> payload = entryPayload(id, section, key, clean, noneDeclared, supersedes);
        String chain = p.current() != null ? p.current().facilityCode() : p.bookings().getFirst().facilityCode();
        ledger.append(new LedgerEvent(chain, personId, supersedes == null ? "FILE_ENTRY_ADDED" : "FILE_ENTRY_CORRECTED",
                payload, Actor.of(official), now));
        return entries(personId).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    /** An entry of a file taken on with its person (from the paper file, or the demo). */
    public record NewEntry(long personId, String facilityCode, RecordSection section, Map<String, Object> content,
                           boolean noneDeclared) {
    }

    /**
     * Takes on file entries for people taken on in the same transaction: validated as {@link #record} validates,
     * written with COPY, each with its {@code FILE_ENTRY_ADDED} ledger entry (a hash for confidential sections).
     */
    @Transactional
    public void takeOn(List<NewEntry> entries, Actor actor) {
        if (entries.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        long[] ids = bulk.nextIds("record_entry", entries.size());
        List<LedgerEvent> events = new ArrayList<>(entries.size());
        bulk.copy("copy record_entry (id, person_id, section, item_key, content, none_declared, recorded_by, "
                + "recorded_at) from stdin", rows -> {
                    for (int i = 0; i < entries.size(); i++) {
                        NewEntry e = entries.get(i);
                        Map<String, Object> clean = validate(e.section(), e.content(), e.noneDeclared());
                        String key = e.section().list ? UUID.randomUUID().toString() : "main";
                        String content = CanonicalJson.write(clean);
                        rows.row(ids[i], e.personId(), e.section(), key, content, e.noneDeclared(),
                                actor.account(), now);
                        events.add(new LedgerEvent(e.facilityCode(), e.personId(), "FILE_ENTRY_ADDED",
                                entryPayload(ids[i], e.section(), key, clean, e.noneDeclared(), null), actor,
                                now));
                    }
                });
        ledger.appendAll(events);
    }

    private static Map<String, Object> entryPayload(long id, RecordSection section, String key,
                                                    Map<String, Object> clean, boolean noneDeclared, Long supersedes) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("entry", id);
        payload.put("section", section);
        payload.put("item", key);
        if (section.confidential()) {
            // the ledger export goes to inspectors and the person's history to custody staff: a hash, not the text
            payload.put("contentSha256", org.custodia.platform.Sha256.hex(CanonicalJson.write(clean)));
        } else {
            payload.put("content", clean);
        }
        payload.put("noneDeclared", noneDeclared);
        payload.put("supersedes", supersedes);
        return payload;
    }

    @Transactional(readOnly = true)
    public PersonFile file(long personId, Official official) {
        people.find(personId, official);
        List<RecordEntry> all = entries(personId).stream().map(e -> e.section().readableBy(official) ? e
                : e.withheld()).toList();
        Map<String, Boolean> items = new LinkedHashMap<>();
        client.sql(FLAGS + " select a, b, c, d, e, f, g from flags").params(null, null, personId, personId)
                .query(rs -> {
                    for (String item : ITEMS) {
                        items.put(item, rs.getBoolean(item));
                    }
                });
        if (items.isEmpty()) {
            // released people: their file is read, but completeness is about people held
            ITEMS.forEach(i -> items.put(i, false));
        }
        int complete = (int) items.values().stream().filter(b -> b).count();
        return new PersonFile(personId, all.stream().filter(RecordEntry::current).toList(), all,
                new Completeness(items, complete, ITEMS.size()));
    }

    /** How many people held in a facility have each item of MANDELA-7 on file, and how many have all of them. */
    @Transactional(readOnly = true)
    public FacilityCompleteness completeness(String facilityCode, Official official) {
        if (!official.sees(facilityCode)) {
            throw new NotFoundException("No facility " + facilityCode);
        }
        return client.sql(FLAGS + """
                         select count(*), count(*) filter (where a), count(*) filter (where b), count(*) filter (where c),
                                count(*) filter (where d), count(*) filter (where e), count(*) filter (where f),
                                count(*) filter (where g), count(*) filter (where a and b and c and d and e and f and g)
                           from flags""")
                .params(facilityCode, facilityCode, null, null)
                .query((rs, n) -> {
                    Map<String, Long> by = new LinkedHashMap<>();
                    for (int i = 0; i < ITEMS.size(); i++) {
                        by.put(ITEMS.get(i), rs.getLong(i + 2));
                    }
                    return new FacilityCompleteness(facilityCode, rs.getLong(1), by, rs.getLong(9));
                })
                .single();
    }

    /** Per person held: which items (a)-(g) are on file. Parameters: facility code or null, person id or null. */
    private static final String FLAGS = """
            with held as (
                select b.person_id, b.commitment_authority is not null and b.commitment_reference is not null
                       and b.commitment_basis is not null and b.arrested_at is not null
                       and b.arrest_place is not null as b_ok
                  from booking b
                 where b.released_at is null and (cast(? as text) is null or b.facility_code = ?)
                   and (cast(? as bigint) is null or b.person_id = ?)),
            cur as (
                select e.person_id, e.section, e.content ->> 'kind' as kind, e.none_declared
                  from record_entry e join held h on h.person_id = e.person_id
                 where not exists (select 1 from record_entry s where s.supersedes = e.id)),
            per_person as (
                select person_id, bool_or(section = 'IDENTITY') as a, bool_or(section = 'OBSERVATION') as d,
                       bool_or(section = 'PROPERTY') as e, bool_or(section = 'FAMILY') as f,
                       bool_or(section = 'CONTACT' and none_declared) as g_none,
                       bool_or(kind = 'EMERGENCY') as emergency, bool_or(kind = 'NEXT_OF_KIN') as next_of_kin
                  from cur group by person_id),
            flags as (
                select h.person_id, coalesce(p.a, false) as a, h.b_ok as b, true as c, coalesce(p.d, false) as d,
                       coalesce(p.e, false) as e, coalesce(p.f, false) as f,
                       coalesce(p.g_none or (p.emergency and p.next_of_kin), false) as g
                  from held h left join per_person p on p.person_id = h.person_id)
            """;

    private List<RecordEntry> entries(long personId) {
        return client.sql("""
                        select e.id, e.section, e.item_key, e.content::text, e.none_declared, e.supersedes,
                               not exists (select 1 from record_entry s where s.supersedes = e.id),
                               e.recorded_by, e.recorded_at
                          from record_entry e where e.person_id = ? order by e.section, e.item_key, e.id""")
                .param(personId)
                .query((rs, n) -> new RecordEntry(rs.getLong(1), RecordSection.valueOf(rs.getString(2)),
                        rs.getString(3), json.readValue(rs.getString(4), new TypeReference<Map<String, Object>>() {
                        }), rs.getBoolean(5), rs.getObject(6, Long.class), rs.getBoolean(7), rs.getString(8),
                        rs.getTimestamp(9).toInstant()))
                .list();
    }

    private static Map<String, Object> validate(RecordSection section, Map<String, Object> content,
                                                boolean noneDeclared) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> clean = new LinkedHashMap<>();
        if (noneDeclared) {
            if (!section.mayDeclareNone()) {
                errors.put("noneDeclared", section + " cannot be declared empty");
            }
            Object note = content.get("note");
            if (content.keySet().stream().anyMatch(k -> !k.equals("note"))) {
                errors.put("content", "with noneDeclared only a note is kept");
            }
            if (note != null) {
                text(errors, clean, "note", note, false);
            }
        } else {
            for (String k : content.keySet()) {
                if (!section.required.contains(k) && !section.optional.contains(k)) {
                    errors.put(k, "not a field of " + section + "; fields: " + section.required + " " + section.optional);
                }
            }
            for (String k : section.required) {
                text(errors, clean, k, content.get(k), true);
            }
            for (String k : section.optional) {
                Object v = content.get(k);
                if (v == null) {
                    continue;
                }
                switch (k) {
                    case "age" -> {
                        if (v instanceof Number num && num.intValue() >= 0 && num.intValue() <= 120
                                && num.doubleValue() == num.intValue()) {
                            clean.put(k, num.intValue());
                        } else {
                            errors.put(k, "a whole number of years, 0 to 120");
                        }
                    }
                    case "child" -> {
                        if (v instanceof Boolean b) {
                            clean.put(k, b);
                        } else {
                            errors.put(k, "true or false");
                        }
                    }
                    default -> text(errors, clean, k, v, false);
                }
            }
            if (section == RecordSection.CONTACT && clean.get("kind") instanceof String kind && !KINDS.contains(kind)) {
                errors.put("kind", "EMERGENCY or NEXT_OF_KIN");
            }
            if (section == RecordSection.FAMILY && Boolean.TRUE.equals(clean.get("child"))
                    && (clean.get("caregiver") == null || clean.get("whereabouts") == null)) {
                errors.put("caregiver", "MANDELA-7 (f): for a child, where they are and who cares for them");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The " + section + " entry cannot be recorded; nothing was changed",
                    errors);
        }
        return clean;
    }

    private static void text(Map<String, String> errors, Map<String, Object> clean, String k, Object v,
                             boolean required) {
        if (v == null || (v instanceof String s && s.isBlank())) {
            if (required) {
                errors.put(k, "required");
            }
            return;
        }
        if (!(v instanceof String s) || s.length() > 2000 || s.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            errors.put(k, "text, at most 2000 characters");
            return;
        }
        clean.put(k, s.strip());
    }


    /**
     * A person's ledger history as the official may read it: entries of sections their duties do not include (the
     * admission observation, for custody staff) show that they exist, not what they say.
     */
    public List<LedgerRecord> history(List<LedgerRecord> entries, Official official) {
        if (RecordSection.OBSERVATION.readableBy(official)) {
            return entries;
        }
        return entries.stream().map(e -> e.type().startsWith("FILE_ENTRY_") && e.payload().contains("\"OBSERVATION\"")
                ? new LedgerRecord(e.chain(), e.seq(), e.type(), e.personId(), e.actor(), e.actorRoles(),
                        e.occurredAt(), e.recordedAt(), "{\"section\":\"OBSERVATION\",\"withheld\":true}", e.hash())
                : e).toList();
    }
}
