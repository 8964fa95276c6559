package org.custodia.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.custodia.accounts.AccountService;
import org.custodia.accounts.NewAccount;
import org.custodia.estate.EstateService;
import org.custodia.discipline.DisciplineHistory;
import org.custodia.health.HealthHistory;
import org.custodia.incidents.IncidentHistory;
import org.custodia.oversight.SeriousCaseHistory;
import org.custodia.housing.AffiliationService;
import org.custodia.housing.SeparationPolicy;
import org.custodia.estate.Location;
import org.custodia.estate.LocationKind;
import org.custodia.ledger.Actor;
import org.custodia.legal.ChargeService;
import org.custodia.legal.NewCharge;
import org.custodia.legal.NewSentence;
import org.custodia.legal.SentenceMode;
import org.custodia.legal.SentenceService;
import org.custodia.legal.Seriousness;
import org.custodia.legal.TransferGroundsService;
import org.custodia.people.Admission;
import org.custodia.people.LegalStatus;
import org.custodia.people.PeopleService;
import org.custodia.people.PersonFileService;
import org.custodia.platform.Role;
import org.custodia.regime.MenuService;
import org.custodia.counts.CountHistory;
import org.custodia.platform.LocalDays;
import org.custodia.regime.MealRefusals;
import org.custodia.regime.RegimeHistory;
import org.custodia.work.WorkHistory;
import org.custodia.platform.TakeOnIndexes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.custodia.platform.SecretFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Loads the demo once, on a first start: estate, accounts and the whole population with their legal records, in one
 * transaction (a load cut short leaves nothing, and the next start loads it again). By default it runs in the
 * background while the web server already answers with its progress ({@link DemoLoadingFilter}); the tests load it
 * before the server opens ({@code custodia.demo.background=false}).
 */
