package io.newslens.k8scheck;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of the manifest checks (devstack/check-k8s.sh) and of the generators: the KeycloakRealmImport
 * (k8s/checks/generate-realm-import.sh) and the vendored Kubernetes schema (k8s/checks/update-schemas.sh).
 */
public final class K8sCheck {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: K8sCheck generate-realm REPO | check REPO BUILD_DIR | generate-k8s-schemas REPO K8S_VERSION");
            System.exit(2);
        }
        Path repo = Path.of(args[1]).toAbsolutePath().normalize();
        switch (args[0]) {
            case "generate-realm" -> {
                Path target = repo.resolve("k8s/base/keycloak/realm-import.yaml");
                Files.writeString(target, RealmImport.generate(repo.resolve("devstack/keycloak/newslens-realm.json")));
                System.out.println("wrote " + repo.relativize(target));
            }
            case "check" -> System.exit(Checks.run(repo, Path.of(args[2])) ? 0 : 1);
            case "missing-jars" -> {
                for (String service : Checks.SERVICES) {
                    Checks.model(repo, service).missingJars.forEach(System.out::println);
                }
            }
            case "generate-k8s-schemas" -> KubernetesSchemaGenerator.generate(
                    repo.resolve("k8s/schemas/kubernetes-" + args[2] + "/definitions.json"), "v" + args[2]);
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }
}
