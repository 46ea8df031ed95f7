package io.gridloop.platform.photo;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PhotoTypeTest {

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] ftyp(String brand) {
        byte[] box = new byte[16];
        box[3] = 0x18;
        System.arraycopy("ftyp".getBytes(StandardCharsets.US_ASCII), 0, box, 4, 4);
        System.arraycopy(brand.getBytes(StandardCharsets.US_ASCII), 0, box, 8, 4);
        return box;
    }

    @Test
    void shouldRecogniseThePhotoTypesPhonesProduceByTheirFirstBytes() {
        assertThat(PhotoType.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10))).contains(PhotoType.JPEG);
        assertThat(PhotoType.sniff(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0))).contains(PhotoType.PNG);
        assertThat(PhotoType.sniff(ftyp("heic"))).contains(PhotoType.HEIC);
        assertThat(PhotoType.sniff(ftyp("mif1"))).contains(PhotoType.HEIC);
    }

    @Test
    void shouldRecogniseNothingElse() {
        assertThat(PhotoType.sniff("GIF89a......".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(PhotoType.sniff("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(PhotoType.sniff(ftyp("mp42"))).as("a video, not a HEIF image").isEmpty();
        assertThat(PhotoType.sniff(bytes(0xFF, 0xD8))).as("too short").isEmpty();
        assertThat(PhotoType.sniff(new byte[0])).isEmpty();
    }
}
