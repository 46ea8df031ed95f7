package io.gridloop.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

/** Which partitions each member of a consumer group holds now, as the group's coordinator sees it. */
public final class GroupMembers {

    private GroupMembers() {
    }

    /** Partitions held, counted by member client id and topic; an empty map while the group rebalances. */
    public static Map<String, Map<String, Integer>> partitions(String bootstrapServers, String groupId) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
            Map<String, Map<String, Integer>> held = new TreeMap<>();
            for (MemberDescription member : group.members()) {
                Map<String, Integer> byTopic = held.computeIfAbsent(member.clientId(), c -> new TreeMap<>());
                for (TopicPartition p : member.assignment().topicPartitions()) {
                    byTopic.merge(p.topic(), 1, Integer::sum);
                }
            }
            return held;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe consumer group " + groupId, e.getCause());
        }
    }
}
