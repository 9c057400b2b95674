import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The local broker's SASL_SSL listener as Strimzi runs production's: one SCRAM-SHA-512 user per KafkaUser of
 * deploy/k8s/base/kafka/users.yaml (its password drawn once into KEYS/kafka-NAME.password) and exactly the ACLs that file
 * gives it, applied by the broker's StandardAuthorizer. Read from the same file as the KafkaUser resources (which
 * deploy/k8s/check generates from the services' configuration), so the two cannot drift: an ACL of the broker that the
 * file no longer gives is removed.
 * <p>
 * Each environment prefix after the keys' folder ("" for the suite itself, "e2e." for the end-to-end tests, whose topics
 * are e2e.NAME) gets the same rights on its own topics, and on the consumer groups NAME and NAME-e2e.
 * <p>
 * Usage: KafkaUsers BOOTSTRAP(plaintext, super user) users.yaml KEYS PREFIX...
 */
public class KafkaUsers {
    public static void main(String[] args) throws Exception {
        Path keys = Path.of(args[2]);
        List<String> prefixes = List.of(args).subList(3, args.length);
        List<JsonNode> users = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(new File(args[1]))) {
            while (docs.hasNext()) {
                JsonNode d = docs.next();
                if (d != null && "KafkaUser".equals(d.path("kind").asText())) {
                    users.add(d);
                }
            }
        }
        if (users.isEmpty()) {
            throw new IllegalStateException("aucun KafkaUser dans " + args[1]);
        }
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try (Admin admin = Admin.create(p)) {
            List<UserScramCredentialAlteration> scram = new ArrayList<>();
            for (JsonNode u : users) {
                String nom = u.path("metadata").path("name").asText();
                if (!"scram-sha-512".equals(u.path("spec").path("authentication").path("type").asText())) {
                    throw new IllegalStateException(nom + " : seule l'authentification scram-sha-512 est prise en charge");
                }
                scram.add(new UserScramCredentialUpsertion(nom, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192),
                        motDePasse(keys.resolve("kafka-" + nom + ".password"))));
            }
            admin.alterUserScramCredentials(scram).all().get();
            for (JsonNode u : users) {
                String nom = u.path("metadata").path("name").asText();
                String principal = "User:" + nom;
                Set<AclBinding> voulues = new LinkedHashSet<>();
                for (JsonNode acl : u.path("spec").path("authorization").path("acls")) {
                    JsonNode r = acl.path("resource");
                    ResourceType type = switch (r.path("type").asText()) {
                        case "topic" -> ResourceType.TOPIC;
                        case "group" -> ResourceType.GROUP;
                        case "cluster" -> ResourceType.CLUSTER;
                        case "transactionalId" -> ResourceType.TRANSACTIONAL_ID;
                        default -> throw new IllegalStateException(nom + " : ressource inconnue " + r);
                    };
                    PatternType motif = "prefix".equals(r.path("patternType").asText("literal")) ? PatternType.PREFIXED : PatternType.LITERAL;
                    AclPermissionType permission = "deny".equals(acl.path("type").asText("allow")) ? AclPermissionType.DENY : AclPermissionType.ALLOW;
                    String hote = acl.path("host").asText("*");
                    for (String prefixe : prefixes) {
                        for (String ressource : noms(type, r.path("name").asText(), prefixe)) {
                            for (JsonNode op : acl.path("operations")) {
                                voulues.add(new AclBinding(new ResourcePattern(type, ressource, motif),
                                        new AccessControlEntry(principal, hote, operation(op.asText()), permission)));
                            }
                        }
                    }
                }
                AclBindingFilter siennes = new AclBindingFilter(ResourcePatternFilter.ANY,
                        new AccessControlEntryFilter(principal, null, AclOperation.ANY, AclPermissionType.ANY));
                Set<AclBinding> presentes = new LinkedHashSet<>(admin.describeAcls(siennes).values().get());
                List<AclBindingFilter> enTrop = presentes.stream().filter(b -> !voulues.contains(b)).map(AclBinding::toFilter).toList();
                List<AclBinding> manquantes = voulues.stream().filter(b -> !presentes.contains(b)).toList();
                if (!enTrop.isEmpty()) {
                    admin.deleteAcls(enTrop).all().get();
                }
                if (!manquantes.isEmpty()) {
                    admin.createAcls(manquantes).all().get();
                }
                if (!enTrop.isEmpty() || !manquantes.isEmpty()) {
                    System.out.println("ACL Kafka de " + principal + " : " + voulues.size() + " (" + manquantes.size() + " ajoutées, "
                            + enTrop.size() + " retirées)");
                }
            }
        }
    }

    /** The resource's name in an environment: its topics carry the prefix, its groups may also end with -e2e. */
    static List<String> noms(ResourceType type, String nom, String prefixe) {
        if (prefixe.isEmpty()) {
            return List.of(type == ResourceType.CLUSTER ? "kafka-cluster" : nom);
        }
        return switch (type) {
            case TOPIC -> List.of(prefixe + nom);
            case GROUP -> List.of(nom, nom + "-" + prefixe.replaceAll("\\.$", ""));
            default -> List.of();
        };
    }

    static AclOperation operation(String strimzi) {
        // Strimzi writes them in CamelCase (Read, Write, Describe, DescribeConfigs, IdempotentWrite…)
        AclOperation op = AclOperation.fromString(strimzi.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
        if (op == AclOperation.UNKNOWN || op == AclOperation.ANY) {
            throw new IllegalStateException("opération d'ACL inconnue : " + strimzi);
        }
        return op;
    }

    static String motDePasse(Path fichier) throws Exception {
        if (!Files.exists(fichier)) {
            byte[] b = new byte[24];
            new SecureRandom().nextBytes(b);
            Files.createDirectories(fichier.getParent());
            Files.writeString(fichier, HexFormat.of().formatHex(b) + "\n");
            Files.setPosixFilePermissions(fichier, PosixFilePermissions.fromString("rw-------"));
        }
        return Files.readString(fichier).strip();
    }
}
