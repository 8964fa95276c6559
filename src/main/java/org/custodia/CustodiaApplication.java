package org.custodia;

import org.custodia.ledger.OfflineVerifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CustodiaApplication {
    public static void main(String[] args) {
        // The inspector's offline check needs no database and no running service.
        if (args.length > 0 && args[0].equals("verify-ledger")) {
            System.exit(OfflineVerifier.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(CustodiaApplication.class, args);
    }
}
