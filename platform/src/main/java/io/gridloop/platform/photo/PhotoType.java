package io.gridloop.platform.photo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The image types reporters' phones produce. The type is read from the first bytes of the content — a
 * {@code Content-Type} header or a file name says nothing about what was really sent.
 */
public enum PhotoType {
    JPEG("image/jpeg"),
    PNG("image/png"),
    HEIC("image/heic");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** ISO base media brands of HEIF images (HEIC proper, its sequences, and the generic HEIF brands). */
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1",
            "msf1");

    private final String mediaType;

    PhotoType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<PhotoType> sniff(byte[] content) {
        if (content.length >= 3 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8
                && (content[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (content.length >= 8 && Arrays.equals(content, 0, 8, PNG_SIGNATURE, 0, 8)) {
            return Optional.of(PNG);
        }
        // HEIF: a box of type "ftyp" first, whose major brand names the format.
        if (content.length >= 12 && "ftyp".equals(new String(content, 4, 4, StandardCharsets.US_ASCII))
                && HEIF_BRANDS.contains(new String(content, 8, 4, StandardCharsets.US_ASCII))) {
            return Optional.of(HEIC);
        }
        return Optional.empty();
    }
}
