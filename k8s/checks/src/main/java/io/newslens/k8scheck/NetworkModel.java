package io.newslens.k8scheck;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates Kubernetes NetworkPolicies the way a conforming network plugin does: a connection is allowed when
 * the source's egress allows it (or no policy of the source selects it for Egress) and the destination's
 * ingress allows it (likewise). Policies the operators create at run time are added by the caller (Strimzi's
 * listener policy is derived from the Kafka resource).
 */
final class NetworkModel {

    /** A pod (labels in a namespace) or an address outside the cluster (ip set). */
    record Endpoint(String name, String namespace, Map<String, String> labels, String ip) {
        static Endpoint pod(String name, String namespace, Map<String, String> labels) {
            return new Endpoint(name, namespace, labels, null);
        }

        static Endpoint external(String ip) {
            return new Endpoint(ip, null, Map.of(), ip);
        }
    }

    private final String namespace;
    private final List<Map<String, Object>> policies = new ArrayList<>();

    NetworkModel(String namespace, List<Map<String, Object>> policies) {
        this.namespace = namespace;
        this.policies.addAll(policies);
    }

    boolean allowed(Endpoint from, Endpoint to, int port) {
        return side(from, to, port, "Egress") && side(to, from, port, "Ingress");
    }

    /** Whether the policies of {@code self} (when it lives in the namespace) let traffic with {@code peer} through. */
    private boolean side(Endpoint self, Endpoint peer, int port, String direction) {
        if (self.ip() != null || !namespace.equals(self.namespace())) {
            return true; // outside the namespace: no policy of ours applies
        }
        boolean selected = false;
        for (Map<String, Object> policy : policies) {
            if (!selects(Yaml.map(policy, "spec", "podSelector"), self.labels()) || !types(policy).contains(direction)) {
                continue;
            }
            selected = true;
            String rulesKey = direction.equals("Egress") ? "egress" : "ingress";
            String peersKey = direction.equals("Egress") ? "to" : "from";
            for (Map<String, Object> rule : Yaml.maps(policy, "spec", rulesKey)) {
                if (portMatches(Yaml.maps(rule, "ports"), port) && peerMatches(Yaml.maps(rule, peersKey), rule.containsKey(peersKey), peer)) {
                    return true;
                }
            }
        }
        return !selected;
    }

    private static List<String> types(Map<String, Object> policy) {
        List<String> types = new ArrayList<>();
        for (Object type : Yaml.list(policy, "spec", "policyTypes")) {
            types.add(String.valueOf(type));
        }
        if (types.isEmpty()) {
            types.add("Ingress");
            if (Yaml.get(policy, "spec", "egress") != null) {
                types.add("Egress");
            }
        }
        return types;
    }

    private static boolean portMatches(List<Map<String, Object>> ports, int port) {
        if (ports.isEmpty()) {
            return true;
        }
        for (Map<String, Object> p : ports) {
            Object value = p.get("port");
            Object end = p.get("endPort");
            if (value == null) {
                return true;
            }
            if (value instanceof Integer start && (start == port || end instanceof Integer e && port >= start && port <= e)) {
                return true;
            }
        }
        return false;
    }

    private boolean peerMatches(List<Map<String, Object>> peers, boolean present, Endpoint peer) {
        if (!present || peers.isEmpty()) {
            return true; // no from/to: everyone
        }
        for (Map<String, Object> candidate : peers) {
            if (candidate.containsKey("ipBlock")) {
                if (peer.ip() != null && inBlock(peer.ip(), Yaml.map(candidate, "ipBlock"))) {
                    return true;
                }
                continue;
            }
            if (peer.ip() != null) {
                continue;
            }
            Object namespaceSelector = candidate.get("namespaceSelector");
            boolean namespaceOk = namespaceSelector == null ? namespace.equals(peer.namespace())
                    : selects(Yaml.cast(namespaceSelector), Map.of("kubernetes.io/metadata.name", peer.namespace()));
            Object podSelector = candidate.get("podSelector");
            boolean podOk = podSelector == null || selects(Yaml.cast(podSelector), peer.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    static boolean selects(Map<String, Object> selector, Map<String, String> labels) {
        for (Map.Entry<String, Object> entry : Yaml.map(selector, "matchLabels").entrySet()) {
            if (!String.valueOf(entry.getValue()).equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (Map<String, Object> expression : Yaml.maps(selector, "matchExpressions")) {
            String key = Yaml.string(expression, "key");
            List<Object> values = Yaml.list(expression, "values");
            String operator = Yaml.string(expression, "operator");
            boolean has = labels.containsKey(key);
            boolean in = has && values.contains(labels.get(key));
            boolean ok = switch (String.valueOf(operator)) {
                case "In" -> in;
                case "NotIn" -> !in;
                case "Exists" -> has;
                case "DoesNotExist" -> !has;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean inBlock(String ip, Map<String, Object> block) {
        if (!inCidr(ip, Yaml.string(block, "cidr"))) {
            return false;
        }
        for (Object except : Yaml.list(block, "except")) {
            if (inCidr(ip, String.valueOf(except))) {
                return false;
            }
        }
        return true;
    }

    static boolean inCidr(String ip, String cidr) {
        try {
            String[] parts = cidr.split("/");
            byte[] address = InetAddress.getByName(ip).getAddress();
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            if (address.length != network.length) {
                return false;
            }
            int bits = Integer.parseInt(parts[1]);
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | RuntimeException e) {
            return false;
        }
    }
}
