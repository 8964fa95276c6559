package org.custodia.people.internal;

import java.util.Optional;
import org.custodia.platform.PersonLocator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The facility of a person's latest stay, for modules that file records about people by facility. */
@Component
class BookingLocator implements PersonLocator {
    private final JdbcClient client;

    BookingLocator(JdbcClient client) {
        this.client = client;
    }

    @Override
    public Optional<String> facilityOf(long personId) {
        return client.sql("select facility_code from booking where person_id = ? order by admitted_at desc, id desc "
                        + "limit 1")
                .param(personId).query(String.class).optional();
    }

    @Override
    public java.util.Map<Long, String> facilitiesOf(java.util.Collection<Long> personIds) {
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        if (personIds.isEmpty()) {
            return out;
        }
        client.sql("""
                        select distinct on (person_id) person_id, facility_code from booking
                         where person_id = any(?) order by person_id, admitted_at desc, id desc""")
                .param(personIds.toArray(Long[]::new))
                .query((java.sql.ResultSet rs) -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }
}
