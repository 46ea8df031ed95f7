package io.gridloop.localstack;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes resources read into their published Java models — Kubernetes' own (fabric8's kubernetes-model) and
 * Strimzi's ({@code io.strimzi:api}) — rather than checked against field names typed by hand: a field the model
 * does not know (a typo, a wrong nesting, a field of another release) is kept aside by the model as an "additional
 * property", and those are what {@link #unknownFields} lists. A value of the wrong type fails the reading.
 */
final class PublishedModels {

    /** Each kind gridloop's manifests use that has a published model, by kind. */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("HorizontalPodAutoscaler", io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry("Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
            Map.entry("KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class));

    /**
     * Kinds whose operators publish no Java model on Maven Central: the MongoDB Community Operator's replica set
     * and the Prometheus Operator's scrape configuration and alert rules. K8sManifestsTest checks the fields gridloop relies on.
     */
    static final Set<String> UNMODELLED = Set.of("MongoDBCommunity", "ServiceMonitor", "PrometheusRule");

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PublishedModels() {
    }

    /** The paths of the fields of {@code resource} its kind's model does not know; empty when all are known. */
    static List<String> unknownFields(Map<String, Object> resource) {
        Class<?> model = MODELS.get(String.valueOf(resource.get("kind")));
        if (model == null) {
            throw new IllegalArgumentException("no published model for kind " + resource.get("kind"));
        }
        List<String> unknown = new ArrayList<>();
        collect(JSON.convertValue(resource, model), "", unknown, Collections.newSetFromMap(new IdentityHashMap<>()));
        return unknown;
    }

    /** Walks a model's getters; every model object keeps what it did not know in getAdditionalProperties(). */
    private static void collect(Object node, String path, List<String> unknown, Set<Object> seen) {
        if (node == null || !seen.add(node)) {
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collect(value, path + "." + key, unknown, seen));
            return;
        }
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(list.get(i), path + "[" + i + "]", unknown, seen);
            }
            return;
        }
        String pkg = node.getClass().getPackageName();
        if (!pkg.startsWith("io.strimzi.api") && !pkg.startsWith("io.fabric8.kubernetes.api.model")) {
            return;  // a value: text, number, Quantity's parts…
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;  // derived getters that need more than the resource holds
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                }
            } else {
                collect(value, path + "." + property(getter.getName()), unknown, seen);
            }
        }
    }

    private static String property(String getter) {
        String bare = getter.startsWith("is") ? getter.substring(2) : getter.substring(3);
        return bare.isEmpty() ? bare : Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
    }
}
