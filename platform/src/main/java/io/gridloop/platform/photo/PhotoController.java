package io.gridloop.platform.photo;

import io.gridloop.platform.security.Caller;
import io.gridloop.platform.web.ApiException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Uploading photos ({@code multipart/form-data}, part name {@code photos}, up to nine) and reading them back.
 * Reports and feedback then name the photos by id. A photo never changes, so it may be cached (privately)
 * forever. A photo is read by its uploader and by whoever may read a report or case that names it
 * ({@link PhotoAccess}); to anyone else it does not exist.
 */
@RestController
class PhotoController {

    private final PhotoStore store;
    private final List<PhotoAccess> access;

    PhotoController(PhotoStore store, List<PhotoAccess> access) {
        this.store = store;
        this.access = List.copyOf(access);
    }

    private PhotoStore.StoredPhoto readable(String id) {
        PhotoStore.StoredPhoto info = store.info(id).orElseThrow(() -> notFound(id));
        Caller caller = Caller.current();
        if (caller.id().equals(info.uploadedBy()) || info.attachedTo().stream()
                .anyMatch(ref -> access.stream().anyMatch(a -> a.mayRead(caller, ref)))) {
            return info;
        }
        throw notFound(id);
    }

    /** A stored photo as clients see it, with the URL to fetch it from. */
    record PhotoView(String id, String url, String contentType, long size, String sha256) {
        static PhotoView of(PhotoStore.StoredPhoto p) {
            return new PhotoView(p.id(), "/api/v1/photos/" + p.id(), p.type().mediaType(), p.size(), p.sha256());
        }
    }

    @PostMapping(path = "/api/v1/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<List<PhotoView>> upload(@RequestParam("photos") List<MultipartFile> photos) {
        List<PhotoView> stored = store.storeAll(photos, 0, Caller.current().id()).stream()
                .map(PhotoView::of).toList();
        return ResponseEntity.status(HttpStatus.CREATED).body(stored);
    }

    @GetMapping("/api/v1/photos/{id}")
    ResponseEntity<byte[]> photo(@PathVariable String id) {
        PhotoStore.Photo photo = store.load(readable(id));
        byte[] digest = HexFormat.of().parseHex(photo.info().sha256());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.info().type().mediaType()))
                .eTag("\"" + photo.info().sha256() + "\"")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(digest) + ":")
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable())
                .body(photo.content());
    }

    @GetMapping("/api/v1/photos/{id}/info")
    PhotoView info(@PathVariable String id) {
        return PhotoView.of(readable(id));
    }

    private static ApiException notFound(String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "PHOTO_NOT_FOUND", "照片不存在", "没有编号为 " + id + " 的照片");
    }
}
