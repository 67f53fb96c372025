package io.newslens.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the test profile of the local stack lives (ports shifted by 10000 from the dev stack, so tests
 * run beside a running {@code ./newslens up}), and how to start a part of it through the project's own
 * script when a test needs it and it is not running yet.
 */
public final class TestStack {

    public static final String KEYCLOAK_URL = System.getProperty("newslens.test.keycloak-url", "http://localhost:18180");
    public static final String REALM_URL = KEYCLOAK_URL + "/realms/newslens";
    public static final String GATEWAY_URL = System.getProperty("newslens.test.gateway-url", "http://localhost:18080");

    private static boolean keycloakChecked;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private TestStack() {
    }

    /** The repository root: the nearest folder above the working directory holding the {@code newslens} script. */
    public static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("newslens")) && Files.isDirectory(dir.resolve("devstack"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the newslens repository root above " + System.getProperty("user.dir"));
    }

    public static boolean isUp(String url) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Makes sure the test Keycloak with the newslens realm answers, starting it with the project's script if not. */
    public static synchronized void ensureKeycloak() {
        String probe = REALM_URL + "/.well-known/openid-configuration";
        if (isUp(probe) && keycloakChecked) {
            return;
        }
        // also when it runs: up is idempotent and makes sure the test signing key is installed
        runScript("up", "--profile", "test", "keycloak");
        keycloakChecked = true;
        if (!isUp(probe)) {
            throw new IllegalStateException("test Keycloak did not come up at " + KEYCLOAK_URL);
        }
    }

    public static void runScript(String... args) {
        Path root = repositoryRoot();
        String[] command = new String[args.length + 1];
        command[0] = root.resolve("newslens").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process = new ProcessBuilder(command).directory(root.toFile()).inheritIO().start();
            int rc = process.waitFor();
            if (rc != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + rc);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
