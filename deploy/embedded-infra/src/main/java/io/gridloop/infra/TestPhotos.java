package io.gridloop.infra;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Photos for tests, as a phone uploads them ({@code POST /api/v1/photos}, multipart part {@code photos}). */
public final class TestPhotos {

    private TestPhotos() {
    }

    /** A tiny JPEG — its magic bytes and {@code salt}, so tests can tell their photos apart — as the upload form. */
    public static MultiValueMap<String, Object> form(byte salt) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, salt, 2, 3, 4};
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.IMAGE_JPEG);
        form.add("photos", new HttpEntity<>(new ByteArrayResource(jpeg) {
            @Override
            public String getFilename() {
                return "scene.jpg";
            }
        }, headers));
        return form;
    }
}
