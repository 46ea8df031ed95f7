package io.gridloop.contracts.hotline;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The citizen behind a work order (诉求人). Personal data: it stays in the bridge, never travels on Kafka, and
 * is masked wherever it is printed.
 *
 * @param anonymous the citizen asked not to be contacted (保密)
 */
public record Contact(
        @Size(max = 40, message = "长度不能超过40") String name,
        @Pattern(regexp = "[0-9+\\- ]{5,20}", message = "电话号码格式不正确") String phone,
        Boolean anonymous) {

    /** 张** / 138****5678: enough for a person on the phone to recognise, not enough to identify. */
    public Contact masked() {
        return new Contact(maskName(name), maskPhone(phone), anonymous);
    }

    @Override
    public String toString() {
        Contact m = masked();
        return "Contact[" + m.name + ", " + m.phone + (Boolean.TRUE.equals(anonymous) ? ", 保密" : "") + "]";
    }

    static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.codePointAt(0);
        return new String(Character.toChars(first)) + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
    }

    static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < 7) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }
}
