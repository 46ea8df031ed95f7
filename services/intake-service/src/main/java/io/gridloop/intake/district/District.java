package io.gridloop.intake.district;

/** A county-level area (区/县/旗) with its 6-digit division code (GB/T 2260). */
public record District(String code, String name) {
}
