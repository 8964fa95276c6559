package org.custodia.regime;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.platform.Official;
import org.custodia.platform.validation.RecordCheck;
import org.custodia.platform.validation.Required;
import org.custodia.platform.validation.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The menu: items with their energy and protein per portion, the portion in words, the portions a person gets by
 * default and the meals they are served at. Kept by command; a change is on the national chain of the ledger.
 */
@Service
public class MenuService {
    public record Item(String code, String name, BigDecimal kcal, BigDecimal proteinG, String portion,
                       BigDecimal perPerson, List<Meal> meals, boolean active) {
        /** The portions the menu gives a number of people, as typed in a form. */
        public String portionsFor(int people) {
            return perPerson.multiply(BigDecimal.valueOf(people)).stripTrailingZeros().toPlainString();
        }
    }

    public record ItemChange(
            @NotBlank(groups = Required.class, message = "required")
            @Pattern(regexp = "[A-Z0-9-]{2,30}", message = "2 to 30 capital letters, digits or hyphens") String code,
            @NotBlank(groups = Required.class, message = "required") @Text(max = 100) String name,
            @NotNull(groups = Required.class, message = "required") @DecimalMin("0") @DecimalMax("5000")
            BigDecimal kcal,
            @NotNull(groups = Required.class, message = "required") @DecimalMin("0") @DecimalMax("500")
            BigDecimal proteinG,
            @NotBlank(groups = Required.class, message = "required") @Text(max = 100) String portion,
            @NotNull(groups = Required.class, message = "required") @DecimalMin("0") @DecimalMax("10")
            BigDecimal perPerson,
            @NotEmpty(groups = Required.class, message = "required") @Size(max = 3) List<@NotNull Meal> meals,
            Boolean active) {
    }

    private final JdbcClient client;
    private final LedgerService ledger;
    private final RecordCheck check;
    private final Clock clock;

    MenuService(JdbcClient client, LedgerService ledger, RecordCheck check, Clock clock) {
        this.client = client;
        this.ledger = ledger;
        this.check = check;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Item> items() {
        return client.sql("select code, name, kcal, protein_g, portion, per_person, meals, active from menu_item "
                        + "order by code")
                .query((rs, n) -> new Item(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getString(5), rs.getBigDecimal(6), Arrays.stream((String[]) rs.getArray(7).getArray())
                        .map(Meal::valueOf).toList(), rs.getBoolean(8)))
                .list();
    }

    /** The active items by code. */
    public Map<String, Item> active() {
        Map<String, Item> out = new LinkedHashMap<>();
        items().stream().filter(Item::active).forEach(i -> out.put(i.code(), i));
        return out;
    }

    @Transactional
    public Item set(ItemChange c, Official official) {
        return set(c, Actor.of(official));
    }

    /** Sets an item as the given actor (command, or Custodia itself for the demo's menu). */
    @Transactional
    public Item set(ItemChange c, Actor actor) {
        check.require(c, "The menu was not changed");
        if (c.meals().contains(Meal.WATER)) {
            throw new org.custodia.platform.InvalidRequestException("meals", "breakfast, lunch or dinner");
        }
        Instant now = clock.instant();
        boolean active = c.active() == null || c.active();
        String[] meals = c.meals().stream().distinct().map(Enum::name).toArray(String[]::new);
        client.sql("""
                        insert into menu_item (code, name, kcal, protein_g, portion, per_person, meals, active, changed_by,
                                               changed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (code) do update set name = excluded.name, kcal = excluded.kcal,
                            protein_g = excluded.protein_g, portion = excluded.portion, per_person = excluded.per_person,
                            meals = excluded.meals, active = excluded.active, changed_by = excluded.changed_by,
                            changed_at = excluded.changed_at""")
                .params(c.code(), c.name().strip(), c.kcal(), c.proteinG(), c.portion().strip(), c.perPerson(), meals,
                        active, actor.account(), Timestamp.from(now))
                .update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("item", c.code());
        payload.put("kcal", c.kcal().toPlainString());
        payload.put("proteinG", c.proteinG().toPlainString());
        payload.put("perPerson", c.perPerson().toPlainString());
        payload.put("meals", List.of(meals));
        payload.put("active", active);
        ledger.append(new LedgerEvent(LedgerEvent.NATIONAL, null, "MENU_ITEM_SET", payload, actor, now));
        return items().stream().filter(i -> i.code().equals(c.code())).findFirst().orElseThrow();
    }

}