@Component
@DependsOnDatabaseInitialization
class DemoLoader implements InitializingBean, SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    private static final int BATCH = 5_000;

    private final DemoProperties props;
    private final EstateService estate;
    private final PeopleService people;
    private final AccountService accounts;
    private final ChargeService charges;
    private final TransferGroundsService transfers;
    private final SentenceService sentences;
    private final AffiliationService affiliations;
    private final SeparationPolicy separation;
    private final PersonFileService files;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Path dataDir;
    private final DemoProgress progress;
    private final TaskExecutor executor;
    private final DemoStartGate gate;
    private final MenuService menu;
    private final DemoRegime regime;
    private final HealthHistory health;
    private final DisciplineHistory solitary;
    private final SeriousCaseHistory seriousCases;
    private final IncidentHistory incidents;
    private final TakeOnIndexes takeOnIndexes;

    DemoLoader(DemoProperties props, EstateService estate, PeopleService people, AccountService accounts,
               ChargeService charges, TransferGroundsService transfers, SentenceService sentences,
               AffiliationService affiliations, SeparationPolicy separation, PersonFileService files, TransactionTemplate tx,
               Clock clock, @Value("${custodia.data-dir:./data}") Path dataDir, DemoProgress progress,
               @Qualifier("applicationTaskExecutor") TaskExecutor executor, DemoStartGate gate, MenuService menu,
               CountHistory counts, RegimeHistory regimeHistory, WorkHistory work, MealRefusals refusals,
               LocalDays local, JdbcClient client, HealthHistory health, DisciplineHistory solitary,
               SeriousCaseHistory seriousCases, IncidentHistory incidents, TakeOnIndexes takeOnIndexes) {
        this.incidents = incidents;
        this.takeOnIndexes = takeOnIndexes;
        this.seriousCases = seriousCases;
        this.health = health;
        this.solitary = solitary;
        this.menu = menu;
        this.regime = new DemoRegime(counts, regimeHistory, work, refusals, local, client, props.seed());
        this.affiliations = affiliations;
        this.separation = separation;
        this.files = files;
        this.sentences = sentences;
        this.charges = charges;
        this.transfers = transfers;
        this.props = props;
        this.estate = estate;
        this.people = people;
        this.accounts = accounts;
        this.tx = tx;
        this.clock = clock;
        this.dataDir = dataDir;
        this.progress = progress;
        this.executor = executor;
        this.gate = gate;
    }

    /**
     * In the background the load starts as soon as this bean (and so the database, migrated, and the services it
     * uses) exists, while the rest of the application is still being set up (1.5 s earlier than at the end of
     * start-up). Its dependencies are complete objects; what publishes events (opening the demo accounts) waits at
     * the {@link DemoStartGate}.
     */
    @Override
    public void afterPropertiesSet() {
        if (props.background()) {
            begin();
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!props.background()) {
            gate.open();
            begin();
        }
    }

    private void begin() {
        if (!props.enabled() || estate.exists(DemoEstate.MEGA)) {
            return;
        }
        List<DemoEstate> facilities = DemoEstate.all(props.megaPopulation(), props.otherFacilityScale());
        progress.start(facilities.stream().mapToInt(DemoEstate::population).sum());
        if (props.background()) {
            gate.arm();
            executor.execute(() -> {
                try {
                    load(facilities);
                } catch (RuntimeException e) {
                    progress.failed();
                    log.error("The demo load failed and left nothing behind; the next start tries again", e);
                }
            });
        } else {
            load(facilities);
        }
    }

    private void load(List<DemoEstate> facilities) {
        long start = System.nanoTime();
        log.info("Loading the demo: {} facilities, {} people, in one transaction", facilities.size(), progress.total());
        String passwords = tx.execute(s -> {
            // the empty tables' secondary indexes and foreign keys are built once, after the rows (V38)
            int deferred = takeOnIndexes.defer();
            for (DemoEstate f : facilities) {
                estate.registerFacility(f.facility(), Actor.SYSTEM);
                f.pavilions().forEach(p -> estate.addPavilion(f.facility().code(), p.code(), p.name(), p.levels(),
                        Actor.SYSTEM));
                estate.addLocations(f.facility().code(), f.locations(), Actor.SYSTEM);
            }
            DemoMenu.items().forEach(i -> menu.set(i, Actor.SYSTEM));
            DemoPeople generator = new DemoPeople(props.seed(), LocalDate.now(clock));
            DemoFiles demoFiles = new DemoFiles(props.seed(), files);
            for (DemoEstate f : facilities) {
                populate(f, generator, demoFiles);
            }
            people.analyseTakenOn();  // what follows joins the population: plan it for its size
            estate.analyseTakenOn();
            takeOnSeriousCases(facilities);  // first: the dead are not in the regime, health care or solitary
            long regimeStart = System.nanoTime();
            regime.load(facilities, clock.instant());
            log.info("Demo regime of the last 30 days taken on in {} ms", (System.nanoTime() - regimeStart) / 1_000_000);
            takeOnHealth(facilities);
            takeOnSolitary(facilities);
            for (DemoEstate f : facilities) {
                // a month of incidents, about one a day in the mega-prison; the demo officer owes statements; the
                // month's fights and assaults have their charges laid, still awaiting a hearing (a backlog)
                String code = f.facility().code();
                incidents.takeOn(code, Math.max(2, f.population() / 1300), "oficial",
                        props.seed() + 11L * code.hashCode(), Actor.SYSTEM, clock.instant());
                solitary.takeOnCharges(code, incidents.accusedSince(code, clock.instant().minus(
                        java.time.Duration.ofDays(31))), "oficial", Actor.SYSTEM, clock.instant());
            }
            gate.await();  // opening an account publishes an event: not before every listener is in place
            String file = openAccounts();
            progress.finishing();
            long restoring = System.nanoTime();
            takeOnIndexes.restore();
            log.info("{} indexes and foreign keys of the demo's tables built after the load in {} ms", deferred,
                    (System.nanoTime() - restoring) / 1_000_000);
            people.finishTakingOn();
            return file;
        });
        writePasswords(passwords);
        progress.done();
        log.info("Demo data loaded: {} facilities, {} people in {} ms", facilities.size(), progress.total(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private void populate(DemoEstate f, DemoPeople generator, DemoFiles demoFiles) {
        String code = f.facility().code();
        List<Location> cells = estate.locations(code).stream().filter(l -> l.kind() == LocationKind.CELL).toList();
        List<Long> pavilions = cells.stream().map(Location::pavilionId).filter(java.util.Objects::nonNull).distinct()
                .sorted().toList();
        Map<Long, Long> pavilionOf = new HashMap<>();
        cells.forEach(c -> pavilionOf.put(c.id(), c.pavilionId()));
        // The contract transfer (261 people in one day) is part of the mega-prison's population when it is large.
        int foreign = code.equals(DemoEstate.MEGA) && f.population() >= 10_000 ? 261 : 0;
        List<Admission> people = new ArrayList<>(f.population());
        for (int i = 0; i < f.population(); i++) {
            people.add(generator.next(code, cells.getFirst().id(), f.women(), i >= f.population() - foreign));
        }
        long[] cellOf = DemoHousing.cells(people, cells.stream().map(Location::id).toList(),
                LocalDate.now(clock).minusYears(separation.youngAdultAge()));
        List<PeopleService.TakenOn> batch = new ArrayList<>(BATCH);
        List<String> groups = new ArrayList<>(BATCH);
        for (int i = 0; i < people.size(); i++) {
            boolean transferred = i >= f.population() - foreign;
            Admission a = people.get(i).at(cellOf[i]);
            batch.add(new PeopleService.TakenOn(a, generator.admittedAt(a, f.opened(), clock.instant())));
            groups.add(f.women() || transferred ? null
                    : DemoGroups.of(code, pavilions.indexOf(pavilionOf.get(cellOf[i])), i));
            if (batch.size() == BATCH) {
                takeOn(batch, groups, demoFiles);
                batch.clear();
                groups.clear();
            }
        }
        if (!batch.isEmpty()) {
            takeOn(batch, groups, demoFiles);
        }
    }

    /**
     * People and what their commitment names (the charge of the untried, the sentence of the sentenced, the sending
     * state's grounds), affiliation claims, and their MANDELA-7 files as far as reception filled them.
     */
    private void takeOn(List<PeopleService.TakenOn> taken, List<String> groups, DemoFiles demoFiles) {
        gate.check();
        List<Admission> batch = taken.stream().map(PeopleService.TakenOn::admission).toList();
        long[] ids = people.takeOn(taken, Actor.SYSTEM);
        Map<Long, AffiliationService.NewClaim> claims = new LinkedHashMap<>();
        Map<Long, String> claimedAt = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (groups.get(i) != null) {
                claims.put(ids[i], DemoGroups.claim(groups.get(i), ids[i], LocalDate.now(clock)));
                claimedAt.put(ids[i], batch.get(i).facilityCode());
            }
        }
        affiliations.takeOn(claimedAt, claims, Actor.SYSTEM);
        Map<Long, NewCharge> charges = new LinkedHashMap<>();
        Map<Long, String> facilities = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            Admission a = batch.get(i);
            if (a.legalStatus() == LegalStatus.UNTRIED) {
                charges.put(ids[i], new NewCharge(a.commitment().documentReference(), "Agrupaciones ilícitas",
                        "Código Penal art. 345", Seriousness.SERIOUS));
                facilities.put(ids[i], a.facilityCode());
            }
        }
        if (!charges.isEmpty()) {
            this.charges.takeOn(facilities, charges, Actor.SYSTEM);
        }
        // The contract transfer: the sending state's stated grounds; for most, no evidence was provided.
        List<Long> foreign = new ArrayList<>();
        List<TransferGroundsService.NewGrounds> grounds = new ArrayList<>();
        List<String> where = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            Admission a = batch.get(i);
            if (a.legalStatus() == LegalStatus.HELD_FOR_ANOTHER_STATE && ids[i] % 10 != 0) {
                boolean evidence = ids[i] % 4 == 0;
                foreign.add(ids[i]);
                grounds.add(new TransferGroundsService.NewGrounds("Acuerdo de servicios penitenciarios 2025",
                        "Presunta pertenencia a la organización criminal Tren de Aragua", evidence,
                        evidence ? "Informe de inteligencia del Estado remitente, sin causa penal abierta" : null));
                where.add(a.facilityCode());
            }
        }
        if (!foreign.isEmpty()) {
            transfers.takeOn(foreign, grounds, where, Actor.SYSTEM);
        }
        // Sentenced people: the sentence their commitment names, from the day of arrest.
        List<Long> sentenced = new ArrayList<>();
        List<NewSentence> terms = new ArrayList<>();
        List<String> at = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            Admission a = batch.get(i);
            if (a.legalStatus() == LegalStatus.SENTENCED) {
                LocalDate start = a.commitment().arrestedAt().atZone(ZoneOffset.UTC).toLocalDate();
                long years = 4 + ids[i] % 56;
                sentenced.add(ids[i]);
                terms.add(new NewSentence(a.commitment().documentReference(), a.commitment().authority(),
                        ids[i] % 3 == 0 ? "Homicidio agravado (CP art. 129)" : "Extorsión (CP art. 214)",
                        years, ids[i] % 12, 0L, start, SentenceMode.CONCURRENT, null, 0L, start.plusMonths(14)));
                at.add(a.facilityCode());
            }
        }
        if (!sentenced.isEmpty()) {
            sentences.takeOn(sentenced, terms, at, Actor.SYSTEM);
        }
        demoFiles.takeOn(ids, taken);
        progress.loaded(taken.size());
    }

    /**
     * Clinical records kept for 90 days; a month of sick calls. The mega-prison screens fewer people and answers
     * requests far later than the standard (many overdue); the other facilities come close to it.
     */
    private void takeOnHealth(List<DemoEstate> facilities) {
        for (DemoEstate f : facilities) {
            String code = f.facility().code();
            HealthHistory.Pattern pattern = code.equals(DemoEstate.MEGA)
                    ? new HealthHistory.Pattern(15, 3, 4, 96, 120) : new HealthHistory.Pattern(3, 1, 3, 30, 40);
            health.takeOn(code, HealthHistory.since(clock.instant(), 90), 30, pattern,
                    Math.floorMod(props.seed() + code.hashCode(), 1000) / 1000.0, Actor.SYSTEM, clock.instant());
        }
    }

    /** Solitary confinement running now: in the mega-prison several placements near the 15-day limit. */
    private void takeOnSolitary(List<DemoEstate> facilities) {
        for (DemoEstate f : facilities) {
            String code = f.facility().code();
            List<DisciplineHistory.Running> running = code.equals(DemoEstate.MEGA)
                    ? List.of(new DisciplineHistory.Running(14, 15), new DisciplineHistory.Running(13, 15),
                    new DisciplineHistory.Running(13, 14), new DisciplineHistory.Running(11, 15),
                    new DisciplineHistory.Running(8, 10), new DisciplineHistory.Running(5, 7),
                    new DisciplineHistory.Running(3, 5), new DisciplineHistory.Running(1, 3))
                    : List.of(new DisciplineHistory.Running(2, 5));
            solitary.takeOn(code, running, Math.floorMod(props.seed() + 3L * code.hashCode(), 1000) / 1000.0,
                    Actor.SYSTEM, clock.instant());
        }
    }

    /**
     * A year of deaths in custody at the rate the national service reported (139 among about 110,000 people: 1.26
     * per 1,000), and a serious injury for every four deaths.
     */
    private void takeOnSeriousCases(List<DemoEstate> facilities) {
        for (DemoEstate f : facilities) {
            // at the rate, a small facility may have had none this year; the mega-prison has had some
            int deaths = (int) Math.round(f.population() * 1.26 / 1000);
            if (f.facility().code().equals(DemoEstate.MEGA)) {
                deaths = Math.max(1, deaths);
            }
            seriousCases.takeOn(f.facility().code(), deaths, deaths == 0 ? 0 : Math.max(1, deaths / 4),
                    props.seed() + 5L * f.facility().code().hashCode(), Actor.SYSTEM, clock.instant());
        }
    }

    /** The demo accounts; returns the lines of the password file (empty when a password is configured). */
    private String openAccounts() {
        record Demo(String username, String name, Role role, boolean national) {
        }
        List<Demo> demo = List.of(
                new Demo("oficial", "Oficial de custodia (demo)", Role.OFFICER, false),
                new Demo("registro", "Oficial de registro (demo)", Role.RECORDS, false),
                new Demo("salud", "Personal de salud (demo)", Role.HEALTH, false),
                new Demo("direccion", "Dirección general (demo)", Role.COMMAND, true),
                new Demo("finanzas", "Finanzas (demo)", Role.FINANCE, true),
                new Demo("inspector", "Inspección independiente (demo)", Role.INSPECTOR, true));
        StringBuilder file = new StringBuilder();
        List<NewAccount> opening = new ArrayList<>();
        for (Demo d : demo) {
            // each account its own password, unless a scripted demo or the tests set one for all
            String password = StringUtils.hasText(props.password()) ? props.password() : SecretFiles.randomPassword();
            if (!accounts.exists(d.username())) {
                opening.add(new NewAccount(d.username(), d.name(), password, EnumSet.of(d.role()), d.national(),
                        d.national() ? Set.of() : Set.of(DemoEstate.MEGA)));
                file.append(d.username()).append(' ').append(password).append('\n');
            }
        }
        accounts.createAll(opening);
        return StringUtils.hasText(props.password()) ? "" : file.toString();
    }

    private void writePasswords(String file) {
        if (file.isEmpty()) {
            return;
        }
        try {
            Path written = SecretFiles.writeOwnerOnly(dataDir.resolve("demo-passwords"), file);
            log.warn("Demo accounts oficial, registro, salud, direccion, finanzas, inspector: password in {}", written);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
