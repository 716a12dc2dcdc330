package org.lrmgraph.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Start an embedded Neo4j with Bolt on 127.0.0.1 and stop it cleanly on SIGTERM.
 *
 * <p>Usage: {@code EmbeddedNeo4j --data-dir DIR --port PORT}. The password of the
 * {@code neo4j} user is read from the environment variable {@code LRM_NEO4J_PASSWORD}
 * (never from the command line, so it does not show in the process list). Prints
 * {@code LRM-NEO4J-READY} once Bolt accepts connections.
 */
public final class EmbeddedNeo4j {
    private EmbeddedNeo4j() {}

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = parse(args);
        Path dataDir = Path.of(options.getOrDefault("--data-dir", "neo4j-data")).toAbsolutePath();
        int port = Integer.parseInt(options.getOrDefault("--port", "7687"));
        String password = System.getenv("LRM_NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            System.err.println("LRM_NEO4J_PASSWORD must be set to at least 8 characters");
            System.exit(2);
        }
        String pageCache = options.getOrDefault("--page-cache", "512m");

        DatabaseManagementService service;
        try {
            service = start(dataDir, port, pageCache, password);
        } catch (RuntimeException e) {
            // Neo4j's own threads would keep the JVM alive after main() fails: exit.
            e.printStackTrace();
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.shutdown();
            stopped.countDown();
        }, "lrm-neo4j-shutdown"));
        System.out.println("LRM-NEO4J-READY bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }

    private static DatabaseManagementService start(
            Path dataDir, int port, String pageCache, String password) {
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory,
                        org.neo4j.io.ByteUnit.parse(pageCache))
                .build();
        try {
            setPassword(service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);
            service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        } catch (RuntimeException e) {
            service.shutdown();
            throw e;
        }
        return service;
    }

    private static void setPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j IF EXISTS SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            // A restart sets the password the user has already; Neo4j refuses a "change"
            // to the same value, which here means there is nothing to do.
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                throw e;
            }
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
