package org.custodia.platform;

/** Role rules used on handlers, named by the duty they stand for. */
public final class Access {
    private Access() {
    }

    public static final String ANY_STAFF =
            "hasAnyRole('OFFICER','RECORDS','HEALTH','COMMAND','FINANCE','INSPECTOR','ADMIN')";
    /** MANDELA-9: people whose duties need a person's record. FINANCE and ADMIN do not. */
    public static final String PERSON_READERS = "hasAnyRole('OFFICER','RECORDS','HEALTH','COMMAND','INSPECTOR')";
    public static final String RECORDS = "hasAnyRole('RECORDS','COMMAND')";
    /** The admission file: records staff, and clinical staff who note injuries and complaints. */
    public static final String FILE_WRITERS = "hasAnyRole('RECORDS','HEALTH','COMMAND')";
    public static final String MOVEMENTS = "hasAnyRole('OFFICER','COMMAND')";
    /** Separation records: custody staff who observe, records staff who receive documents, command. */
    public static final String MOVEMENTS_AND_RECORDS = "hasAnyRole('OFFICER','RECORDS','COMMAND')";
    /** Decisions of the facility's command: signing off a count, the times of counts. */
    public static final String COMMAND = "hasRole('COMMAND')";
    public static final String ESTATE_ADMIN = "hasRole('ADMIN')";
    /** Accounts, their roles and scope, lockouts: the administrator's. */
    public static final String ACCOUNT_ADMIN = "hasRole('ADMIN')";
    /** Which groups are kept apart, and at what level: a decision of command. */
    public static final String SEPARATION_POLICY = "hasRole('COMMAND')";
    /** Contagious isolation is ordered and ended by health staff or command. */
    public static final String ISOLATION = "hasAnyRole('HEALTH','COMMAND')";
    /** Who may put a new ledger signing key in force: the administrator (key custody) or command. */
    public static final String KEY_CUSTODIANS = "hasAnyRole('ADMIN','COMMAND')";
    /** Clinical records (MANDELA-9, 24-35): health staff only. */
    public static final String HEALTH = "hasRole('HEALTH')";
    /** A sick-call request is received by whoever the person asks, custody or health staff. */
    public static final String SICK_CALL_RECEIVERS = "hasAnyRole('OFFICER','RECORDS','HEALTH','COMMAND')";
    /** Health care's figures and the reports to the director: health staff, command, the inspector. */
    public static final String HEALTH_OVERSIGHT = "hasAnyRole('HEALTH','COMMAND','INSPECTOR')";
    /** Ending solitary confinement: custody staff, health staff (it harms the person) or command. */
    public static final String SOLITARY_ENDERS = "hasAnyRole('OFFICER','HEALTH','COMMAND')";
    /** A death, a serious injury or grounds of ill-treatment is reported by any official who learns of it. */
    public static final String CASE_REPORTERS = "hasAnyRole('OFFICER','RECORDS','HEALTH','COMMAND')";
    /** The cause of a death or an injury, once established: health staff or command. */
    public static final String CAUSE_RECORDERS = "hasAnyRole('HEALTH','COMMAND')";
    /** Who follows incidents up: command and the inspector (statements owed on a use of force). */
    public static final String INCIDENT_OVERSIGHT = "hasAnyRole('COMMAND','INSPECTOR')";
    public static final String CAPACITY_DECIDERS = "hasAnyRole('COMMAND','ADMIN')";
    public static final String OVERSIGHT = "hasAnyRole('COMMAND','INSPECTOR','ADMIN')";
    /** Worklists of the legal basis of detention: records, command and the inspector. */
    public static final String LEGAL_OVERSIGHT = "hasAnyRole('RECORDS','COMMAND','INSPECTOR')";
    /**
     * The ledger export and the access log name people: the inspector's, never the administrator's (ADMIN runs
     * accounts and the estate and reads no person data by any route).
     */
    public static final String AUDITORS = "hasRole('INSPECTOR')";
}
