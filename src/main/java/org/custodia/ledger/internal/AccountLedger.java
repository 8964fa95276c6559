package org.custodia.ledger.internal;

import org.custodia.accounts.AccountEvent;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes account changes to the national chain. Accounts cannot call the ledger (the ledger depends on accounts
 * for its access log), so they publish an event; this listener runs synchronously, in the change's transaction.
 */
@Component
class AccountLedger {
    private final LedgerService ledger;

    AccountLedger(LedgerService ledger) {
        this.ledger = ledger;
    }

    @EventListener
    void on(AccountEvent e) {
        java.util.Map<String, Object> payload = new java.util.LinkedHashMap<>(e.details());
        if (e.account() != null) {
            payload.put("account", e.account());
        }
        ledger.append(new LedgerEvent(LedgerEvent.NATIONAL, null, e.type(), payload, new Actor(e.by(), e.byRoles()),
                e.at()));
    }
}
