package org.custodia.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.custodia.housing.placement.Reason;
import org.junit.jupiter.api.Test;

/** Each reason a plan gives has its text in each language's messages, and only there. */
class ReasonTextsTest {
    static final ResourceBundle.Control EXACT =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Test
    void everyCodeHasAnEnglishAndASpanishText() {
        ResourceBundle spanish = ResourceBundle.getBundle("messages", Locale.ROOT, EXACT);
        ResourceBundle english = ResourceBundle.getBundle("messages", Locale.ENGLISH, EXACT);
        for (Reason.Code code : Reason.Code.values()) {
            String key = "housing.why." + code.name();
            assertThat(spanish.getString(key)).as(key).isNotBlank();
            if (code != Reason.Code.NOTE) {
                assertThat(english.getString(key)).as(key).isNotEqualTo(spanish.getString(key));
            }
        }
    }

    @Test
    void theApiCarriesTheEnglishText() {
        Reason r = Reason.of(Reason.Code.NO_CELLS);

        assertThat(r.text()).isEqualTo("the facility has no cells");
    }
}
