package io.gridloop.localstack;

import io.gridloop.contracts.Topic;
import io.gridloop.contracts.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.gridloop.contracts.ServiceNames;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.gridloop.localstack.Manifests.at;
import static io.gridloop.localstack.Manifests.kind;
import static io.gridloop.localstack.Manifests.list;
import static io.gridloop.localstack.Manifests.map;
import static io.gridloop.localstack.Manifests.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * No cluster or operator runs where gridloop is built, so this renders each overlay of {@code deploy/k8s} with
 * {@code kubectl kustomize} (what {@code kubectl apply -k} sends), reads every resource into its published model
 * (Kubernetes' and Strimzi's, {@link PublishedModels}) and checks what must hold for the installation to work: every service has a Deployment with probes on Spring Boot's groups, requests and limits,
 * a non-root user, a Service, a PodDisruptionBudget and an autoscaler; every topic of the contracts exists with at
 * least its partitions, and as many as the autoscaled consumers' listener threads; Kafka and MongoDB are
 * replicated; Prometheus scrapes every service; every environment variable names a property something reads.
 */
class K8sManifestsTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path K8S = ROOT.resolve("deploy/k8s");
    private static final List<String> OVERLAYS = List.of("overlays/city", "overlays/province");
    /** Jib's {@code <user>} (ImageConfigurationTest). */
    private static final int IMAGE_USER = 1000;
    /** Heap the services were shown to run in under load (the fault suite starts each with -Xmx384m). */
    private static final long TESTED_HEAP_MIB = 384;

    private static List<Map<String, Object>> build(String overlay) {
        assumeTrue(Manifests.kubectlAvailable(), "kubectl (with Kustomize) renders the overlays; not on this machine");
        return Manifests.kustomize(K8S.resolve(overlay));
    }

    private static Map<String, Object> the(List<Map<String, Object>> resources, String kind, String name) {
        List<Map<String, Object>> hits = resources.stream()
                .filter(r -> kind(r).equals(kind) && name(r).equals(name)).toList();
        assertThat(hits).as(kind + "/" + name).hasSize(1);
        return hits.getFirst();
    }

    private static List<Map<String, Object>> all(List<Map<String, Object>> resources, String kind) {
        return resources.stream().filter(r -> kind(r).equals(kind)).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/city", "overlays/province"})
    void shouldWriteEveryResourceAsItsPublishedModelReadsIt(String overlay) {
        List<Map<String, Object>> resources = build(overlay);

        assertThat(resources).isNotEmpty().allSatisfy(resource -> {
            String kind = kind(resource);
            if (!PublishedModels.UNMODELLED.contains(kind)) {
                assertThat(PublishedModels.MODELS).as("a published model for %s", kind).containsKey(kind);
                assertThat(PublishedModels.unknownFields(resource)).as("%s/%s: fields its model does not know",
                        kind, name(resource)).isEmpty();
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/city", "overlays/province"})
    void shouldAlertOnKubernetesWithTheRulesPromtoolChecks(String overlay) {
        Map<String, Object> rules = the(build(overlay), "PrometheusRule", "gridloop-alerts");

        assertThat(at(rules, "spec.groups")).as("the PrometheusRule carries deploy/prometheus/alerts.yml's groups")
                .isEqualTo(map(Manifests.load(ROOT.resolve("deploy/prometheus/alerts.yml")).getFirst()).get("groups"));
    }

    @Test
    void shouldFindAFieldThePublishedModelDoesNotKnow() {
        Map<String, Object> pool = Map.of("apiVersion", "kafka.strimzi.io/v1beta2", "kind", "KafkaNodePool",
                "metadata", Map.of("name", "pool"), "spec", Map.of("replcas", 3, "roles", List.of("broker")));
        Map<String, Object> deployment = Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", "d"), "spec", Map.of("template", Map.of("spec", Map.of("containers",
                        List.of(Map.of("name", "c", "image", "i", "imagePullPolcy", "Always"))))));

        assertThat(PublishedModels.unknownFields(pool)).containsExactly(".spec.replcas");
        assertThat(PublishedModels.unknownFields(deployment))
                .containsExactly(".spec.template.spec.containers[0].imagePullPolcy");
    }

    @Test
    void shouldListEveryManifestOfTheBaseInItsKustomization() throws IOException {
        List<String> listed = list(map(Manifests.load(K8S.resolve("base/kustomization.yaml")).getFirst())
                .get("resources")).stream().map(String::valueOf).toList();
        try (Stream<Path> files = Files.list(K8S.resolve("base"))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .filter(f -> !f.equals("kustomization.yaml")).sorted().toList())
                    .containsExactlyInAnyOrderElementsOf(listed);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/city", "overlays/province"})
    void shouldRunEveryServiceWithProbesLimitsANonRootUserAndItsPort(String overlay) throws IOException {
        List<Map<String, Object>> resources = build(overlay);
        for (String module : DockerComposeTest.serviceModules().toList()) {
            Map<String, Object> deployment = the(resources, "Deployment", module);
            Map<String, Object> pod = map(at(deployment, "spec.template.spec"));
            List<?> containers = list(pod.get("containers"));
            assertThat(containers).as(module + " containers").hasSize(1);
            Map<String, Object> c = map(containers.getFirst());
            String where = overlay + " " + module + ": ";

            assertThat(c.get("image")).isEqualTo("gridloop/" + module + ":0.1.0-SNAPSHOT");
            int port = DockerComposeTest.serverPort(module);
            assertThat(list(c.get("ports"))).as(where + "ports").singleElement()
                    .satisfies(p -> assertThat(map(p)).containsEntry("name", "http").containsEntry("containerPort", port));
            assertThat(environment(resources, module)).as(where + "environment").containsEntry("SERVER_PORT",
                    String.valueOf(port)).containsKeys("SPRING_KAFKA_BOOTSTRAP_SERVERS", "SPRING_MONGODB_URI",
                    "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI");

            assertThat(probe(c, "startupProbe")).as(where + "startup probe").isEqualTo("/actuator/health/liveness");
            assertThat(probe(c, "livenessProbe")).as(where + "liveness probe").isEqualTo("/actuator/health/liveness");
            assertThat(probe(c, "readinessProbe")).as(where + "readiness probe")
                    .isEqualTo("/actuator/health/readiness");

            Map<String, Object> requests = map(at(c, "resources.requests"));
            Map<String, Object> limits = map(at(c, "resources.limits"));
            assertThat(requests).as(where + "requests").containsKeys("cpu", "memory");
            assertThat(limits).as(where + "limits").containsKeys("cpu", "memory");
            assertThat(limits.get("memory")).as(where + "memory limit = request (the heap is sized from it)")
                    .isEqualTo(requests.get("memory"));
            assertThat(mebibytes(limits.get("memory")) * maxRamPercentage(resources) / 100)
                    .as(where + "heap from the memory limit").isGreaterThanOrEqualTo(TESTED_HEAP_MIB);
            assertThat(millicores(limits.get("cpu"))).as(where + "cpu limit ≥ request")
                    .isGreaterThanOrEqualTo(millicores(requests.get("cpu")));

            assertThat(at(pod, "securityContext.runAsNonRoot")).as(where + "runAsNonRoot").isEqualTo(true);
            assertThat(at(pod, "securityContext.runAsUser")).as(where + "the image's user").isEqualTo(IMAGE_USER);
            assertThat(at(c, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
            assertThat(at(c, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
            assertThat(list(c.get("volumeMounts"))).as(where + "a writable /tmp on a read-only root")
                    .anySatisfy(m -> assertThat(map(m)).containsEntry("mountPath", "/tmp"));

            long grace = ((Number) pod.get("terminationGracePeriodSeconds")).longValue();
            long preStop = ((Number) at(c, "lifecycle.preStop.sleep.seconds")).longValue();
            Duration shutdown = Duration.parse("PT" + String.valueOf(environment(resources, module)
                    .get("SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE")).toUpperCase());
            assertThat(grace).as(where + "grace period covers preStop and graceful shutdown")
                    .isGreaterThan(preStop + shutdown.toSeconds());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/city", "overlays/province"})
    void shouldGiveEveryServiceAServiceADisruptionBudgetAndAnAutoscalerThatKeepsTwo(String overlay)
            throws IOException {
        List<Map<String, Object>> resources = build(overlay);
        for (String module : DockerComposeTest.serviceModules().toList()) {
            String where = overlay + " " + module + ": ";
            Map<String, Object> deployment = the(resources, "Deployment", module);
            Map<String, Object> selector = map(at(deployment, "spec.selector.matchLabels"));
            assertThat(map(at(deployment, "spec.template.metadata.labels"))).containsAllEntriesOf(selector);

            Map<String, Object> service = the(resources, "Service", module);
            assertThat(map(at(service, "spec.selector"))).as(where + "Service selects the pods").isEqualTo(selector);
            assertThat(list(at(service, "spec.ports"))).singleElement().satisfies(p -> assertThat(map(p))
                    .containsEntry("port", DockerComposeTest.serverPort(module)).containsEntry("targetPort", "http"));

            Map<String, Object> pdb = the(resources, "PodDisruptionBudget", module);
            assertThat(map(at(pdb, "spec.selector.matchLabels"))).as(where + "PDB selects the pods")
                    .isEqualTo(selector);
            Map<String, Object> hpa = the(resources, "HorizontalPodAutoscaler", module);
            assertThat(map(at(hpa, "spec.scaleTargetRef"))).containsEntry("kind", "Deployment")
                    .containsEntry("name", module);
            int min = ((Number) at(hpa, "spec.minReplicas")).intValue();
            int max = ((Number) at(hpa, "spec.maxReplicas")).intValue();
            assertThat(min).as(where + "at least two, so a drain or a crash leaves one serving").isGreaterThanOrEqualTo(2);
            assertThat(max).isGreaterThanOrEqualTo(min);
            Map<String, Object> budget = map(pdb.get("spec"));
            if (budget.containsKey("minAvailable")) {
                assertThat(((Number) budget.get("minAvailable")).intValue()).as(where + "a drain can proceed")
                        .isLessThan(min);
            } else {
                assertThat(((Number) budget.get("maxUnavailable")).intValue()).isBetween(1, min - 1);
            }
            assertThat(list(at(hpa, "spec.metrics"))).as(where + "scales on something").isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/city", "overlays/province"})
    void shouldCreateEveryContractTopicWithPartitionsForEveryConsumerThread(String overlay) throws IOException {
        List<Map<String, Object>> resources = build(overlay);
        Map<String, Map<String, Object>> byTopic = new TreeMap<>();
        all(resources, "KafkaTopic").forEach(t -> byTopic.put(String.valueOf(at(t, "spec.topicName")), t));
        Set<String> expected = new HashSet<>();
        for (Topic<?> topic : Topics.all()) {
            expected.add(topic.name());
            expected.add(topic.deadLetterTopic());
            Map<String, Object> t = byTopic.get(topic.name());
            assertThat(t).as(overlay + ": a KafkaTopic for " + topic.name()).isNotNull();
            int partitions = ((Number) at(t, "spec.partitions")).intValue();
            assertThat(partitions).as(topic.name() + ": at least the contract's partitions")
                    .isGreaterThanOrEqualTo(topic.partitions());
            assertThat(map(at(t, "spec.config")).get("cleanup.policy"))
                    .as(topic.name() + " compacted as the contract says")
                    .isEqualTo(topic.compacted() ? "compact" : null);
            for (String consumer : topic.consumers()) {
                int threads = maxReplicas(resources, consumer) * listenerThreads(resources, consumer);
                assertThat(partitions).as(overlay + ": " + topic.name() + " partitions for " + consumer
                        + "'s autoscaled listener threads (maxReplicas × concurrency)").isGreaterThanOrEqualTo(threads);
            }
            assertThat(byTopic.get(topic.deadLetterTopic())).as("a KafkaTopic for " + topic.deadLetterTopic())
                    .isNotNull();
        }
        assertThat(byTopic.keySet()).as("topics nobody declared in contracts/").isEqualTo(expected);
        for (Map<String, Object> t : byTopic.values()) {
            int replicas = ((Number) at(t, "spec.replicas")).intValue();
            int minInSync = ((Number) map(at(t, "spec.config")).get("min.insync.replicas")).intValue();
            assertThat(replicas).as(name(t) + " replicas").isGreaterThanOrEqualTo(3);
            assertThat(minInSync).as(name(t) + ": acks=all survives one broker down").isBetween(2, replicas - 1);
            assertThat(map(t.get("metadata")).get("labels")).asString().contains("strimzi.io/cluster=gridloop");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/city", "overlays/province"})
    void shouldReplicateKafkaAndMongoDbAndScrapeEveryService(String overlay) throws IOException {
        List<Map<String, Object>> resources = build(overlay);
        Map<String, Object> kafka = the(resources, "Kafka", "gridloop");
        assertThat(map(kafka.get("metadata")).get("annotations")).asString().contains("strimzi.io/kraft=enabled");
        Map<String, Object> config = map(at(kafka, "spec.kafka.config"));
        assertThat(config).containsEntry("default.replication.factor", 3).containsEntry("min.insync.replicas", 2)
                .containsEntry("auto.create.topics.enable", false);
        int brokers = all(resources, "KafkaNodePool").stream()
                .filter(p -> list(at(p, "spec.roles")).contains("broker"))
                .mapToInt(p -> ((Number) at(p, "spec.replicas")).intValue()).sum();
        assertThat(brokers).as(overlay + " brokers").isGreaterThanOrEqualTo(3);
        assertThat(environment(resources, "intake-service").get("SPRING_KAFKA_BOOTSTRAP_SERVERS"))
                .isEqualTo(name(kafka) + "-kafka-bootstrap:9093");

        Map<String, Object> mongo = the(resources, "MongoDBCommunity", "gridloop-mongodb");
        assertThat(at(mongo, "spec.type")).isEqualTo("ReplicaSet");
        assertThat(((Number) at(mongo, "spec.members")).intValue()).as("replica set members").isGreaterThanOrEqualTo(3);
        // One user per service, allowed its own database only, and each service connects as its own user.
        Map<String, Object> users = new java.util.HashMap<>();
        list(at(mongo, "spec.users")).forEach(u -> users.put(String.valueOf(map(u).get("name")), u));
        for (String module : DockerComposeTest.serviceModules().toList()) {
            assertThat(users).as("a database user for " + module).containsKey(module);
            assertThat(List.<Object>copyOf(list(map(users.get(module)).get("roles"))))
                    .as(module + "'s user reaches its own database only")
                    .containsExactly(Map.of("name", "readWrite", "db", database(module)));
            assertThat(at(environment(resources, module).get("SPRING_MONGODB_URI"), "secretKeyRef.name"))
                    .as(module + " connects as its own user")
                    .isEqualTo("gridloop-mongodb-admin-" + module);
        }

        Map<String, Object> monitor = the(resources, "ServiceMonitor", "gridloop-services");
        Map<String, Object> wanted = map(at(monitor, "spec.selector.matchLabels"));
        Map<String, Object> endpoint = map(list(at(monitor, "spec.endpoints")).getFirst());
        assertThat(endpoint).containsEntry("port", "http").containsEntry("path", "/actuator/prometheus");
        assertThat(endpoint).as("Prometheus signs in (the endpoint takes MONITOR tokens)").containsKey("oauth2");
        for (String module : DockerComposeTest.serviceModules().toList()) {
            assertThat(map(at(the(resources, "Service", module), "metadata.labels")))
                    .as(module + " scraped").containsAllEntriesOf(wanted);
        }
    }

    /**
     * Nothing reaches a pod that no policy admits; the broker and the database admit gridloop's services (and
     * themselves) only.
     */
    @ParameterizedTest
    @ValueSource(strings = {"overlays/city", "overlays/province"})
    void shouldLetOnlyTheServicesReachTheBrokerAndTheDatabase(String overlay) throws IOException {
        List<Map<String, Object>> resources = build(overlay);
        Map<String, Object> deny = the(resources, "NetworkPolicy", "gridloop-default-deny");
        assertThat(map(at(deny, "spec.podSelector"))).as("every pod").isEmpty();
        assertThat(String.valueOf(at(deny, "spec.policyTypes"))).contains("Ingress");
        assertThat(map(deny.get("spec"))).doesNotContainKey("ingress");

        Map<String, Object> serviceLabel = Map.of("app.kubernetes.io/component", "service",
                "app.kubernetes.io/part-of", "gridloop");
        for (String module : DockerComposeTest.serviceModules().toList()) {
            assertThat(map(at(the(resources, "Deployment", module), "spec.template.metadata.labels")))
                    .as(module + "'s pods carry the label the policies admit").containsAllEntriesOf(serviceLabel);
        }
        Map<String, Object> mongo = the(resources, "NetworkPolicy", "gridloop-mongodb");
        List<?> from = list(map(list(at(mongo, "spec.ingress")).getFirst()).get("from"));
        assertThat(from).extracting(peer -> map(map(peer).get("podSelector")).get("matchLabels"))
                .containsExactlyInAnyOrder(serviceLabel, Map.of("app", "gridloop-mongodb-svc"));
        Map<String, Object> kafka = the(resources, "Kafka", "gridloop");
        for (Object listener : list(at(kafka, "spec.kafka.listeners"))) {
            assertThat(list(map(listener).get("networkPolicyPeers"))).extracting(peer -> map(map(peer)
                    .get("podSelector")).get("matchLabels")).containsExactly(serviceLabel);
        }
    }

    /**
     * The broker takes only TLS with SCRAM, each service signs in as its own user, and each user may do exactly
     * what the topic registry gives its service: write what it produces, read what it consumes (in its own group)
     * and write the dead letters of what it consumes.
     */
    /**
     * What statistics' Kafka Streams applications need beyond a listener's: their stores' changelog topics, their
     * transactions, and removing the topics and group of an application a rebuild replaced.
     */
    private static final Set<String> KAFKA_STREAMS_RIGHTS = Set.of("group:stats-service:Delete",
            "group:stats-counting-:Read", "group:stats-counting-:Describe", "group:stats-counting-:Delete",
            "topic:stats-service-:Create", "topic:stats-service-:Read", "topic:stats-service-:Write",
            "topic:stats-service-:Describe", "topic:stats-service-:DescribeConfigs", "topic:stats-service-:Delete",
            "topic:stats-counting-:Create", "topic:stats-counting-:Read", "topic:stats-counting-:Write",
            "topic:stats-counting-:Describe", "topic:stats-counting-:DescribeConfigs", "topic:stats-counting-:Delete",
            "transactionalId:stats-service-:Write", "transactionalId:stats-service-:Describe",
            "transactionalId:stats-counting-:Write", "transactionalId:stats-counting-:Describe");

    @ParameterizedTest
    @ValueSource(strings = {"overlays/city", "overlays/province"})
    void shouldSignEachServiceInToKafkaAsItsOwnUserWithTheRegistrysRights(String overlay) throws IOException {
        List<Map<String, Object>> resources = build(overlay);
        Map<String, Object> kafka = the(resources, "Kafka", "gridloop");
        assertThat(String.valueOf(at(kafka, "spec.kafka.authorization"))).contains("type=simple");
        for (Object listener : list(at(kafka, "spec.kafka.listeners"))) {
            assertThat(map(listener)).as("listener " + map(listener).get("name")).containsEntry("tls", true);
            assertThat(String.valueOf(map(listener).get("authentication"))).contains("scram-sha-512");
        }
        for (String module : DockerComposeTest.serviceModules().toList()) {
            Map<String, Object> env = environment(resources, module);
            assertThat(env).containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
            assertThat(environment(resources, module).get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                    .as(module + " signs in as its own Kafka user")
                    .isEqualTo(Map.of("secretKeyRef", Map.of("name", module, "key", "sasl.jaas.config")));

            java.util.Set<String> granted = new TreeSet<>();
            for (Object acl : list(at(the(resources, "KafkaUser", module), "spec.authorization.acls"))) {
                Map<String, Object> resource = map(map(acl).get("resource"));
                for (Object operation : list(map(acl).get("operations"))) {
                    granted.add(resource.get("type") + ":" + resource.get("name") + ":" + operation);
                }
            }
            java.util.Set<String> wanted = new TreeSet<>();
            for (io.gridloop.contracts.Topic<?> topic : Topics.all()) {
                if (topic.producer().equals(module)) {
                    wanted.addAll(List.of("topic:" + topic.name() + ":Write", "topic:" + topic.name() + ":Describe"));
                }
                if (topic.consumers().contains(module)) {
                    wanted.addAll(List.of("topic:" + topic.name() + ":Read", "topic:" + topic.name() + ":Describe",
                            "topic:" + topic.deadLetterTopic() + ":Write",
                            "topic:" + topic.deadLetterTopic() + ":Describe"));
                }
            }
            wanted.addAll(List.of("group:" + module + ":Read", "group:" + module + ":Describe"));
            if (module.equals(ServiceNames.STATS)) {
                wanted.addAll(KAFKA_STREAMS_RIGHTS);
            }
            assertThat(granted).as(module + "'s Kafka rights are the registry's, no more").isEqualTo(wanted);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/city", "overlays/province"})
    void shouldOnlySetEnvironmentVariablesThatNameAPropertySomethingReads(String overlay) throws IOException {
        Set<String> known = knownProperties();
        List<Map<String, Object>> resources = build(overlay);
        List<String> unknown = new ArrayList<>();
        for (String module : DockerComposeTest.serviceModules().toList()) {
            environment(resources, module).keySet().stream()
                    .filter(variable -> !variable.equals("JAVA_TOOL_OPTIONS"))
                    .filter(variable -> !binds(known, variable.replace("_", "").toLowerCase()))
                    .forEach(variable -> unknown.add(module + ": " + variable));
        }
        assertThat(unknown).as("variables that bind to no property (a typo or a renamed key does nothing)")
                .isEmpty();
    }

    @Test
    void shouldSizeTheProvinceAboveTheCityAndSetEachInstallationsAddresses() throws IOException {
        List<Map<String, Object>> city = build("overlays/city");
        List<Map<String, Object>> province = build("overlays/province");
        for (String module : List.of("dispatch-service", "stats-service")) {
            assertThat(maxReplicas(province, module)).isGreaterThan(maxReplicas(city, module));
        }
        assertThat(partitions(province, Topics.CASE_TRANSITIONED.name()))
                .isGreaterThan(partitions(city, Topics.CASE_TRANSITIONED.name()));
        for (List<Map<String, Object>> installation : List.of(city, province)) {
            String namespace = String.valueOf(at(installation.getFirst(), "metadata.namespace"));
            assertThat(namespace).startsWith("gridloop-");
            assertThat(installation).allSatisfy(r -> assertThat(at(r, "metadata.namespace")).isEqualTo(namespace));
            for (String service : List.of("INTAKE", "DISPATCH", "HOTLINE", "STATS")) {
                assertThat(environment(installation, "metrics-service").get("GRIDLOOP_WORKBENCH_" + service + "URL"))
                        .as(service).asString().startsWith("https://").doesNotContain("example");
            }
            assertThat(environment(installation, "hotline-bridge").get("GRIDLOOP_HOTLINE_BASEURL")).asString()
                    .doesNotContain("example");
            assertThat(environment(installation, "intake-service")
                    .get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI")).asString().doesNotContain("example");
        }
    }

    @Test
    void shouldNameEverySecretTheManifestsNeedInTheReadme() throws IOException {
        String readme = Files.readString(K8S.resolve("README.md"));
        Set<String> secrets = new TreeSet<>();
        for (String overlay : OVERLAYS) {
            secretsNamed(build(overlay), secrets);
        }
        assertThat(secrets).contains("gridloop-hotline", "gridloop-mongodb-password-dispatch-service",
                "gridloop-prometheus-client");
        assertThat(secrets).allSatisfy(s -> assertThat(readme).as("README says where " + s + " comes from")
                .contains(s));
    }

    // ---- reading the manifests ----

    /** A container's environment as the pod sees it: the ConfigMaps it takes whole, then its own entries. */
    /** The names of the secrets anything refers to: {@code secretKeyRef}, {@code passwordSecretRef}, {@code clientSecret}. */
    private static void secretsNamed(Object node, Set<String> names) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((key, value) -> {
                if (Set.of("secretKeyRef", "passwordSecretRef", "clientSecret").contains(key)
                        && value instanceof Map<?, ?> ref && ref.get("name") != null) {
                    names.add(String.valueOf(ref.get("name")));
                }
                secretsNamed(value, names);
            });
        } else if (node instanceof List<?> l) {
            l.forEach(item -> secretsNamed(item, names));
        }
    }

    private static Map<String, Object> environment(List<Map<String, Object>> resources, String module) {
        Map<String, Object> c = map(list(at(the(resources, "Deployment", module), "spec.template.spec.containers"))
                .getFirst());
        Map<String, Object> env = new TreeMap<>();
        for (Object from : list(c.get("envFrom"))) {
            String configMap = String.valueOf(at(from, "configMapRef.name"));
            env.putAll(map(the(resources, "ConfigMap", configMap).get("data")));
        }
        for (Object e : list(c.get("env"))) {
            Map<String, Object> variable = map(e);
            env.put(String.valueOf(variable.get("name")),
                    variable.containsKey("value") ? variable.get("value") : variable.get("valueFrom"));
        }
        return env;
    }

    private static String probe(Map<String, Object> container, String probe) {
        Object port = at(container, probe + ".httpGet.port");
        assertThat(port).as(probe + " on the http port").isEqualTo("http");
        return String.valueOf(at(container, probe + ".httpGet.path"));
    }

    private static int maxReplicas(List<Map<String, Object>> resources, String module) {
        return ((Number) at(the(resources, "HorizontalPodAutoscaler", module), "spec.maxReplicas")).intValue();
    }

    private static int partitions(List<Map<String, Object>> resources, String topic) {
        return all(resources, "KafkaTopic").stream().filter(t -> topic.equals(at(t, "spec.topicName")))
                .mapToInt(t -> ((Number) at(t, "spec.partitions")).intValue()).findFirst().orElseThrow();
    }

    /** Listener threads per instance: the manifests' setting, else the service's own file, else Spring's 1. */
    private static int listenerThreads(List<Map<String, Object>> resources, String module) throws IOException {
        Object set = environment(resources, module).get("SPRING_KAFKA_LISTENER_CONCURRENCY");
        if (set != null) {
            return Integer.parseInt(String.valueOf(set));
        }
        Object own = at(serviceConfig(module), "spring.kafka.listener.concurrency");
        return own == null ? 1 : ((Number) own).intValue();
    }

    private static String database(String module) {
        return String.valueOf(at(serviceConfig(module), "spring.mongodb.database"));
    }

    private static Map<String, Object> serviceConfig(String module) {
        return map(Manifests.load(ROOT.resolve("services").resolve(module)
                .resolve("src/main/resources/" + module + ".yml")).getFirst());
    }

    private static int maxRamPercentage(List<Map<String, Object>> resources) {
        Matcher m = Pattern.compile("MaxRAMPercentage=(\\d+)").matcher(String.valueOf(
                map(the(resources, "ConfigMap", "gridloop-common").get("data")).get("JAVA_TOOL_OPTIONS")));
        assertThat(m.find()).as("JAVA_TOOL_OPTIONS sizes the heap").isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static long mebibytes(Object quantity) {
        String q = String.valueOf(quantity);
        if (q.endsWith("Gi")) {
            return Long.parseLong(q.substring(0, q.length() - 2)) * 1024;
        }
        assertThat(q).as("memory in Mi or Gi").endsWith("Mi");
        return Long.parseLong(q.substring(0, q.length() - 2));
    }

    private static long millicores(Object quantity) {
        String q = String.valueOf(quantity);
        return q.endsWith("m") ? Long.parseLong(q.substring(0, q.length() - 1)) : Long.parseLong(q) * 1000;
    }

    /** Whether a variable (relaxed: no separators, lower case) names a known property or a key of a known map. */
    private static boolean binds(Set<String> known, String variable) {
        return known.contains(variable) || known.stream()
                .anyMatch(k -> k.endsWith("*") && variable.startsWith(k.substring(0, k.length() - 1)));
    }

    /**
     * Every property something reads, lower case without separators — Spring Boot binds a variable whether it
     * drops a dash ({@code …_BOOTSTRAPSERVERS}) or turns it into an underscore ({@code …_BOOTSTRAP_SERVERS}), so
     * the comparison ignores both: Spring Boot's and the libraries' configuration metadata, every key of the
     * services' YAML files, and every {@code ${…}} placeholder in their sources.
     */
    private static Set<String> knownProperties() throws IOException {
        Set<String> names = new HashSet<>();
        Set<String> maps = new HashSet<>();
        for (ConfigurationKeys.Property p : ConfigurationKeys.metadata()) {
            // A key Boot renamed (spring.data.mongodb.* → spring.mongodb.*) stays listed, deprecated.
            if (!p.deprecated()) {
                names.add(p.name());
            }
            // A map (spring.kafka.properties.*): any key below it binds.
            if (p.isMap()) {
                maps.add(p.name().replace(".", "").replace("-", "").toLowerCase());
            }
        }
        Pattern placeholder = Pattern.compile("\\$\\{([a-z0-9.\\-]+)[:}]");
        // The services' own settings and the shared ones the platform reads.
        for (Path f : ConfigurationKeys.sources(".yml")) {
            ConfigurationKeys.flatten("", Manifests.load(f).getFirst(), names);
        }
        for (Path f : ConfigurationKeys.sources(".java")) {
            Matcher m = placeholder.matcher(Files.readString(f));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        Set<String> relaxed = new HashSet<>();
        names.forEach(n -> relaxed.add(n.replace(".", "").replace("-", "").toLowerCase()));
        maps.forEach(m -> relaxed.add(m + "*"));
        return relaxed;
    }
}
