package io.gridloop.stats.streams;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

import java.util.Map;

/**
 * One memory budget for all counting stores of the process: by default RocksDB gives every store (three per
 * partition, per generation) its own 50 MB block cache and 48 MB of write buffers, which on six partitions would be
 * more than the whole local stack may use. Here they share one cache that holds the write buffers too.
 */
public class BoundedRocksDb implements RocksDBConfigSetter {

    private static final long TOTAL_BYTES = 64L * 1024 * 1024;
    private static final long WRITE_BUFFER_BYTES = 16L * 1024 * 1024;

    /** Created on first use, when Kafka Streams has loaded RocksDB's native library. */
    private static final class Shared {
        static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, 0.1);
        static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(WRITE_BUFFER_BYTES, CACHE);
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(Shared.CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(Shared.WRITE_BUFFERS);
        options.setWriteBufferSize(4L * 1024 * 1024);
        options.setMaxWriteBufferNumber(2);
        options.setCompressionType(CompressionType.LZ4_COMPRESSION);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and buffer manager are shared by every store: they live as long as the process.
    }
}
