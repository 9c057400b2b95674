import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the topics listed in topics.txt that do not exist yet, once per environment prefix given after the
 * file ("" for the suite itself, "test." and "e2e." for test runs, which must never feed a running suite).
 * deploy/local/suite runs it with the Kafka jars on the class path.
 */
public class Topics {
    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try (Admin admin = Admin.create(p)) {
            Set<String> existants = admin.listTopics().names().get();
            List<NewTopic> nouveaux = new ArrayList<>();
            for (String ligne : Files.readAllLines(Path.of(args[1]))) {
                String l = ligne.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] c = l.split("\\s+");
                for (int i = 2; i < args.length; i++) {
                    String nom = args[i] + c[0];
                    if (!existants.contains(nom)) {
                        nouveaux.add(new NewTopic(nom, Integer.parseInt(c[1]), (short) 1)
                                .configs(Map.of("retention.ms", c[2], "min.insync.replicas", "1")));
                    }
                }
            }
            if (!nouveaux.isEmpty()) {
                admin.createTopics(nouveaux).all().get();
                nouveaux.forEach(t -> System.out.println("topic créé : " + t.name() + " (" + t.numPartitions() + " partitions)"));
            }
        }
    }
}
