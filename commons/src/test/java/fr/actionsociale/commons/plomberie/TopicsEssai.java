package fr.actionsociale.commons.plomberie;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The test application's topics on the suite's broker (which creates none on its own), made once. */
public class TopicsEssai implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("suite.kafka.bootstrap", "localhost:9092"));
        try (Admin admin = Admin.create(p)) {
            for (String t : List.of("test.commons-essai", "test.commons-essai.dlq")) {
                try {
                    admin.createTopics(List.of(new NewTopic(t, 1, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("topic " + t + " impossible à créer", e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
