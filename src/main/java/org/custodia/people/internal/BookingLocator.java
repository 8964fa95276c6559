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
}
