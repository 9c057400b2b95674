package fr.actionsociale.commons.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.actionsociale.commons.evenement.CloudEvents;
import fr.actionsociale.commons.outbox.OutboxConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The outgoing webhooks' worker: fans the outbox out into deliveries, then posts the due ones, each a CloudEvent in HTTP
 * structured mode ({@code application/cloudevents+json}) signed per Standard Webhooks, and tells the contact of a subscription
 * just suspended. Deliveries of one subscription go one after the other, subscriptions in parallel.
 */
@ApplicationScoped
@IfBuildProperty(name = "suite.webhooks.enabled", stringValue = "true")
public class DiffusionWebhook {

    private static final Logger LOG = Logger.getLogger(DiffusionWebhook.class);
    public static final String TYPE_CONTENU = "application/cloudevents+json";

    private final EtapesWebhook etapes;
    private final WebhookConfig config;
    private final OutboxConfig outbox;
    private final ObjectMapper json;
    private final Mailer mailer;
    private final TransactionSynchronizationRegistry transactions;
    private final MeterRegistry metriques;
    private final Semaphore reveil = new Semaphore(0);
    private final Set<UUID> suspendusPendantLeLot = ConcurrentHashMap.newKeySet();
    private volatile boolean actif;
    private volatile Thread fil;
    private HttpClient http;
    private ExecutorService envoyeurs;
    private Counter livrees;
    private Counter echouees;
    private Instant prochainAvis = Instant.EPOCH;

    DiffusionWebhook(EtapesWebhook etapes, WebhookConfig config, OutboxConfig outbox, ObjectMapper json, Mailer mailer,
            TransactionSynchronizationRegistry transactions, MeterRegistry metriques) {
        this.etapes = etapes;
        this.config = config;
        this.outbox = outbox;
        this.json = json;
        this.mailer = mailer;
        this.transactions = transactions;
        this.metriques = metriques;
    }

    void auDemarrage(@Observes StartupEvent e) {
        livrees = Counter.builder("webhooks.tentatives").tag("issue", "livree").description("Tentatives de livraison de webhooks").register(metriques);
        echouees = Counter.builder("webhooks.tentatives").tag("issue", "echec").description("Tentatives de livraison de webhooks").register(metriques);
        if (config.actif()) {
            demarrer();
        } else {
            LOG.warn("Webhooks sortants à l'arrêt (webhooks.actif=false) : les livraisons restent dues");
        }
    }

    void aLArret(@Observes ShutdownEvent e) {
        arreter();
    }

