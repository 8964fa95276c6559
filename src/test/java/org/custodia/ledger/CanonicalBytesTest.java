package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custodia.people.LegalStatus;
import org.junit.jupiter.api.Test;

/**
 * Fixed byte-level vectors for what the ledger hashes and exports: these bytes are the chain, so a change to
 * {@link CanonicalJson}, {@link ChainHash} or {@link ExportLine} that alters them breaks every stored chain and
 * every inspector's copy. The expected hash was computed outside Java (Python's hashlib over the same text).
 */
class CanonicalBytesTest {
    static final String CANONICAL = "{\"a\":[1,9223372036854775807,96.50,true,null],\"e\":\"SENTENCED\","
            + "\"m\":{\"a\":\"2026-02-03\",\"b\":\"2026-11-30T10:00:00Z\"},"
            + "\"z\":\"Muñoz \\\"el\\\" \\\\ \\n\\t\\u0001 Ñandú\"}";
    static final String HASH = "305aebc4d9307bc325a3d3e1bb31ee170b3fc1c70d197ba89858d613191092e4";

    static Map<String, Object> payload() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("b", Instant.parse("2026-11-30T10:00:00Z"));
        nested.put("a", LocalDate.of(2026, 2, 3));
        Map<String, Object> m = new HashMap<>();
        m.put("z", "Muñoz \"el\" \\ \n\t\u0001 Ñandú");
        m.put("m", nested);
        m.put("e", LegalStatus.SENTENCED);
        m.put("a", Arrays.asList(1, Long.MAX_VALUE, new BigDecimal("96.50"), true, null));
        return m;
    }

    @Test
    void canonicalJsonWritesTheseExactBytes() {
        assertThat(CanonicalJson.write(payload())).isEqualTo(CANONICAL);
    }

    @Test
    void theChainHashOfTheFirstEntryIsThisOne() {
        assertThat(new ChainHash().next(ChainHash.GENESIS, CANONICAL)).isEqualTo(HASH);
    }

    @Test
    void anExportLineIsExactlyThisAndReadsBack() {
        String line = ExportLine.format("CECOT", 1, ChainHash.GENESIS, HASH, CANONICAL);

        assertThat(line).isEqualTo("{\"chain\":\"CECOT\",\"seq\":1,\"prevHash\":\"" + "0".repeat(64)
                + "\",\"hash\":\"" + HASH + "\",\"entry\":" + CANONICAL + "}");
        assertThat(ExportLine.parse(line))
                .isEqualTo(new ChainVerifier.Entry("CECOT", 1, ChainHash.GENESIS, HASH, CANONICAL));
    }
}
