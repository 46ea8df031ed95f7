// The Chinese names of the case vocabulary (states, categories, sources…), read once from dispatch: pages keep
// no copy of them.
import {shallowRef} from 'vue';
import {call} from './http.js';

const vocabulary = shallowRef(null);
let loading = null;

export function useVocabulary() {
  if (!loading) {
    loading = call('dispatch', '/api/v1/vocabulary').then(v => {
      vocabulary.value = v;
      return v;
    }).catch(e => {
      loading = null;
      throw e;
    });
  }
  return vocabulary;
}

/** The label of `code` in one list of the vocabulary (its code until the vocabulary has arrived). */
export function labelOf(list, code) {
  const v = vocabulary.value;
  const term = v && v[list] && v[list].find(t => t.code === code);
  return term ? term.label : code;
}
