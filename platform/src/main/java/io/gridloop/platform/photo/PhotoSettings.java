package io.gridloop.platform.photo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of photo uploads.
 *
 * @param enabled      whether this service stores and serves photos (intake's and dispatch's files set it; the
 *                     condition of {@link GridloopPhotoAutoConfiguration} reads the same key)
 * @param maxBytes     the largest photo accepted (10 MB)
 * @param maxPerUpload how many photos one report or feedback may carry (9, as phone apps allow)
 */
@ConfigurationProperties("gridloop.photos")
public record PhotoSettings(boolean enabled, Long maxBytes, Integer maxPerUpload) {

    public PhotoSettings {
        maxBytes = maxBytes == null ? 10L * 1024 * 1024 : maxBytes;
        maxPerUpload = maxPerUpload == null ? 9 : maxPerUpload;
    }
}
