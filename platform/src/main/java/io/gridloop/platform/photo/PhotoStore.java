package io.gridloop.platform.photo;

import io.gridloop.platform.problem.Refusal;
import com.mongodb.MongoWriteException;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import org.bson.BsonString;
import org.bson.Document;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.web.multipart.MultipartFile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Photos in MongoDB GridFS (bucket {@code photos}), addressed by their content: the id is {@code p} + the
 * SHA-256 of the bytes. A phone that uploads the same photo again on a bad network gets the same id and nothing
 * is stored twice; the checksum travels with the photo, so a reader can verify what it got.
 */
public class PhotoStore {

    static final String BUCKET = "photos";

    private final MongoDatabaseFactory mongo;
    private final PhotoSettings settings;
    private final Clock clock;

    public PhotoStore(MongoDatabaseFactory mongo, PhotoSettings settings, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * What is known of a stored photo.
     *
     * @param attachedTo the reports or cases that name it (their ids): who may read one of them may read the photo
     */
    public record StoredPhoto(String id, PhotoType type, long size, String sha256, Instant uploadedAt,
                              String uploadedBy, List<String> attachedTo) {
        public StoredPhoto {
            attachedTo = attachedTo == null ? List.of() : List.copyOf(attachedTo);
        }
    }

    /** A photo and its bytes. */
    public record Photo(StoredPhoto info, byte[] content) {
    }

    /**
     * Stores one photo.
     *
     * @throws Refusal 413 {@code PHOTO_TOO_LARGE}, 415 {@code UNSUPPORTED_PHOTO_TYPE} (not JPEG, PNG or
     *                      HEIC by its content), 422 {@code EMPTY_PHOTO}
     */
    public StoredPhoto store(byte[] content, String uploadedBy) {
        if (content.length == 0) {
            throw Refusal.invalid("EMPTY_PHOTO", "照片为空", "上传的照片没有内容");
        }
        if (content.length > settings.maxBytes()) {
            throw new Refusal(Refusal.Kind.TOO_LARGE, "PHOTO_TOO_LARGE", "照片过大",
                    "每张照片不能超过 " + settings.maxBytes() / (1024 * 1024) + " MB").with("maxBytes", settings.maxBytes());
        }
        PhotoType type = PhotoType.sniff(content).orElseThrow(() -> new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, "UNSUPPORTED_PHOTO_TYPE", "不支持的照片格式",
                "照片须为 JPEG、PNG 或 HEIC 格式（按文件内容判断）"));
        String sha256 = sha256(content);
        String id = "p" + sha256;
        Optional<StoredPhoto> existing = info(id);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        Document metadata = new Document("contentType", type.mediaType()).append("type", type.name())
                .append("sha256", sha256).append("uploadedAt", java.util.Date.from(now))
                .append("uploadedBy", uploadedBy);
        try {
            bucket().uploadFromStream(new BsonString(id), id, new ByteArrayInputStream(content),
                    new GridFSUploadOptions().metadata(metadata));
        } catch (MongoWriteException sameBytesAtOnce) {
            // The same photo arrived twice at once and the other upload stored it first.
            return info(id).orElseThrow(() -> sameBytesAtOnce);
        }
        return new StoredPhoto(id, type, content.length, sha256, now, uploadedBy, List.of());
    }

    /**
     * Stores the photos uploaded with one request, next to {@code alreadyAttached} ones named by id.
     *
     * @throws Refusal 422 {@code TOO_MANY_PHOTOS} beyond {@code max-per-upload}, and as {@link #store}
     */
    public List<StoredPhoto> storeAll(List<MultipartFile> photos, int alreadyAttached, String uploadedBy) {
        if (photos.size() + alreadyAttached > settings.maxPerUpload()) {
            throw Refusal.invalid("TOO_MANY_PHOTOS", "照片过多",
                    "每次最多 " + settings.maxPerUpload() + " 张照片").with("maxPerUpload", settings.maxPerUpload());
        }
        List<StoredPhoto> stored = new ArrayList<>();
        for (MultipartFile photo : photos) {
            try {
                stored.add(store(photo.getBytes(), uploadedBy));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stored;
    }

    /**
     * Refuses {@code photoIds} naming a photo nobody uploaded: 422 {@code UNKNOWN_PHOTO} on field {@code photoIds}.
     *
     * @param orElse how else the caller may send it, after "请先通过 POST /api/v1/photos 上传" (empty: no other way)
     */
    public void requireUploaded(List<String> photoIds, String orElse) {
        for (String photoId : photoIds) {
            if (info(photoId).isEmpty()) {
                throw Refusal.invalid("UNKNOWN_PHOTO", "照片不存在",
                        "照片 " + photoId + " 尚未上传；请先通过 POST /api/v1/photos 上传" + orElse)
                        .with("field", "photoIds");
            }
        }
    }

    public Optional<StoredPhoto> info(String id) {
        if (id == null || !id.matches("p[0-9a-f]{64}")) {
            return Optional.empty();
        }
        GridFSFile file = bucket().find(Filters.eq("_id", id)).first();
        if (file == null || file.getMetadata() == null) {
            return Optional.empty();
        }
        Document m = file.getMetadata();
        return Optional.of(new StoredPhoto(id, PhotoType.valueOf(m.getString("type")), file.getLength(),
                m.getString("sha256"), m.getDate("uploadedAt").toInstant(), m.getString("uploadedBy"),
                m.getList("attachedTo", String.class)));
    }

    /**
     * Records that the report or case {@code attachedTo} names the photo, so that whoever may read it may read the
     * photo. Idempotent; done before the report or case is stored, so a photo is never named but unreadable.
     */
    public void attach(String photoId, String attachedTo) {
        mongo.getMongoDatabase().getCollection(BUCKET + ".files").updateOne(Filters.eq("_id", photoId),
                com.mongodb.client.model.Updates.addToSet("metadata.attachedTo", attachedTo));
    }

    public Optional<Photo> find(String id) {
        return info(id).map(this::load);
    }

    /** The bytes of a photo whose info was read already. */
    public Photo load(StoredPhoto info) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) info.size());
        bucket().downloadToStream(new BsonString(info.id()), out);
        return new Photo(info, out.toByteArray());
    }

    private GridFSBucket bucket() {
        return GridFSBuckets.create(mongo.getMongoDatabase(), BUCKET);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
