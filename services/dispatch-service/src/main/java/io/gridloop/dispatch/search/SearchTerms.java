package io.gridloop.dispatch.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How text is cut into the terms a case is found by, the same way for what is stored and what is asked. Chinese is
 * written without spaces, so a run of Chinese characters becomes its overlapping character pairs (二元切分: 小区漏水
 * → 小区, 区漏, 漏水) — the way Lucene's CJK analyser indexes it, with no dictionary to keep; a run of Latin
 * letters and digits (a 12345 order number, a reporter's account) is one whole term. Full-width letters and digits
 * count as their half-width forms, capitals as small letters.
 *
 * <p>Pairs can match a case whose text holds them apart (小区…区漏…漏水), so a search also keeps the Chinese
 * {@link #phrases()} asked for and checks the case's text contains each one.
 *
 * @param terms   what to look up, each at most once
 * @param phrases the runs of Chinese characters asked for, which a case's text must contain as written
 */
public record SearchTerms(Set<String> terms, List<String> phrases) {

    /** Characters that may join letters and digits inside one term: gw-saihan-01, a.b@c. */
    private static final String JOINERS = "-_.@";

    public SearchTerms {
        terms = Set.copyOf(terms);
        phrases = List.copyOf(phrases);
    }

    /**
     * The terms of what someone typed. A lone Chinese character makes no pair: it is too common to look up, and
     * only narrows (as a phrase) a search that has another term.
     */
    public static SearchTerms ofQuery(String query) {
        List<String> phrases = new ArrayList<>();
        Set<String> terms = new LinkedHashSet<>();
        cut(normalise(query), terms, phrases);
        return new SearchTerms(terms, phrases);
    }

    /** The terms a stored text is found by. */
    public static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        cut(normalise(text), terms, new ArrayList<>());
        return terms;
    }

    /** Whether {@code text} holds every phrase asked for. */
    public boolean phrasesIn(String text) {
        String normalised = normalise(text);
        return phrases.stream().allMatch(normalised::contains);
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    static String normalise(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static void cut(String text, Set<String> terms, List<String> phrases) {
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (isHan(c)) {
                int end = i;
                while (end < text.length() && isHan(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
                String run = text.substring(i, end);
                phrases.add(run);
                pairsOf(run, terms);
                i = end;
            } else if (Character.isLetterOrDigit(c)) {
                int end = i;
                while (end < text.length() && (isWordChar(text.codePointAt(end))
                        || (JOINERS.indexOf(text.charAt(end)) >= 0 && end + 1 < text.length()
                        && isWordChar(text.codePointAt(end + 1))))) {
                    end += Character.charCount(text.codePointAt(end));
                }
                terms.add(text.substring(i, end));
                i = end;
            } else {
                i += Character.charCount(c);
            }
        }
    }

    private static void pairsOf(String run, Set<String> terms) {
        int[] chars = run.codePoints().toArray();
        for (int k = 0; k + 1 < chars.length; k++) {
            terms.add(new String(chars, k, 2));
        }
    }

    private static boolean isWordChar(int c) {
        return Character.isLetterOrDigit(c) && !isHan(c);
    }

    private static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