    public synchronized void demarrer() {
        if (actif) {
            return;
        }
        // never follow a redirect: it could lead to an address the subscription's checks refused
        http = HttpClient.newBuilder().connectTimeout(config.delaiConnexion()).followRedirects(HttpClient.Redirect.NEVER).build();
        envoyeurs = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "webhooks-envoi");
            t.setDaemon(true);
            return t;
        });
        actif = true;
        fil = new Thread(this::boucle, "webhooks");
        fil.setDaemon(true);
        fil.start();
    }

    public synchronized void arreter() {
        actif = false;
        Thread t = fil;
        if (t != null) {
            reveil.release();
            try {
                t.join(config.delaiReponse().toMillis() + 5000);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            fil = null;
        }
        if (envoyeurs != null) {
            envoyeurs.shutdownNow();
            envoyeurs = null;
        }
    }

    public void reveiller() {
        reveil.release();
    }

    /** Wakes the worker once the caller's transaction has committed (a resumption). */
    public void reveillerApresCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    reveiller();
                }
            }
        });
    }

    private void boucle() {
        while (actif) {
            try {
                reveil.tryAcquire(config.intervalle().toMillis(), TimeUnit.MILLISECONDS);
                reveil.drainPermits();
                while (actif && etapes.diffuser(config.lot()) >= config.lot()) {
                    // a backlog: the next batch at once
                }
                envoyer();
                aviser();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception ex) {
                LOG.warnf("Webhooks sortants en échec, nouvel essai dans %s : %s", config.intervalle(), ex.toString());
            }
        }
    }

    private void envoyer() throws Exception {
        List<EtapesWebhook.Envoi> envois = etapes.louer(config.lot());
        if (envois.isEmpty()) {
            return;
        }
        Map<UUID, List<EtapesWebhook.Envoi>> parAbonnement = new LinkedHashMap<>();
        envois.forEach(e -> parAbonnement.computeIfAbsent(e.abonnement(), k -> new ArrayList<>()).add(e));
        suspendusPendantLeLot.clear();
        List<Future<?>> taches = new ArrayList<>();
        for (List<EtapesWebhook.Envoi> suite : parAbonnement.values()) {
            taches.add(envoyeurs.submit(() -> suite.forEach(this::tenter)));
        }
        for (Future<?> t : taches) {
            t.get();
        }
    }

    private void tenter(EtapesWebhook.Envoi e) {
        if (!actif || suspendusPendantLeLot.contains(e.abonnement())) {
            etapes.rendre(e.livraison());
            return;
        }
        OffsetDateTime tenteeLe = OffsetDateTime.now(ZoneOffset.UTC);
        long debut = System.nanoTime();
        Integer statut = null;
        String erreur = null;
        try {
            String refus = AdresseWebhook.refus(e.url(), config.adressesLocalesPermises()).orElse(null);
            if (refus != null) {
                erreur = "adresse refusée : " + refus;
            } else {
                String corps = corps(e);
                long horodatage = tenteeLe.toEpochSecond();
                HttpRequest requete = HttpRequest.newBuilder(URI.create(e.url())).timeout(config.delaiReponse())
                        .header("content-type", TYPE_CONTENU)
                        .header("webhook-id", e.evenementId().toString())
                        .header("webhook-timestamp", Long.toString(horodatage))
                        .header("webhook-signature", Signature.signer(e.secret(), e.evenementId().toString(), horodatage, corps))
                        .POST(HttpRequest.BodyPublishers.ofString(corps)).build();
                HttpResponse<Void> reponse = http.send(requete, HttpResponse.BodyHandlers.discarding());
                statut = reponse.statusCode();
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            erreur = "interrompue";
        } catch (Exception ex) {
            // the exception's kind and message name the host at most, never the event's data
            erreur = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : " : " + ex.getMessage());
        }
        int duree = (int) ((System.nanoTime() - debut) / 1_000_000);
        if (erreur != null && erreur.length() > 500) {
            erreur = erreur.substring(0, 500);
        }
        boolean reussie = statut != null && statut >= 200 && statut < 300;
        (reussie ? livrees : echouees).increment();
        if (etapes.enregistrer(e, tenteeLe, statut, erreur, duree)) {
            suspendusPendantLeLot.add(e.abonnement());
            LOG.warnf("Abonnement webhook %s suspendu après %d échecs consécutifs", e.abonnement(), config.echecsAvantSuspension());
        }
    }

    /** The CloudEvent in structured mode: its attributes and its data in one JSON document. */
    String corps(EtapesWebhook.Envoi e) throws JsonProcessingException {
        ObjectNode ce = json.createObjectNode();
        ce.put("specversion", CloudEvents.VERSION_SPEC);
        ce.put("id", e.evenementId().toString());
        ce.put("source", outbox.source());
        ce.put("type", e.type());
        ce.put("subject", e.cle());
        ce.put("time", e.evenementLe().withOffsetSameInstant(ZoneOffset.UTC).toString());
        ce.put("datacontenttype", CloudEvents.JSON);
        ce.put("dataschema", CloudEvents.schema(e.type()));
        ce.set("data", json.readTree(e.donnees()));
        return json.writeValueAsString(ce);
    }

    /** E-mails the technical contact of each subscription just suspended; one that fails is retried later (webhooks.nouvel-avis-apres). */
    private void aviser() {
        if (Instant.now().isBefore(prochainAvis)) {
            return;
        }
        for (Abonnement a : etapes.suspensionsAAviser()) {
            try {
                mailer.send(Mail.withText(a.contact(), "Abonnement webhook suspendu : " + a.url(), """
                        Bonjour,

                        L'abonnement webhook %s de l'institution %s (adresse %s) est suspendu : ses %d dernières livraisons ont échoué.
                        Les événements continuent d'être retenus pour lui. Le journal des livraisons dit chaque tentative :
                        GET /abonnements-webhook/%s/livraisons

                        Une fois le récepteur réparé, la reprise (POST /abonnements-webhook/%s/reprise) lui envoie tout ce qui est dû.
                        """.formatted(a.id(), a.institution(), a.url(), a.echecsConsecutifs(), a.id(), a.id())));
                etapes.suspensionAvisee(a.id());
            } catch (RuntimeException ex) {
                prochainAvis = Instant.now().plus(config.nouvelAvisApres());
                LOG.warnf("Avis de suspension de l'abonnement webhook %s non envoyé, nouvel essai dans %s : %s", a.id(), config.nouvelAvisApres(),
                        ex.toString());
                return;
            }
        }
    }
}
